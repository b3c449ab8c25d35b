namespace Collector.Crawler.Politeness;

/// <summary>
/// One host's share of the crawl: at most <c>concurrency</c> requests at once and a paced request rate. A host that
/// says slow down (429, 503) or does not answer gets half the pace, at most once per interval and never below
/// <see cref="MaxSlowdown"/> times slower than configured (the backoff's ceiling); a 429's Retry-After pauses the whole
/// host until then. Every normal answer after that multiplies the pace by <see cref="RecoveryFactor"/>, back up to the
/// configured rate, so a few bad answers cost seconds, not the crawl. Within the configured concurrency, the requests
/// at once follow what the host can take (a <see cref="ConcurrencyWindow"/>: smaller after a stalled request).
/// </summary>
public sealed class HostBudget : IDisposable
{
    /// <summary>The backoff's ceiling: the pace never falls below the configured rate divided by this.</summary>
    public const double MaxSlowdown = 16;

    /// <summary>Each normal answer multiplies a lowered pace by this (up to the configured rate).</summary>
    public const double RecoveryFactor = 1.5;

    /// <summary>An unpaced host that says slow down is paced from half this, and unpaced again once back to it.</summary>
    public const double UnpacedFallback = 20;

    /// <summary>The pace never falls below this (requests/s) because of backoff, unless configured slower.</summary>
    private const double AbsoluteFloor = 0.25;

    private static readonly TimeSpan MinCutSpacing = TimeSpan.FromSeconds(1);

    private readonly PacedRateLimiter _limiter;
    private readonly TimeProvider _clock;
    private readonly ConcurrencyWindow _window;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private bool _unpaced;
    private double _target;
    private double _floor;
    private DateTimeOffset _lastCut = DateTimeOffset.MinValue;
    private string? _reason;
    private long _requests;
    private long _throttled;

    /// <param name="requestsPerSecond">Null or 0: no pacing (a host of one's own, such as a loopback test site).</param>
    public HostBudget(string host, double? requestsPerSecond, int concurrency, TimeProvider time)
    {
        Host = host;
        _time = time;
        _window = new ConcurrencyWindow(concurrency, time);
        _unpaced = requestsPerSecond is not > 0;
        _target = _unpaced ? UnpacedFallback : requestsPerSecond!.Value;
        _floor = Floor(_target);
        _limiter = new PacedRateLimiter(_unpaced ? double.PositiveInfinity : _target, time);
        _clock = time;
    }

    public string Host { get; }

    /// <summary>The current pace (requests/s), or null when unpaced.</summary>
    public double? CurrentRate => _limiter.RequestsPerSecond is var r && double.IsPositiveInfinity(r) ? null : r;

    /// <summary>The slowest pace backoff may bring this host to.</summary>
    public double FloorRate => _floor;

    public long Requests => Interlocked.Read(ref _requests);

    public long Throttled => Interlocked.Read(ref _throttled);

    /// <summary>Requests allowed at once now (at most the configured concurrency).</summary>
    public int Concurrency => _window.Limit;

    /// <summary>Stalled requests that made the window smaller.</summary>
    public long Stalls => _window.Stalls;

    /// <summary>Why the host is slowed down now and until when it is paused (null: it runs at its configured pace).</summary>
    public HostThrottling? Throttling
    {
        get
        {
            lock (_gate)
            {
                var paused = _limiter.PausedUntil;
                return _reason is null && paused is null ? null : new HostThrottling(_reason ?? "paused", paused, CurrentRate);
            }
        }
    }

    /// <summary>
    /// Waits for a place in the host's window and the next paced permit; dispose the result when the request is over.
    /// The wait is the host's, never part of a request's timeout. When the next permit is further away than
    /// <paramref name="maxWait"/> (the host is paused by a long Retry-After), throws <see cref="HostPausedException"/>
    /// rather than hold a worker for it.
    /// </summary>
    public async ValueTask<ConcurrencyWindow.Permit> EnterAsync(int priority, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        ThrowIfPausedBeyond(maxWait);
        var permit = await _window.EnterAsync(priority, cancellationToken);
        try
        {
            ThrowIfPausedBeyond(maxWait);
            using var lease = await _limiter.AcquireAsync(1, cancellationToken);
            permit.Restart();
        }
        catch
        {
            permit.Abandon();
            throw;
        }

        Interlocked.Increment(ref _requests);
        return permit;
    }

    /// <summary>Waits for a place however long the host is paused (see <see cref="EnterAsync(int, TimeSpan, CancellationToken)"/>).</summary>
    public ValueTask<ConcurrencyWindow.Permit> EnterAsync(int priority, CancellationToken cancellationToken) =>
        EnterAsync(priority, Timeout.InfiniteTimeSpan, cancellationToken);

