using Microsoft.Playwright;

namespace Collector.Crawler.Browser;

/// <summary>
/// One browser context and its bookkeeping: how many pages it served, how many tabs are busy, the idle tabs ready for
/// reuse, and whether it is retiring (no new pages; closed once its last busy tab comes back). Guarded by the pool's lock.
/// </summary>
internal sealed class ContextSlot
{
    public ContextSlot(IBrowser browser, IBrowserContext context, string key, int number)
    {
        Browser = browser;
        Context = context;
        Key = key;
        Number = number;
    }

    public IBrowser Browser { get; }

    public IBrowserContext Context { get; }

    /// <summary>The proxy the context goes through ("" for a direct connection).</summary>
    public string Key { get; }

    /// <summary>1 for the first context the pool made, then 2, 3, …</summary>
    public int Number { get; }

    public int Served { get; set; }

    public int Busy { get; set; }

    public bool Retiring { get; set; }

    public bool Closed { get; set; }

    public Stack<PooledPage> Idle { get; } = new();

    /// <summary>The tab the warm-up is opening for this context right now (null when none): a capture finding no idle tab waits for it.</summary>
    public Task? Warming { get; set; }

    public bool Usable => !Retiring && !Closed && Browser.IsConnected;
}
