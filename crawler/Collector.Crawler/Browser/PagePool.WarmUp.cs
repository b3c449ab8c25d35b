namespace Collector.Crawler.Browser;

/// <summary>Opening the first tabs ahead of the crawl's first pages.</summary>
public sealed partial class PagePool
{
    /// <summary>
    /// Starts the browser and, for direct connections, a context with <paramref name="tabs"/> idle tabs (fewer when some
    /// are open already). The tabs open one after another and each is ready for a capture as soon as it is open: a crawl
    /// starts with one page, which then waits for one tab start instead of sharing two cores with all of them.
    /// </summary>
    public async Task WarmUpAsync(int tabs, CancellationToken cancellationToken)
    {
        var browser = await _host.GetBrowserAsync(cancellationToken);
        if (tabs <= 0)
        {
            return;
        }

        // The context is made with its first tab already announced as coming, so a capture that finds the new context
        // waits for that tab instead of opening one of its own. A no-op when the current context is still usable.
        var opened = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await ReplaceContextAsync(browser, "", proxy: null, cancellationToken, warming: opened.Task);
        while (true)
        {
            ContextSlot? slot;
            lock (_sync)
            {
                _current.TryGetValue("", out slot);
                var ours = slot is not null && ReferenceEquals(slot.Warming, opened.Task);
                if (slot is null || !slot.Usable || !_options.ReusePages || slot.Idle.Count + slot.Busy >= tabs
                    || (slot.Warming is not null && !ours))
                {
                    if (ours)
                    {
                        slot!.Warming = null;
                    }

                    opened.TrySetResult();
                    return;
                }

                slot.Warming = opened.Task;
            }

            PooledPage pooled;
            bool kept;
            try
            {
                pooled = await OpenTabAsync(slot, cancellationToken);
                lock (_sync)
                {
                    kept = slot.Usable;
                    if (kept)
                    {
                        slot.Idle.Push(pooled);
                    }
                }
            }
            finally
            {
                lock (_sync)
                {
                    slot.Warming = null;
                }

                opened.SetResult();
            }

            if (!kept)
            {
                Track(ClosePageAsync(pooled));
                return;
            }

            opened = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>
    /// Waits for the tab the warm-up is opening in <paramref name="slot"/> (if any), then takes an idle tab if one is
    /// there: null when none is (another capture took it), and the caller opens its own.
    /// </summary>
    private async Task<PooledPage?> AwaitWarmingAsync(ContextSlot slot, Task? warming, CancellationToken cancellationToken)
    {
        if (warming is null)
        {
            return null;
        }

        await warming.WaitAsync(cancellationToken);
        PooledPage? idle;
        var stale = new List<PooledPage>();
        lock (_sync)
        {
            idle = PopIdle(slot, stale);
        }

        foreach (var page in stale)
        {
            Track(ClosePageAsync(page));
        }

        return idle;
    }
}
