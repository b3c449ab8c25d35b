using Collector.Crawler.Browser;
using Collector.Crawler.Tests.Support;
using Collector.Model;

namespace Collector.Crawler.Tests.Browser;

/// <summary>
/// A target URL with a user and password crawled in browser mode (real Chromium, loopback): the site behind HTTP Basic is
/// crawled, and no stored capture (URLs, exchanges, headers) carries the credentials; custody notes that they were used.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BrowserCrawlCredentialsTests
{
    [Fact]
    public async Task RunAsync_BrowserTargetUrlWithCredentials_UsedAndStrippedFromEveryStoredCapture()
    {
        Assert.SkipUnless(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.Chromium}.");
        var expected = Sessions.TargetCredentialsTests.Expected;
        await using var site = await Sessions.TargetCredentialsTests.BehindBasicAuthAsync();
        await using var harness = CrawlHarness.Create(services: s => s.AddBrowserFetcher(BrowserFixture.Options(o => o.Screenshots = false)));
        var target = new UriBuilder(site.Url("list/0")) { UserName = "researcher", Password = "s3cret%40pw" }.Uri;
        var source = CrawlHarness.Source(target, "a.post-link");
        source.Render = RenderMode.Browser;

        var summary = await harness.CrawlAsync(source, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(3, summary.Posts);
        var captures = await harness.CapturesAsync();
        Assert.Equal(4, captures.Count);
        Assert.Equal(3, captures.Count(c => c.Outcome == PageOutcome.Content)); // the three posts behind the login (the listing is navigation)
        Assert.All(captures, c => Assert.NotEmpty(c.Exchanges));
        var stored = string.Join('\n', captures.Select(c => CollectorJson.Serialize(c)));
        Assert.DoesNotContain("s3cret", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("researcher", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(expected[6..], stored, StringComparison.Ordinal);
        Assert.All(captures, c => Assert.Equal(string.Empty, new Uri(c.RequestUrl).UserInfo));
        Assert.All(captures.SelectMany(c => c.Exchanges), e => Assert.Equal(string.Empty, new Uri(e.Url).UserInfo));
        var custody = new List<Collector.Storage.CustodyEntry>();
        await foreach (var entry in harness.Archive.Custody.ReadAsync(cancellationToken: TestContext.Current.CancellationToken))
        {
            custody.Add(entry);
        }

        Assert.Single(custody, e => e.Action == "credentials");
        Assert.DoesNotContain(custody, e => (e.Detail ?? string.Empty).Contains("s3cret", StringComparison.Ordinal));
    }
}
