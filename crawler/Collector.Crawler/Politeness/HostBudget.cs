namespace Collector.Crawler.Politeness;

/// <summary>
/// One host's share of the crawl: at most <c>concurrency</c> requests at once and a paced request rate. On 429/503 the
/// rate halves (and a Retry-After pauses the host); after that it recovers by small steps per success, never above the
/// configured rate. Concurrency never rises in response to anything: only the pace changes.
/// </summary>
public sealed class HostBudget : IDisposable
{
    private const double Floor = 0.05;

    /// <summary>An unpaced host that says slow down is paced from then on, starting from this.</summary>
    private const double UnpacedFallback = 20;
    private double _configuredRate;
    private PacedRateLimiter? _limiter;
    private readonly SemaphoreSlim _slots;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private int _successesSinceChange;
    private long _requests;
    private long _throttled;

    /// <param name="requestsPerSecond">Null or 0: no pacing (a host of one's own, such as a loopback test site).</param>
    public HostBudget(string host, double? requestsPerSecond, int concurrency, TimeProvider time)
    {
        Host = host;
        _time = time;
        _slots = new SemaphoreSlim(Math.Max(1, concurrency));
        if (requestsPerSecond is > 0)
        {
            _configuredRate = requestsPerSecond.Value;
            _limiter = new PacedRateLimiter(requestsPerSecond.Value, time);
        }
    }

    public string Host { get; }

    /// <summary>The current pace (requests/s), or null when unpaced.</summary>
    public double? CurrentRate => Volatile.Read(ref _limiter)?.RequestsPerSecond;

    public long Requests => Interlocked.Read(ref _requests);

    public long Throttled => Interlocked.Read(ref _throttled);

    /// <summary>Waits for a concurrency slot and the next paced permit; dispose the result when the request is over.</summary>
    public async ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            if (Volatile.Read(ref _limiter) is { } limiter)
            {
                using var lease = await limiter.AcquireAsync(1, cancellationToken);
            }
        }
        catch
        {
            _slots.Release();
            throw;
        }

        Interlocked.Increment(ref _requests);
        return new Slot(_slots);
    }

    /// <summary>The host said slow down (429/503): halve the pace, and pause it until Retry-After when given.</summary>
    public void Throttle(TimeSpan? retryAfter)
    {
        Interlocked.Increment(ref _throttled);
        lock (_gate)
        {
            if (_limiter is null)
            {
                _configuredRate = UnpacedFallback;
                Volatile.Write(ref _limiter, new PacedRateLimiter(UnpacedFallback, _time));
            }

            _limiter.RequestsPerSecond = Math.Max(Floor, _limiter.RequestsPerSecond / 2);
            _successesSinceChange = 0;
        }

        if (retryAfter is { } wait && wait > TimeSpan.Zero)
        {
            _limiter!.PauseUntil(_time.GetUtcNow() + wait);
        }
    }

    /// <summary>A normal answer: after every 10 in a row the pace climbs back by a tenth of the configured rate.</summary>
    public void Succeeded()
    {
        if (Volatile.Read(ref _limiter) is null)
        {
            return;
        }

        lock (_gate)
        {
            if (_limiter!.RequestsPerSecond >= _configuredRate || ++_successesSinceChange < 10)
            {
                return;
            }

            _successesSinceChange = 0;
            _limiter.RequestsPerSecond = Math.Min(_configuredRate, _limiter.RequestsPerSecond + (_configuredRate / 10));
        }
    }

    public void Dispose()
    {
        _limiter?.Dispose();
        _slots.Dispose();
    }

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
