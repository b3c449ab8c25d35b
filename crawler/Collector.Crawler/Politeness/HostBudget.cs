namespace Collector.Crawler.Politeness;

/// <summary>
/// One host's share of the crawl: at most <c>concurrency</c> requests at once and a paced request rate. On 429/503 the
/// rate halves (and a Retry-After pauses the host); after that it recovers by small steps per success, never above the
/// configured rate. Within the configured concurrency, the requests at once follow what the host can take (a
/// <see cref="ConcurrencyWindow"/>: smaller after a stalled request); neither ever rises above what is configured.
/// </summary>
public sealed class HostBudget : IDisposable
{
    private const double Floor = 0.05;

    /// <summary>An unpaced host that says slow down is paced from then on, starting from this.</summary>
    private const double UnpacedFallback = 20;
    private double _configuredRate;
    private PacedRateLimiter? _limiter;
    private readonly ConcurrencyWindow _window;
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
        _window = new ConcurrencyWindow(concurrency, time);
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

    /// <summary>Requests allowed at once now (at most the configured concurrency).</summary>
    public int Concurrency => _window.Limit;

    /// <summary>Stalled requests that made the window smaller.</summary>
    public long Stalls => _window.Stalls;

    /// <summary>Waits for a place in the host's window and the next paced permit; dispose the result when the request is over.</summary>
    public async ValueTask<ConcurrencyWindow.Permit> EnterAsync(int priority, CancellationToken cancellationToken)
    {
        var permit = await _window.EnterAsync(priority, cancellationToken);
        try
        {
            if (Volatile.Read(ref _limiter) is { } limiter)
            {
                using var lease = await limiter.AcquireAsync(1, cancellationToken);
                permit.Restart();
            }
        }
        catch
        {
            permit.Abandon();
            throw;
        }

        Interlocked.Increment(ref _requests);
        return permit;
    }

    /// <summary>Waits for a place at normal priority (see <see cref="EnterAsync(int, CancellationToken)"/>).</summary>
    public ValueTask<ConcurrencyWindow.Permit> EnterAsync(CancellationToken cancellationToken) => EnterAsync(0, cancellationToken);

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
    }
}
