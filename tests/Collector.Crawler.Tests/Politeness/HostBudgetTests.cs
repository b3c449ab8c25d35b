using Collector.Crawler.Politeness;
using Microsoft.Extensions.Time.Testing;

namespace Collector.Crawler.Tests.Politeness;

public sealed class HostBudgetTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static FakeTimeProvider Clock() => new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Throttle_ManyInOneInterval_HalvesOnceThenDownToTheFloorNeverBelow()
    {
        var time = Clock();
        using var budget = new HostBudget("h", 4, 2, time);

        budget.Throttle(ThrottleCause.RateLimited);
        budget.Throttle(ThrottleCause.RateLimited);
        budget.Throttle(ThrottleCause.Unavailable);
        Assert.Equal(2, budget.CurrentRate);

        for (var i = 0; i < 50; i++)
        {
            time.Advance(TimeSpan.FromSeconds(10));
            budget.Throttle(ThrottleCause.NoAnswer);
        }

        Assert.Equal(0.25, budget.CurrentRate);
        Assert.Equal(0.25, budget.FloorRate);
        Assert.Equal(53, budget.Throttled);
    }

    [Fact]
    public void Succeeded_AfterBackoff_RecoversMultiplicativelyToTheConfiguredRateNeverAbove()
    {
        var time = Clock();
        using var budget = new HostBudget("h", 4, 2, time);
        for (var i = 0; i < 10; i++)
        {
            time.Advance(TimeSpan.FromSeconds(10));
            budget.Throttle(ThrottleCause.RateLimited);
        }

        Assert.Equal(0.25, budget.CurrentRate);
        Assert.NotNull(budget.Throttling);

        // 0.25 * 1.5^7 > 4: seven normal answers bring a host at the floor back to its configured pace
        for (var i = 0; i < 6; i++)
        {
            budget.Succeeded();
        }

        Assert.InRange(budget.CurrentRate!.Value, 2.8, 2.9);
        budget.Succeeded();
        Assert.Equal(4, budget.CurrentRate);
        Assert.Null(budget.Throttling);
        budget.Succeeded();
        Assert.Equal(4, budget.CurrentRate);
    }

    [Fact]
    public void Throttle_UnpacedHost_PacedWhileSlowedThenUnpacedAgain()
    {
        using var budget = new HostBudget("h", null, 2, Clock());
        Assert.Null(budget.CurrentRate);

        budget.Throttle(ThrottleCause.Unavailable);

        Assert.Equal(HostBudget.UnpacedFallback / 2, budget.CurrentRate);
        budget.Succeeded();
        budget.Succeeded();
        Assert.Null(budget.CurrentRate);
        Assert.Null(budget.Throttling);
    }

    [Fact]
    public void Throttle_429RetryAfter_PausesTheHost503RetryAfterDoesNot()
    {
        var time = Clock();
        using var budget = new HostBudget("h", 4, 2, time);

        budget.Throttle(ThrottleCause.Unavailable, TimeSpan.FromSeconds(5));
        Assert.Null(budget.Throttling!.PausedUntil);
        Assert.Equal("503 Service Unavailable", budget.Throttling.Reason);

        budget.Throttle(ThrottleCause.RateLimited, TimeSpan.FromSeconds(5));
        Assert.Equal(time.GetUtcNow() + TimeSpan.FromSeconds(5), budget.Throttling!.PausedUntil);
        Assert.Equal("429 Too Many Requests", budget.Throttling.Reason);
    }

    [Fact]
    public async Task EnterAsync_HostPausedBeyondTheMaxWait_ThrowsWithTheEndOfThePauseAndHoldsNoPlace()
    {
        var time = Clock();
        using var budget = new HostBudget("h", 4, 1, time);
        budget.Throttle(ThrottleCause.RateLimited, TimeSpan.FromSeconds(60));

        var paused = await Assert.ThrowsAsync<HostPausedException>(() => budget.EnterAsync(0, TimeSpan.FromSeconds(30), CancellationToken.None).AsTask());

        Assert.Equal(time.GetUtcNow() + TimeSpan.FromSeconds(60), paused.Until);
        // the one place of the window is free: a request willing to wait gets it once the pause is over
        var waiting = budget.EnterAsync(0, TimeSpan.FromSeconds(90), CancellationToken.None).AsTask();
        time.Advance(TimeSpan.FromSeconds(60));
        using var permit = await waiting.WaitAsync(Patience, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task AcquireAsync_PacedLimiter_SpacesPermitsAndHonoursPause()
    {
        var time = Clock();
        using var limiter = new PacedRateLimiter(2, time);

        using (var first = await limiter.AcquireAsync(1))
        {
            Assert.True(first.IsAcquired);
        }

        Assert.False(limiter.AttemptAcquire(1).IsAcquired);
        var second = limiter.AcquireAsync(1).AsTask();
        time.Advance(TimeSpan.FromMilliseconds(400));
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(100));
        (await second.WaitAsync(Patience, TestContext.Current.CancellationToken)).Dispose();

        limiter.PauseUntil(time.GetUtcNow() + TimeSpan.FromSeconds(10));
        var third = limiter.AcquireAsync(1).AsTask();
        time.Advance(TimeSpan.FromSeconds(9));
        Assert.False(third.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        (await third.WaitAsync(Patience, TestContext.Current.CancellationToken)).Dispose();
    }

    [Fact]
    public async Task AcquireAsync_CancelledWait_GivesItsSlotBack()
    {
        var time = Clock();
        using var limiter = new PacedRateLimiter(1, time);
        (await limiter.AcquireAsync(1)).Dispose();

        using (var cancel = new CancellationTokenSource())
        {
            var abandoned = limiter.AcquireAsync(1, cancel.Token).AsTask();
            await cancel.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        }

        // the next permit is due one interval after the last granted one, not after the abandoned wait's slot
        var next = limiter.AcquireAsync(1).AsTask();
        time.Advance(TimeSpan.FromSeconds(1));
        (await next.WaitAsync(Patience, TestContext.Current.CancellationToken)).Dispose();
    }

    [Fact]
    public async Task AcquireAsync_RateRaisedWhileWaiting_GrantedAtTheNewPace()
    {
        var time = Clock();
        using var limiter = new PacedRateLimiter(0.1, time);
        (await limiter.AcquireAsync(1)).Dispose();
        var waiting = limiter.AcquireAsync(1).AsTask();
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(waiting.IsCompleted);

        limiter.RequestsPerSecond = 10;

        (await waiting.WaitAsync(Patience, TestContext.Current.CancellationToken)).Dispose();
    }
}
