using Collector.Configuration;
using Collector.Crawler.Fetching;
using Collector.Crawler.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Collector.Crawler.Tests.Fetching;

/// <summary>A caller's token (the Reddit API's bearer) goes to its own origin only, never along a redirect to another.</summary>
public sealed class RedirectHeaderTests
{
    private static async Task<FetchResult> FetchAsync(Uri url)
    {
        var services = new ServiceCollection();
        services.AddCollectorCrawler(new CrawlerOptions { AllowPrivateAddresses = true, RequestTimeout = TimeSpan.FromSeconds(5), Contact = "lab@example.org" });
        await using var provider = services.BuildServiceProvider();
        var fetcher = provider.GetServices<IFetcher>().Single(f => f.Mode == Collector.Model.RenderMode.Http);
        return await fetcher.FetchAsync(
            new FetchRequest { Url = url, Headers = [new("Authorization", "bearer t0ken"), new("Cookie", "session=s3cret"), new("X-Trace", "7")], Screenshot = false },
            TestContext.Current.CancellationToken);
    }

    private static Task<TestSite> RecordingSiteAsync(List<IHeaderDictionary> seen, Func<HttpContext, Task>? answer = null) =>
        TestSite.StartAsync(async context =>
        {
            lock (seen)
            {
                seen.Add(new HeaderDictionary(context.Request.Headers.ToDictionary(h => h.Key, h => h.Value)));
            }

            if (answer is not null)
            {
                await answer(context);
                return;
            }

            await context.Response.WriteAsync("<html><body><p>landed</p></body></html>");
        });

    [Fact]
    public async Task FetchAsync_RedirectToAnotherOrigin_DropsAuthorizationAndCookieKeepsTheRest()
    {
        var elsewhere = new List<IHeaderDictionary>();
        var origin = new List<IHeaderDictionary>();
        await using var other = await RecordingSiteAsync(elsewhere);
        await using var api = await RecordingSiteAsync(origin, context =>
        {
            context.Response.Redirect(other.Url("landing").AbsoluteUri);
            return Task.CompletedTask;
        });

        var result = await FetchAsync(api.Url("r/osint/new.json"));

        Assert.Equal(200, result.Status);
        Assert.Equal("bearer t0ken", Assert.Single(origin)["Authorization"].ToString());
        var hop = Assert.Single(elsewhere);
        Assert.False(hop.ContainsKey("Authorization"));
        Assert.False(hop.ContainsKey("Cookie"));
        Assert.Equal("7", hop["X-Trace"].ToString());
    }

    [Fact]
    public async Task FetchAsync_RedirectWithinTheOrigin_KeepsTheToken()
    {
        var seen = new List<IHeaderDictionary>();
        await using var api = await RecordingSiteAsync(seen, async context =>
        {
            if (context.Request.Path == "/old")
            {
                context.Response.Redirect("/new");
                return;
            }

            await context.Response.WriteAsync("<html><body><p>moved</p></body></html>");
        });

        var result = await FetchAsync(api.Url("old"));

        Assert.Equal(200, result.Status);
        Assert.Equal(2, seen.Count);
        Assert.All(seen, h => Assert.Equal("bearer t0ken", h["Authorization"].ToString()));
        Assert.All(seen, h => Assert.Equal("session=s3cret", h["Cookie"].ToString()));
    }
}
