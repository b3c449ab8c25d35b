using System.Text;
using Collector.Configuration;
using Collector.Crawler.Fetching;
using Collector.Crawler.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Collector.Crawler.Tests.Sessions;

/// <summary>An authenticated HTTP proxy (a Kestrel stand-in on loopback that asks for credentials with 407).</summary>
public sealed class ProxyCredentialsTests
{
    [Fact]
    public async Task For_ProxyUrlWithUserAndPassword_CredentialsSentWhenTheProxyAsks()
    {
        string? sent = null;
        await using var proxy = await TestSite.StartAsync(async context =>
        {
            if (context.Request.Headers.ProxyAuthorization.FirstOrDefault() is not { } credentials)
            {
                context.Response.StatusCode = 407;
                context.Response.Headers.ProxyAuthenticate = "Basic realm=\"proxy\"";
                return;
            }

            sent = credentials;
            await context.Response.WriteAsync("<html><body>through the proxy</body></html>");
        });
        using var clients = new ProxyClients(new CrawlerOptions { RequestTimeout = TimeSpan.FromSeconds(10) });
        var client = clients.For(new Uri($"http://lab-user:p%40ss%3Aword@127.0.0.1:{proxy.Root.Port}/"));

        using var response = await client.GetAsync("http://target.example/page", TestContext.Current.CancellationToken);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("lab-user:p@ss:word")), sent);
    }
}
