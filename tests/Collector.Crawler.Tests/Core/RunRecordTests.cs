using Collector.Crawler.Tests.Support;
using Collector.Model;
using Collector.Storage;
using Microsoft.AspNetCore.Http;

namespace Collector.Crawler.Tests.Core;

/// <summary>The crawl adds to the run record the scheduler saved; it never drops what the scheduler wrote there.</summary>
public sealed class RunRecordTests
{
    [Fact]
    public async Task RunAsync_RunSavedByScheduler_KeepsFireNodeAndFoldedFiresWhileAndAfterCrawling()
    {
        var ct = TestContext.Current.CancellationToken;
        var fire = new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
        var scheduled = new RunRecord
        {
            Id = Ids.New(TimeProvider.System),
            Source = "test",
            ScheduledAt = fire,
            StartedAt = TimeProvider.System.GetUtcNow(),
            Node = "node-a",
            Coalesced = new CoalescedFires(3, fire.AddMinutes(-3), fire.AddMinutes(-1)),
        };
        RunRecord? midway = null;
        await using var harness = CrawlHarness.Create();
        await harness.Archive.Runs.SaveAsync(scheduled, ct);
        await using var site = await TestSite.StartAsync(async context =>
        {
            midway ??= await harness.Archive.Runs.GetAsync(scheduled.Id, ct); // what a kill at this instant would leave
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync("<!doctype html><html><head><title>t</title></head><body><p>hello</p></body></html>", ct);
        });

        await harness.CrawlAsync(CrawlHarness.Source(site.Url("page.html")), adjust: job => job with { RunId = scheduled.Id }, cancellationToken: ct);

        var after = await harness.Archive.Runs.GetAsync(scheduled.Id, ct);
        foreach (var run in new[] { midway, after })
        {
            Assert.NotNull(run);
            Assert.Equal(fire, run.ScheduledAt);
            Assert.Equal("node-a", run.Node);
            Assert.Equal(scheduled.Coalesced, run.Coalesced);
            Assert.Equal(scheduled.StartedAt, run.StartedAt);
        }

        Assert.NotEqual(RunOutcomes.Running, after!.Outcome);
    }
}
