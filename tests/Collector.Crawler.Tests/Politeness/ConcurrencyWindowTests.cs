using Collector.Crawler.Politeness;
using Microsoft.Extensions.Time.Testing;

namespace Collector.Crawler.Tests.Politeness;

public sealed class ConcurrencyWindowTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EnterAsync_SlowStart_GrowsByOnePerAnswerUpToTheConfiguredConcurrency()
    {
        var time = new FakeTimeProvider();
        var window = new ConcurrencyWindow(10, time);
        Assert.Equal(ConcurrencyWindow.Initial, window.Limit);

        for (var i = 0; i < 3; i++)
        {
            await AnswerAsync(window, time, TimeSpan.FromMilliseconds(50));
        }

        Assert.Equal(ConcurrencyWindow.Initial + 3, window.Limit);
        for (var i = 0; i < 100; i++)
        {
            await AnswerAsync(window, time, TimeSpan.FromMilliseconds(50));
        }

        Assert.Equal(10, window.Limit);
    }

    [Fact]
    public void Limit_ConfiguredBelowTheStart_IsTheConfiguredConcurrency()
    {
        Assert.Equal(2, new ConcurrencyWindow(2, new FakeTimeProvider()).Limit);
    }

    [Fact]
    public async Task Dispose_StalledRequest_HalvesTheWindowOncePerStallThenGrowsSlowly()
    {
        var time = new FakeTimeProvider();
        var window = new ConcurrencyWindow(32, time);
        for (var i = 0; i < 28; i++)
        {
            await AnswerAsync(window, time, TimeSpan.FromMilliseconds(100));
        }

        Assert.Equal(32, window.Limit);

        // three requests caught in the same stall (a dropped connection costs a one-second retransmit)
        var stalled = new[] { await window.EnterAsync(0, Ct), await window.EnterAsync(0, Ct), await window.EnterAsync(0, Ct) };
        time.Advance(TimeSpan.FromSeconds(1.1));
        foreach (var permit in stalled)
        {
            permit.Dispose();
        }

        Assert.Equal(16, window.Limit);
        Assert.Equal(1, window.Stalls);

        // congestion avoidance: about one more per window's worth of answers
        for (var i = 0; i < 15; i++)
        {
            await AnswerAsync(window, time, TimeSpan.FromMilliseconds(100));
        }

        Assert.Equal(16, window.Limit);
        for (var i = 0; i < 2; i++)
        {
            await AnswerAsync(window, time, TimeSpan.FromMilliseconds(100));
        }

        Assert.Equal(17, window.Limit);
    }

    [Fact]
    public async Task Dispose_Unanswered_CountsAsAStall()
    {
        var time = new FakeTimeProvider();
        var window = new ConcurrencyWindow(8, time);
        var permit = await window.EnterAsync(0, Ct);
        permit.Unanswered();
        permit.Dispose();

        Assert.Equal(2, window.Limit);
    }

    [Fact]
    public async Task Dispose_SlowButUsualAnswers_NeverStall()
    {
        var time = new FakeTimeProvider();
        var window = new ConcurrencyWindow(8, time);
        for (var i = 0; i < 20; i++)
        {
            await AnswerAsync(window, time, TimeSpan.FromSeconds(3));
        }

        Assert.Equal(8, window.Limit);
        Assert.Equal(0, window.Stalls);
    }

    [Fact]
    public async Task EnterAsync_Full_LetsWaitersInByPriorityThenArrival()
    {
        var window = new ConcurrencyWindow(1, new FakeTimeProvider());
        var holder = await window.EnterAsync(0, Ct);
        var order = new List<string>();
        var item1 = Track(window.EnterAsync(0, Ct), "item1", order);
        var item2 = Track(window.EnterAsync(0, Ct), "item2", order);
        var next = Track(window.EnterAsync(1, Ct), "next page", order);

        holder.Dispose();
        (await next).Dispose();
        (await item1).Dispose();
        (await item2).Dispose();

        Assert.Equal(["next page", "item1", "item2"], order);
        Assert.Equal(0, window.Active);
    }

    [Fact]
    public async Task EnterAsync_CancelledWhileWaiting_GivesItsTurnToTheNext()
    {
        var window = new ConcurrencyWindow(1, new FakeTimeProvider());
        var holder = await window.EnterAsync(0, Ct);
        using var cancel = new CancellationTokenSource();
        var cancelled = window.EnterAsync(0, cancel.Token).AsTask();
        var after = window.EnterAsync(0, Ct).AsTask();

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        holder.Dispose();

        (await after.WaitAsync(TimeSpan.FromSeconds(5), Ct)).Dispose();
        Assert.Equal(0, window.Active);
    }

    [Fact]
    public async Task Abandon_GivesThePlaceBackWithoutJudgingTheHost()
    {
        var time = new FakeTimeProvider();
        var window = new ConcurrencyWindow(8, time);
        var permit = await window.EnterAsync(0, Ct);
        time.Advance(TimeSpan.FromMinutes(1));
        permit.Abandon();

        Assert.Equal(ConcurrencyWindow.Initial, window.Limit);
        Assert.Equal(0, window.Active);
    }

    [Fact]
    public async Task Dispose_SlowUntimedAnswers_GrowTheWindowAndNeverHalveIt()
    {
        var time = new FakeTimeProvider();
        var window = new ConcurrencyWindow(8, time);
        for (var i = 0; i < 8; i++)
        {
            await AnswerAsync(window, time, TimeSpan.FromMilliseconds(100));
        }

        // rendered pages: ten times the usual time each, which would be a stall for a plain request
        for (var i = 0; i < 4; i++)
        {
            using var permit = await window.EnterAsync(0, Ct);
            time.Advance(TimeSpan.FromSeconds(1));
            permit.AnsweredUntimed();
        }

        Assert.Equal(8, window.Limit);
        Assert.Equal(0, window.Stalls);

        // the usual time did not learn from them: a plain request as slow still counts as a stall
        var plain = await window.EnterAsync(0, Ct);
        time.Advance(TimeSpan.FromSeconds(1));
        plain.Dispose();
        Assert.Equal(1, window.Stalls);
        Assert.Equal(4, window.Limit);
    }

    private static async Task AnswerAsync(ConcurrencyWindow window, FakeTimeProvider time, TimeSpan took)
    {
        using var permit = await window.EnterAsync(0, Ct);
        time.Advance(took);
    }

    private static async Task<ConcurrencyWindow.Permit> Track(ValueTask<ConcurrencyWindow.Permit> entering, string name, List<string> order)
    {
        var permit = await entering;
        lock (order)
        {
            order.Add(name);
        }

        return permit;
    }
}
