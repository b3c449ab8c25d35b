using Collector.Crawler.Politeness;
using Microsoft.Extensions.Time.Testing;

namespace Collector.Crawler.Tests.Politeness;

public sealed class HostBudgetTests
{
    [Fact]
    public void Throttle_On429_HalvesPaceAndRecoversSlowlyNeverAboveConfigured()
    {
        using var budget = new HostBudget("h", 4, 2, new FakeTimeProvider());

        budget.Throttle(null);
        budget.Throttle(null);
        Assert.Equal(1, budget.CurrentRate);

        for (var i = 0; i < 9; i++)
        {
            budget.Succeeded();
        }

        Assert.Equal(1, budget.CurrentRate);
        budget.Succeeded();
        Assert.Equal(1.4, budget.CurrentRate!.Value, 3);
        for (var i = 0; i < 1000; i++)
        {
            budget.Succeeded();
        }

        Assert.Equal(4, budget.CurrentRate);
    }

    [Fact]
    public void Throttle_UnpacedHost_BecomesPaced()
    {
        using var budget = new HostBudget("h", null, 2, new FakeTimeProvider());
        Assert.Null(budget.CurrentRate);

        budget.Throttle(TimeSpan.FromSeconds(1));

        Assert.NotNull(budget.CurrentRate);
    }

    [Fact]
    public async Task AcquireAsync_PacedLimiter_SpacesPermitsAndHonoursPause()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
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
        (await second).Dispose();

        limiter.PauseUntil(time.GetUtcNow() + TimeSpan.FromSeconds(10));
        var third = limiter.AcquireAsync(1).AsTask();
        time.Advance(TimeSpan.FromSeconds(9));
        Assert.False(third.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        (await third).Dispose();
    }
}
