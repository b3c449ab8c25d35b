namespace Collector.Crawler.Browser;

/// <summary>Opening the first tabs ahead of the crawl's first pages.</summary>
public sealed partial class PagePool
{
    /// <summary>
    /// Starts the browser and, for direct connections, a context with <paramref name="tabs"/> idle tabs (fewer when some
    /// are open already), opened side by side: the crawl's first pages then find them ready.
    /// </summary>
    public async Task WarmUpAsync(int tabs, CancellationToken cancellationToken)
    {
        var browser = await _host.GetBrowserAsync(cancellationToken);
        if (tabs <= 0)
        {
            return;
        }

        // a no-op when the direct connection's current context is still usable
        await ReplaceContextAsync(browser, "", proxy: null, cancellationToken);
        ContextSlot? slot;
        int missing;
        lock (_sync)
        {
            missing = _current.TryGetValue("", out slot) && slot.Usable ? tabs - slot.Idle.Count - slot.Busy : 0;
        }

        if (slot is null || missing <= 0)
        {
            return;
        }

        var opened = await Task.WhenAll(Enumerable.Range(0, missing).Select(_ => OpenTabAsync(slot, cancellationToken)));
        foreach (var pooled in opened)
        {
            bool kept;
            lock (_sync)
            {
                kept = slot.Usable && _options.ReusePages;
                if (kept)
                {
                    slot.Idle.Push(pooled);
                }
            }

            if (!kept)
            {
                Track(ClosePageAsync(pooled));
            }
        }
    }
}
