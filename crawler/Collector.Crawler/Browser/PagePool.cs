using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Collector.Crawler.Browser;

/// <summary>
/// Hands out browser tabs: reuses idle tabs of the current context (a new tab costs a renderer start), replaces a
/// context after it has served <see cref="BrowserFetcherOptions.RecycleContextAfterPages"/> pages, and retires every
/// context early when the browser's memory passes <see cref="BrowserFetcherOptions.RecycleAtMemoryMb"/>. A retiring
/// context takes no new pages and is closed when its last busy tab comes back, so recycling never cuts a capture short.
/// One current context per proxy.
/// </summary>
public sealed partial class PagePool : IAsyncDisposable
{
    private readonly ChromiumHost _host;
    private readonly BrowserFetcherOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<PagePool> _logger;
    private readonly Lock _sync = new();
    private readonly Dictionary<string, ContextSlot> _current = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _createGate = new(1, 1);
    private readonly ConcurrentDictionary<Task, byte> _closing = new();
    private int _contextsCreated;
    private int _contextsClosed;
    private int _recycledByCount;
    private int _recycledByMemory;
    private int _pagesOpened;
    private int _pagesReused;
    private int _sampling;
    private long _lastSampleTicks;
    private long _memoryCooldownUntilTicks;
    private MemorySample _lastMemory = MemorySample.None;

    /// <param name="guard">The address guard every request of a page passes (null: none, for a browser used on its own).</param>
    public PagePool(ChromiumHost host, BrowserFetcherOptions options, TimeProvider time, ILogger<PagePool> logger, RouteGuard? guard = null)
    {
        Guard = guard;
        _host = host;
        _options = options;
        _time = time;
        _logger = logger;
        Blocker = new ResourceBlocker(options.BlockResources);
    }

    public ResourceBlocker Blocker { get; }

    public RouteGuard? Guard { get; }

    public ChromiumHost Host => _host;

    public BrowserPoolStatistics Statistics
    {
        get
        {
            lock (_sync)
            {
                return new BrowserPoolStatistics(
                    _contextsCreated, _contextsClosed, _recycledByCount, _recycledByMemory, _pagesOpened, _pagesReused,
                    _host.Launches, Blocker.BlockedCount, _lastMemory);
            }
        }
    }

    /// <summary>A tab ready for one capture; give it back with <see cref="ReleaseAsync"/>.</summary>
    public async Task<PooledPage> AcquireAsync(Uri? proxy, CancellationToken cancellationToken)
    {
        var browser = await _host.GetBrowserAsync(cancellationToken);
        SampleMemoryInBackground();
        var key = proxy?.ToString() ?? "";
        while (true)
        {
            ContextSlot? slot = null;
            PooledPage? idle = null;
            Task? warming = null;
            var stale = new List<PooledPage>();
            lock (_sync)
            {
                if (_current.TryGetValue(key, out var candidate) && candidate.Usable && ReferenceEquals(candidate.Browser, browser))
                {
                    slot = candidate;
                    slot.Served++;
                    slot.Busy++;
                    if (slot.Served >= _options.RecycleContextAfterPages)
                    {
                        slot.Retiring = true;
                        _current.Remove(key);
                        _recycledByCount++;
                    }

                    idle = PopIdle(slot, stale);
                    warming = idle is null ? slot.Warming : null;
                }
            }

            foreach (var page in stale)
            {
                Track(ClosePageAsync(page));
            }

            if (slot is null)
            {
                await ReplaceContextAsync(browser, key, proxy, cancellationToken);
                continue;
            }

            if (idle is not null)
            {
                return idle;
            }

            try
            {
                return await AwaitWarmingAsync(slot, warming, cancellationToken) ?? await OpenTabAsync(slot, cancellationToken);
            }
            catch
            {
                await GiveBackAsync(slot, page: null, reusable: false);
                throw;
            }
        }
    }

