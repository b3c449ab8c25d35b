using System.Threading.RateLimiting;

namespace Collector.Crawler.Politeness;

/// <summary>
/// A rate limiter that spaces permits evenly: each permit gets the next free slot, slots 1/rate apart, so requests
/// reach the server at most at the rate, never in bursts. The rate can be changed at any time (the next slot moves);
/// <see cref="PauseUntil"/> holds every permit back until a time (a server's Retry-After).
/// </summary>
public sealed class PacedRateLimiter : RateLimiter
{
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private double _rate;
    private DateTimeOffset _nextSlot;
    private long _granted;
    private int _waiting;

    public PacedRateLimiter(double requestsPerSecond, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(requestsPerSecond);
        _rate = requestsPerSecond;
        _time = time;
        _nextSlot = DateTimeOffset.MinValue;
    }

    public double RequestsPerSecond
    {
        get
        {
            lock (_gate)
            {
                return _rate;
            }
        }

        set
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            lock (_gate)
            {
                _rate = value;
            }
        }
    }

    public override TimeSpan? IdleDuration => null;

    /// <summary>No permit is granted before <paramref name="until"/>.</summary>
    public void PauseUntil(DateTimeOffset until)
    {
        lock (_gate)
        {
            if (until > _nextSlot)
            {
                _nextSlot = until;
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics() => new()
    {
        CurrentAvailablePermits = _time.GetUtcNow() >= _nextSlot ? 1 : 0,
        CurrentQueuedCount = Volatile.Read(ref _waiting),
        TotalSuccessfulLeases = Interlocked.Read(ref _granted),
    };

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (now < _nextSlot)
            {
                return PacedLease.Refused;
            }

            _nextSlot = now + Interval(permitCount);
        }

        Interlocked.Increment(ref _granted);
        return PacedLease.Granted;
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        DateTimeOffset slot;
        DateTimeOffset now;
        lock (_gate)
        {
            now = _time.GetUtcNow();
            slot = now > _nextSlot ? now : _nextSlot;
            _nextSlot = slot + Interval(permitCount);
        }

        if (slot > now)
        {
            Interlocked.Increment(ref _waiting);
            try
            {
                await Task.Delay(slot - now, _time, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _waiting);
            }
        }

        Interlocked.Increment(ref _granted);
        return PacedLease.Granted;
    }

    private TimeSpan Interval(int permits) => TimeSpan.FromSeconds(Math.Max(1, permits) / _rate);

    private sealed class PacedLease(bool acquired) : RateLimitLease
    {
        public static readonly PacedLease Granted = new(true);
        public static readonly PacedLease Refused = new(false);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
