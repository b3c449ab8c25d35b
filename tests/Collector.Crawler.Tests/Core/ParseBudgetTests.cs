using System.Security.Cryptography;
using System.Text;
using Collector.Crawler.Core;
using Collector.Crawler.Tests.Support;
using Collector.Model;
using Collector.Parsers;
using Collector.Parsers.Platforms.Generic;
using Microsoft.Extensions.DependencyInjection;

namespace Collector.Crawler.Tests.Core;

/// <summary>
/// crawler.parseTimeout through the real crawl: a page whose parse runs past the budget is recorded
/// <c>failed: parse-timeout</c> with the raw response kept, while the other pages of the run are parsed as usual.
/// </summary>
public sealed class ParseBudgetTests
{
    [Fact]
    public async Task RunAsync_ParserPastItsBudget_FailedParseTimeoutRawKeptOthersArchived()
    {
        using var release = new ManualResetEventSlim();
        var forum = ForumCrawlTests.Forum(1, 4);
        await using var site = await TestSite.StartAsync(forum);
        var slow = new StuckParser("/post/3", release);

        // the first post parsed in a process loads the language tables (seconds on a loaded machine): not this test's subject
        Assert.Equal(PageOutcome.Content, slow.Parse(new PageInput { Url = site.Url("post/99"), Body = ForumPages.Post(99) }).Classification);
        await using var harness = CrawlHarness.Create(
            o => o.ParseTimeout = TimeSpan.FromSeconds(5),
            services: s => s.AddSingleton(new ParserRegistry([slow])));
        try
        {
            var summary = await harness.CrawlAsync(CrawlHarness.Source(site.Url("list/0"), "a.post-link"));

            var captures = await harness.CapturesAsync();
            var stuck = captures.Single(c => new Uri(c.RequestUrl).AbsolutePath == "/post/3");
            Assert.Equal(PageOutcome.Failed, stuck.Outcome);
            Assert.StartsWith(ParseBudget.Reason + ":", stuck.OutcomeReason, StringComparison.Ordinal);
            Assert.Empty(stuck.Posts);
            var raw = Assert.Single(stuck.Artifacts, a => a.Kind == ArtifactKinds.Raw);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ForumPages.Post(3)))), raw.Sha256);
            Assert.True(await harness.Archive.Artifacts.ExistsAsync(raw.Sha256, TestContext.Current.CancellationToken));
            Assert.True(slow.Started.IsSet, "the stuck parser was never reached");

            Assert.Equal(3, summary.Posts);
            Assert.Equal(["/post/1", "/post/2", "/post/4"], captures.Where(c => c.Outcome == PageOutcome.Content).Select(c => new Uri(c.RequestUrl).AbsolutePath).Order());
        }
        finally
        {
            release.Set();
        }
    }

    [Fact]
    public void AddCollectorCrawler_ParseTimeoutZero_Refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => CrawlHarness.Create(o => o.ParseTimeout = TimeSpan.Zero));

        Assert.Contains("parseTimeout", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>The generic parser, except that one path's parse hangs until the test lets it go (a parser stuck in a loop).</summary>
    private sealed class StuckParser(string path, ManualResetEventSlim release) : IPlatformParser
    {
        private readonly GenericParser _generic = new();

        public ManualResetEventSlim Started { get; } = new();

        public string Platform => _generic.Platform;

        public bool Handles(Uri url) => true;

        public ParseResult Parse(PageInput page)
        {
            if (page.Url.AbsolutePath == path)
            {
                Started.Set();
                release.Wait(TimeSpan.FromMinutes(2));
            }

            return _generic.Parse(page);
        }
    }
}