    /// <summary>An idle tab of <paramref name="slot"/> that is still usable, counted as reused (null when none); the caller holds the lock and closes <paramref name="stale"/>.</summary>
    private PooledPage? PopIdle(ContextSlot slot, List<PooledPage> stale)
    {
        while (slot.Idle.TryPop(out var page))
        {
            if (!page.Crashed && !page.Page.IsClosed)
            {
                _pagesReused++;
                return page;
            }

            stale.Add(page);
        }

        return null;
    }

    /// <summary>A new tab in <paramref name="slot"/>'s context, counted.</summary>
    private async Task<PooledPage> OpenTabAsync(ContextSlot slot, CancellationToken cancellationToken)
    {
        var page = new PooledPage(await slot.Context.NewPageAsync().WaitAsync(cancellationToken), slot);
        Interlocked.Increment(ref _pagesOpened);
        return page;
    }

    /// <summary>Gives a tab back: kept for the next capture when <paramref name="reusable"/>, closed otherwise.</summary>
    public Task ReleaseAsync(PooledPage page, bool reusable)
    {
        page.EndCapture();
        return GiveBackAsync(page.Slot, page, reusable);
    }

    /// <summary>Retires every current context (new pages go to fresh ones); busy tabs finish first.</summary>
    public void RetireAll(string reason)
    {
        List<ContextSlot> toClose = [];
        lock (_sync)
        {
            foreach (var slot in _current.Values)
            {
                slot.Retiring = true;
                if (slot.Busy == 0 && !slot.Closed)
                {
                    slot.Closed = true;
                    toClose.Add(slot);
                }
            }

            _current.Clear();
        }

        Log.ContextsRetired(_logger, reason);
        foreach (var slot in toClose)
        {
            Track(CloseContextAsync(slot));
        }
    }

    public async ValueTask DisposeAsync()
    {
        RetireAll("shutting down");
        await Task.WhenAll(_closing.Keys);
        _createGate.Dispose();
    }

    /// <param name="warming">The warm-up's first tab, announced with the new context (<see cref="ContextSlot.Warming"/>); not used when the current context stays.</param>
    private async Task ReplaceContextAsync(IBrowser browser, string key, Uri? proxy, CancellationToken cancellationToken, Task? warming = null)
    {
        await _createGate.WaitAsync(cancellationToken);
        try
        {
            lock (_sync)
            {
                if (_current.TryGetValue(key, out var existing) && existing.Usable && ReferenceEquals(existing.Browser, browser))
                {
                    return;
                }
            }

            var context = await browser.NewContextAsync(ContextOptions(proxy)).WaitAsync(cancellationToken);
            context.SetDefaultTimeout((float)_options.NavigationTimeout.TotalMilliseconds);
            context.SetDefaultNavigationTimeout((float)_options.NavigationTimeout.TotalMilliseconds);
            await Blocker.AttachAsync(context);
            if (Guard is not null)
            {
                await Guard.AttachAsync(context);
            }
            ContextSlot? old;
            ContextSlot fresh;
            var closeOld = false;
            lock (_sync)
            {
                _contextsCreated++;
                fresh = new ContextSlot(browser, context, key, _contextsCreated) { Warming = warming };
                _current.TryGetValue(key, out old);
                _current[key] = fresh;
                if (old is not null)
                {
                    old.Retiring = true;
                    if (old.Busy == 0 && !old.Closed)
                    {
                        old.Closed = true;
                        closeOld = true;
                    }
                }
            }

            Log.ContextOpened(_logger, fresh.Number, key.Length == 0 ? "direct" : "proxy");
            if (closeOld && old is not null)
            {
                Track(CloseContextAsync(old));
            }
        }
        finally
        {
            _createGate.Release();
        }
    }

