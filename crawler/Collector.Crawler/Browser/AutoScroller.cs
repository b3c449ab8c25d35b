using System.Text.Json;
using Collector.Crawler.Fetching;
using Microsoft.Playwright;

namespace Collector.Crawler.Browser;

/// <summary>Why autoscrolling stopped.</summary>
public enum ScrollStop
{
    /// <summary>The plan's number of scrolls was done.</summary>
    Times,

    /// <summary>The item count reached <see cref="ScrollPlan.MaxItems"/>.</summary>
    MaxItems,

    /// <summary><see cref="ScrollPlan.StopAfterNoGrowth"/> scrolls in a row added nothing: the feed's end.</summary>
    NoGrowth,

    /// <summary>The plan's time budget ran out.</summary>
    Budget,
}

/// <summary>What autoscrolling did: steps taken, items (or scroll height) at the end, buttons clicked, why it stopped.</summary>
public sealed record ScrollOutcome(int Steps, int Items, int Clicks, ScrollStop Stop);

/// <summary>
/// Scrolls an infinite feed to load more of it, clicking a "load more" button when the page shows one, until a stop
/// condition: the plan's number of scrolls, an item count, no growth after K scrolls, or the time budget.
/// </summary>
public static class AutoScroller
{
    /// <param name="stepWait">How long one step waits for the feed to grow before counting it as "no growth".</param>
    /// <param name="scriptTraffic">The page's XHR/fetch traffic: (requests in flight, a counter of requests started and
    /// finished). A step without growth that saw data traffic (a slow API, a response not yet rendered) does not count
    /// towards the no-growth stop; the time budget still bounds it.</param>
    public static async Task<ScrollOutcome> RunAsync(
        IPage page,
        ScrollPlan plan,
        string? loadMoreSelector,
        TimeSpan stepWait,
        TimeProvider time,
        CancellationToken cancellationToken,
        Func<(int InFlight, long Activity)>? scriptTraffic = null)
    {
        var started = time.GetTimestamp();
        var steps = 0;
        var clicks = 0;
        var stale = 0;
        var items = 0;
        while (true)
        {
            if (steps >= plan.Times)
            {
                return new ScrollOutcome(steps, items, clicks, ScrollStop.Times);
            }

            var left = plan.Budget - time.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
            {
                return new ScrollOutcome(steps, items, clicks, ScrollStop.Budget);
            }

            var wait = left < stepWait ? left : stepWait;
            var trafficBefore = scriptTraffic?.Invoke().Activity ?? 0;
            var step = await page.EvaluateAsync<JsonElement>(
                PageScripts.ScrollStep,
                new object?[] { plan.ItemSelector, loadMoreSelector, (int)wait.TotalMilliseconds }).WaitAsync(cancellationToken);
            steps++;
            var before = step.GetProperty("before").GetInt32();
            items = step.GetProperty("after").GetInt32();
            if (step.GetProperty("clicked").GetBoolean())
            {
                clicks++;
            }

            if (plan.MaxItems is { } max && plan.ItemSelector is not null && items >= max)
            {
                return new ScrollOutcome(steps, items, clicks, ScrollStop.MaxItems);
            }

            var traffic = scriptTraffic?.Invoke() ?? (0, trafficBefore);
            var busy = traffic.InFlight > 0 || traffic.Activity != trafficBefore;
            stale = items > before ? 0 : busy ? stale : stale + 1;
            if (stale >= Math.Max(1, plan.StopAfterNoGrowth))
            {
                return new ScrollOutcome(steps, items, clicks, ScrollStop.NoGrowth);
            }
        }
    }
}
