using System.Text;
using Collector.Crawler.Tests.Core;
using Collector.Crawler.Tests.Support;
using Collector.Model;
using Microsoft.AspNetCore.Http;

namespace Collector.Crawler.Tests.Sessions;

/// <summary>A target URL with a user and password: the site behind HTTP Basic is crawled, and no stored URL carries them.</summary>
public sealed class TargetCredentialsTests
{
    /// <summary>The Authorization header "researcher" with password "s3cret@pw" sends.</summary>
    internal static readonly string Expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("researcher:s3cret@pw"));

    /// <summary>A forum of three posts behind HTTP Basic (robots.txt open to all).</summary>
    internal static Task<TestSite> BehindBasicAuthAsync()
    {
        var forum = ForumCrawlTests.Forum(1, 3);
        return TestSite.StartAsync(async context =>
        {
            if (context.Request.Path != "/robots.txt" && context.Request.Headers.Authorization != Expected)
            {
                context.Response.StatusCode = 401;
                context.Response.Headers.WWWAuthenticate = "Basic realm=\"lab\"";
                return;
            }

            await forum(context);
        });
    }

    [Fact]
    public async Task RunAsync_TargetUrlWithCredentials_UsedForTheHostStrippedEverywhereAndNotedInCustody()
    {
        var expected = Expected;
        await using var site = await BehindBasicAuthAsync();
        await using var harness = CrawlHarness.Create();
        var target = new UriBuilder(site.Url("list/0")) { UserName = "researcher", Password = "s3cret%40pw" }.Uri;

        var summary = await harness.CrawlAsync(CrawlHarness.Source(target, "a.post-link"));

        Assert.Equal(3, summary.Posts);
        var captures = await harness.CapturesAsync();
        Assert.Equal(4, captures.Count);
        var stored = string.Join('\n', captures.Select(c => CollectorJson.Serialize(c)));
        Assert.DoesNotContain("s3cret", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("researcher", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(expected[6..], stored, StringComparison.Ordinal);
        Assert.All(captures, c => Assert.Equal(string.Empty, new Uri(c.RequestUrl).UserInfo));
        var custody = new List<Collector.Storage.CustodyEntry>();
        await foreach (var entry in harness.Archive.Custody.ReadAsync(cancellationToken: TestContext.Current.CancellationToken))
        {
            custody.Add(entry);
        }

        var note = Assert.Single(custody, e => e.Action == "credentials");
        Assert.Contains(site.Root.Authority, note.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(custody, e => (e.Detail ?? string.Empty).Contains("s3cret", StringComparison.Ordinal));
    }
}