    private BrowserNewContextOptions ContextOptions(Uri? proxy)
    {
        var options = new BrowserNewContextOptions
        {
            UserAgent = _options.UserAgent,
            ViewportSize = new ViewportSize { Width = _options.ViewportWidth, Height = _options.ViewportHeight },
            AcceptDownloads = false,
            ServiceWorkers = ServiceWorkerPolicy.Block,
        };
        if (proxy is not null)
        {
            var user = proxy.UserInfo.Split(':', 2);
            options.Proxy = new Proxy
            {
                Server = proxy.GetLeftPart(UriPartial.Authority).Replace(proxy.UserInfo + "@", "", StringComparison.Ordinal),
                Username = user[0].Length > 0 ? Uri.UnescapeDataString(user[0]) : null,
                Password = user.Length > 1 ? Uri.UnescapeDataString(user[1]) : null,
            };
        }

        return options;
    }

    private Task GiveBackAsync(ContextSlot slot, PooledPage? page, bool reusable)
    {
        var keep = false;
        var closeContext = false;
        lock (_sync)
        {
            slot.Busy--;
            if (page is not null && reusable && _options.ReusePages && slot.Usable && !page.Crashed && !page.Page.IsClosed)
            {
                slot.Idle.Push(page);
                keep = true;
            }

            if (slot.Retiring && slot.Busy == 0 && !slot.Closed)
            {
                slot.Closed = true;
                closeContext = true;
            }
        }

        if (closeContext)
        {
            Track(CloseContextAsync(slot));
        }
        else if (!keep && page is not null)
        {
            Track(ClosePageAsync(page));
        }

        return Task.CompletedTask;
    }

    private async Task CloseContextAsync(ContextSlot slot)
    {
        try
        {
            await slot.Context.CloseAsync().WaitAsync(TimeSpan.FromSeconds(15));
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
        {
            Log.CloseFailed(_logger, ex.Message);
        }

        lock (_sync)
        {
            _contextsClosed++;
        }

        Log.ContextClosed(_logger, slot.Number, slot.Served);
    }

    private static async Task ClosePageAsync(PooledPage page)
    {
        try
        {
            await page.Page.CloseAsync(new PageCloseOptions { RunBeforeUnload = false }).WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
        {
            // A crashed or hung tab: its context is retired with it sooner or later.
        }
    }

    private void Track(Task task)
    {
        _closing.TryAdd(task, 0);
        _ = task.ContinueWith(t => _closing.TryRemove(t, out _), TaskScheduler.Default);
    }

    private void SampleMemoryInBackground()
    {
        var now = _time.GetTimestamp();
        if (_time.GetElapsedTime(Interlocked.Read(ref _lastSampleTicks), now) < _options.MemorySampleInterval
            || Interlocked.CompareExchange(ref _sampling, 1, 0) != 0)
        {
            return;
        }

        Interlocked.Exchange(ref _lastSampleTicks, now);
        _ = Task.Run(() =>
        {
            try
            {
                var sample = _host.MeasureMemory();
                lock (_sync)
                {
                    _lastMemory = sample;
                }

                var inCooldown = _time.GetTimestamp() < Interlocked.Read(ref _memoryCooldownUntilTicks);
                if (sample.PssMb > _options.RecycleAtMemoryMb && !inCooldown)
                {
                    lock (_sync)
                    {
                        _recycledByMemory++;
                    }

                    // Give the retired contexts time to close before judging memory again.
                    var cooldown = (long)(_options.MemorySampleInterval.TotalSeconds * 5 * _time.TimestampFrequency);
                    Interlocked.Exchange(ref _memoryCooldownUntilTicks, _time.GetTimestamp() + cooldown);
                    RetireAll($"browser memory {sample.PssMb:F0} MB over {_options.RecycleAtMemoryMb} MB");
                }
            }
            finally
            {
                Interlocked.Exchange(ref _sampling, 0);
            }
        });
    }
}

/// <summary>What the pool has done so far, and the last memory reading of the browser tree.</summary>
public sealed record BrowserPoolStatistics(
    int ContextsCreated,
    int ContextsClosed,
    int RecycledByCount,
    int RecycledByMemory,
    int PagesOpened,
    int PagesReused,
    int BrowserLaunches,
    long RequestsBlocked,
    MemorySample LastMemory);