    /// <summary>Waits for a place at normal priority (see <see cref="EnterAsync(int, CancellationToken)"/>).</summary>
    public ValueTask<ConcurrencyWindow.Permit> EnterAsync(CancellationToken cancellationToken) => EnterAsync(0, cancellationToken);

    /// <summary>
    /// The host said slow down or did not answer: halve the pace (once per interval, down to the floor); a 429's
    /// Retry-After also pauses the whole host until then (a 503's is the path's: the caller retries that path later).
    /// </summary>
    public void Throttle(ThrottleCause cause, TimeSpan? retryAfter = null)
    {
        Interlocked.Increment(ref _throttled);
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            var rate = _limiter.RequestsPerSecond;
            var current = double.IsPositiveInfinity(rate) ? _target : rate;
            var spacing = TimeSpan.FromSeconds(Math.Max(MinCutSpacing.TotalSeconds, 1 / current));
            if (double.IsPositiveInfinity(rate) || now - _lastCut >= spacing)
            {
                // the answers of requests sent at the old pace arrive together: one cut for all of them
                _limiter.RequestsPerSecond = Math.Max(_floor, current / 2);
                _lastCut = now;
            }

            _reason = cause switch
            {
                ThrottleCause.RateLimited => "429 Too Many Requests",
                ThrottleCause.Unavailable => "503 Service Unavailable",
                _ => "no answer (timeout or reset)",
            };
        }

        if (cause == ThrottleCause.RateLimited && retryAfter is { } wait && wait > TimeSpan.Zero)
        {
            _limiter.PauseUntil(now + wait);
        }
    }

    /// <summary>A normal answer: a lowered pace climbs back by <see cref="RecoveryFactor"/>, up to the configured rate.</summary>
    public void Succeeded()
    {
        lock (_gate)
        {
            var rate = _limiter.RequestsPerSecond;
            if (double.IsPositiveInfinity(rate) || (rate >= _target && _reason is null))
            {
                return;
            }

            var next = rate * RecoveryFactor;
            if (next < _target)
            {
                _limiter.RequestsPerSecond = next;
                return;
            }

            _limiter.RequestsPerSecond = _unpaced ? double.PositiveInfinity : _target;
            _reason = null;
        }
    }

    /// <summary>The robots.txt Crawl-delay in force (null: none).</summary>
    public TimeSpan? CrawlDelay { get; private set; }

    /// <summary>
    /// robots.txt's Crawl-delay: no two requests to the host closer than <paramref name="delay"/> from now on (the
    /// configured pace when that is slower already). Applying the same delay again changes nothing.
    /// </summary>
    public void ApplyCrawlDelay(TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero || CrawlDelay == delay)
        {
            return;
        }

        _window.OneAtATime(); // a Crawl-delay asks for one request after another

        // Learned from robots.txt, whose request just ended: the next request is spaced from that end too (robots.txt
        // went out before the delay was known, so its own end spaced nothing, and its send may have lagged its turn).
        _limiter.SpaceFrom(_clock.GetUtcNow());
        lock (_gate)
        {
            CrawlDelay = delay;
            var rate = 1 / delay.TotalSeconds;
            if (!_unpaced && rate >= _target)
            {
                return;
            }

            _unpaced = false;
            _target = rate;
            _floor = Floor(rate);
            var current = _limiter.RequestsPerSecond;
            _limiter.RequestsPerSecond = Math.Min(current, rate);
        }
    }

    /// <summary>
    /// A request to the host is over. Under a Crawl-delay the next one waits the delay from here, not from this one's
    /// start: the host then sees its requests at least the delay apart whatever the time between our turn and its
    /// arrival (a loaded machine delayed one request's send by 130 ms, and the next arrived 874 ms after it).
    /// </summary>
    public void RequestEnded()
    {
        if (CrawlDelay is { } delay && delay > TimeSpan.Zero)
        {
            _limiter.SpaceFrom(_clock.GetUtcNow());
        }
    }

    public void Dispose() => _limiter.Dispose();

    private static double Floor(double target) => Math.Min(target, Math.Max(target / MaxSlowdown, AbsoluteFloor));

    private void ThrowIfPausedBeyond(TimeSpan maxWait)
    {
        if (maxWait == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        var next = _limiter.NextSlot;
        if (next - _time.GetUtcNow() > maxWait)
        {
            throw new HostPausedException(Host, next, Throttling?.Reason ?? "paused");
        }
    }
}
