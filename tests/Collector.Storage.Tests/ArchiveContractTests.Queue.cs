using Collector.Model;

namespace Collector.Storage.Tests;

/// <summary>The contract's crawl queue: dedupe by unique key, leases, retries, and the lease a capture completes.</summary>
public abstract partial class ArchiveContractTests
{
    [Fact]
    public async Task Queue_SameUniqueKeyTwice_EnqueuedOnce()
    {
        var added = await Archive.Queue.EnqueueAsync("crawl", [Request("a"), Request("b"), Request("a")], Ct);
        var again = await Archive.Queue.EnqueueAsync("crawl", [Request("b")], Ct);

        Assert.Equal(2, added);
        Assert.Equal(0, again);
        Assert.Equal(new QueueCounts(2, 0, 0, 0), await Archive.Queue.CountAsync("crawl", Ct));
        Assert.Equal(1, await Archive.Queue.EnqueueAsync("other-crawl", [Request("a")], Ct));
    }

    [Fact]
    public async Task Queue_ExpiredLease_IsHandedOutAgainWithNextAttempt()
    {
        await Archive.Queue.EnqueueAsync("crawl", [Request("a"), Request("b", priority: 5)], Ct);
        var first = await Archive.Queue.LeaseAsync("crawl", 10, TimeSpan.FromMinutes(1), Ct);
        Assert.Equal(["b", "a"], first.Select(l => l.Request.UniqueKey));
        Assert.Empty(await Archive.Queue.LeaseAsync("crawl", 10, TimeSpan.FromMinutes(1), Ct));

        Time.Advance(TimeSpan.FromMinutes(2));
        var again = await Archive.Queue.LeaseAsync("crawl", 1, TimeSpan.FromMinutes(1), Ct);

        var lease = Assert.Single(again);
        Assert.Equal("b", lease.Request.UniqueKey);
        Assert.Equal(2, lease.Attempt);
        Assert.NotEqual(first[0].Token, lease.Token);
        Assert.Equal(5, lease.Request.Priority);
    }

    [Fact]
    public async Task Queue_ReleaseLeases_DeadProcessLeasesHandedOutAtOnceOtherCrawlsUntouched()
    {
        await Archive.Queue.EnqueueAsync("crawl", [Request("a"), Request("b")], Ct);
        await Archive.Queue.EnqueueAsync("other", [Request("c")], Ct);
        var held = await Archive.Queue.LeaseAsync("crawl", 10, TimeSpan.FromMinutes(2), Ct);
        await Archive.Queue.CompleteAsync(held[0], PageOutcome.Content, Ct);
        await Archive.Queue.LeaseAsync("other", 10, TimeSpan.FromMinutes(2), Ct);

        Assert.Equal(1, await Archive.Queue.ReleaseLeasesAsync("crawl", Ct));

        var again = Assert.Single(await Archive.Queue.LeaseAsync("crawl", 10, TimeSpan.FromMinutes(2), Ct)); // no wait for expiry
        Assert.Equal(held[1].Request.UniqueKey, again.Request.UniqueKey);
        Assert.Equal(2, again.Attempt);
        Assert.Equal(new QueueCounts(0, 1, 1, 0), await Archive.Queue.CountAsync("crawl", Ct));
        Assert.Equal(new QueueCounts(0, 1, 0, 0), await Archive.Queue.CountAsync("other", Ct));
    }

    [Fact]
    public async Task Queue_RetryLaterAndFail_CountAttemptsAndStates()
    {
        await Archive.Queue.EnqueueAsync("crawl", [Request("a"), Request("b")], Ct);
        var leases = await Archive.Queue.LeaseAsync("crawl", 2, TimeSpan.FromMinutes(1), Ct);
        await Archive.Queue.RetryLaterAsync(leases[0], TestData.T0.AddMinutes(10), "503", Ct);
        await Archive.Queue.FailAsync(leases[1], "gave up", Ct);

        Assert.Equal(new QueueCounts(1, 0, 0, 1), await Archive.Queue.CountAsync("crawl", Ct));
        Assert.Empty(await Archive.Queue.LeaseAsync("crawl", 5, TimeSpan.FromMinutes(1), Ct));
        Time.Advance(TimeSpan.FromMinutes(11));
        var retried = Assert.Single(await Archive.Queue.LeaseAsync("crawl", 5, TimeSpan.FromMinutes(1), Ct));
        Assert.Equal(2, retried.Attempt);
        await Archive.Queue.CompleteAsync(retried, PageOutcome.Content, Ct);
        Assert.Equal(new QueueCounts(0, 0, 1, 1), await Archive.Queue.CountAsync("crawl", Ct));
    }

    [Fact]
    public async Task RecordCapture_WithLease_CompletesTheRequestInTheSameWrite()
    {
        await Archive.Queue.EnqueueAsync("crawl", [Request("a")], Ct);
        var lease = Assert.Single(await Archive.Queue.LeaseAsync("crawl", 1, TimeSpan.FromMinutes(1), Ct));
        await Archive.RecordCaptureAsync(TestData.Capture("c1", TestData.T0, TestData.Post("p1")), new CaptureContext { Lease = lease }, Ct);

        Assert.Equal(new QueueCounts(0, 0, 1, 0), await Archive.Queue.CountAsync("crawl", Ct));
        Time.Advance(TimeSpan.FromHours(1));
        Assert.Empty(await Archive.Queue.LeaseAsync("crawl", 1, TimeSpan.FromMinutes(1), Ct));
    }

    private static QueueRequest Request(string key, int priority = 0) =>
        new() { Url = "https://example.test/" + key, UniqueKey = key, Priority = priority };
}
