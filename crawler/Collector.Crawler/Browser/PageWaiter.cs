using Microsoft.Playwright;

namespace Collector.Crawler.Browser;

/// <summary>How the wait ended: the selector matched, the page went quiet, the wait's cap ran out, or the navigation's own wait sufficed.</summary>
public enum WaitResult
{
    Selector,
    Quiet,
    Cap,
    Navigation,
}

/// <summary>Runs the in-page part of a <see cref="WaitStrategy"/> after navigation.</summary>
internal static class PageWaiter
{
    private static readonly TimeSpan InFlightPoll = TimeSpan.FromMilliseconds(100);

    /// <param name="cap">The longest to wait; a page that is not ready by then is captured as it is (not an error).</param>
    public static async Task<WaitResult> WaitAsync(
        IPage page,
        WaitStrategy strategy,
        NetworkRecorder recorder,
        TimeSpan quiet,
        TimeSpan cap,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (strategy.Kind == WaitKind.Delay)
        {
            await Task.Delay(strategy.Delay < cap ? strategy.Delay : cap, time, cancellationToken);
            return WaitResult.Navigation;
        }

        if (!strategy.WaitsInPage)
        {
            return WaitResult.Navigation;
        }

        var started = time.GetTimestamp();
        while (true)
        {
            var left = cap - time.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
            {
                return WaitResult.Cap;
            }

            string result;
            try
            {
                result = await page.EvaluateAsync<string>(
                    PageScripts.WaitReady,
                    new object?[] { strategy.Selector, (int)quiet.TotalMilliseconds, (int)left.TotalMilliseconds }).WaitAsync(cancellationToken);
            }
            catch (PlaywrightException ex) when (ex.Message.Contains("Execution context was destroyed", StringComparison.Ordinal)
                || ex.Message.Contains("navigat", StringComparison.OrdinalIgnoreCase))
            {
                // The page navigated itself (a script redirect): wait for the new document, then wait again.
                await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded).WaitAsync(cancellationToken);
                continue;
            }

            switch (result)
            {
                case "selector":
                    return WaitResult.Selector;
                case "cap":
                    return WaitResult.Cap;
            }

            // Quiet DOM, but data may still be on its way: wait for XHR/fetch to land, then check quiet again.
            if (recorder.InFlightScriptRequests == 0)
            {
                return WaitResult.Quiet;
            }

            await Task.Delay(InFlightPoll, time, cancellationToken);
        }
    }
}
