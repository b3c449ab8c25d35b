using Collector.Scheduler;
using Microsoft.Extensions.Time.Testing;

namespace Collector.Scheduler.Tests;

public sealed class SourceHealthTests
{
    [Fact]
    public void Failed_Repeatedly_BacksOffDoublingUpToTheCap()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var health = new SourceHealth(time);
        var interval = TimeSpan.FromMinutes(10);
        var cap = TimeSpan.FromMinutes(35);

        var first = health.Failed("a", "boom", interval, cap);
        Assert.False(health.ShouldSkip("a", out _)); // the next fire retries at once
        var second = health.Failed("a", "boom", interval, cap);
        var third = health.Failed("a", "boom", interval, cap);
        var fourth = health.Failed("a", "boom", interval, cap);

        Assert.Equal(1, first.ConsecutiveFailures);
        Assert.Equal(time.GetUtcNow() + TimeSpan.FromMinutes(10), second.RetryNotBefore);
        Assert.Equal(time.GetUtcNow() + TimeSpan.FromMinutes(20), third.RetryNotBefore);
        Assert.Equal(time.GetUtcNow() + cap, fourth.RetryNotBefore);
        Assert.True(health.ShouldSkip("a", out var state));
        Assert.Equal(4, state.ConsecutiveFailures);
    }

    [Fact]
    public void ShouldSkip_AfterBackoffPassesOrSuccess_RunsAgain()
    {
        var time = new FakeTimeProvider();
        var health = new SourceHealth(time);
        health.Failed("a", "x", TimeSpan.FromMinutes(1), TimeSpan.FromHours(1));
        health.Failed("a", "x", TimeSpan.FromMinutes(1), TimeSpan.FromHours(1));
        Assert.True(health.ShouldSkip("a", out _));

        time.Advance(TimeSpan.FromMinutes(1));

        Assert.False(health.ShouldSkip("a", out _));
        health.Succeeded("a");
        Assert.Equal(0, health.Get("a").ConsecutiveFailures);
    }

    [Fact]
    public void Failed_OneSource_OthersUnaffected()
    {
        var health = new SourceHealth(new FakeTimeProvider());
        health.Failed("a", "x", TimeSpan.FromMinutes(1), TimeSpan.FromHours(1));
        health.Failed("a", "x", TimeSpan.FromMinutes(1), TimeSpan.FromHours(1));

        Assert.True(health.ShouldSkip("a", out _));
        Assert.False(health.ShouldSkip("b", out _));
    }
}
