using System.Text;
using Collector.Crawler.Sessions;
using Collector.Crawler.Tests.Support;
using Collector.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Collector.Crawler.Tests.Sessions;

public sealed class RedditOAuthTests
{
    [Fact]
    public async Task RunAsync_RedditWithCredentials_TokenFetchedApiHostUsedAndSecretsNeverArchived()
    {
        var tokenRequests = 0;
        string? grant = null;
        await using var api = await TestSite.StartAsync(async context =>
        {
            if (context.Request.Path == "/api/v1/access_token")
            {
                Interlocked.Increment(ref tokenRequests);
                var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("app-id:app-secret"));
                if (context.Request.Headers.Authorization != expected)
                {
                    context.Response.StatusCode = 401;
                    return;
                }

                grant = (await context.Request.ReadFormAsync()).TryGetValue("grant_type", out var g) ? g.ToString() : null;
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("""{"access_token":"tok-123","token_type":"bearer","expires_in":3600,"scope":"*"}""");
                return;
            }

            if (context.Request.Headers.Authorization != "bearer tok-123")
            {
                context.Response.StatusCode = 401;
                return;
            }

            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"kind":"Listing","data":{"after":null,"children":[]}}""");
        });
        await using var harness = CrawlHarness.Create(services: s => s.AddSingleton(new RedditCredentials("app-id", "app-secret")
        {
            TokenEndpoint = api.Url("api/v1/access_token"),
            ApiBase = api.Root,
        }));
        var source = CrawlHarness.Source(new Uri("https://www.reddit.com/r/osint/new.json?limit=5"));
        source.Platform = Platforms.Reddit;
        source.Robots = new Configuration.RobotsOptions { Obey = false, OverrideReason = "official API under Reddit's research terms" };

        var summary = await harness.CrawlAsync(source);

        Assert.Equal(1, tokenRequests);
        Assert.Equal("client_credentials", grant);
        Assert.Contains(api.Requests, r => r.Path == "/r/osint/new?limit=5&raw_json=1" && r.Authorization == "bearer tok-123");
        Assert.Equal(1, summary.Pages);
        var capture = Assert.Single(await harness.CapturesAsync());
        Assert.Equal("https://www.reddit.com/r/osint/new.json?limit=5", capture.RequestUrl);
        Assert.Equal(200, capture.HttpStatus);
        var recorded = Collector.Model.CollectorJson.Serialize(capture);
        Assert.DoesNotContain("tok-123", recorded, StringComparison.Ordinal);
        Assert.DoesNotContain("app-secret", recorded, StringComparison.Ordinal);
    }
}
