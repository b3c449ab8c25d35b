using System.Threading.RateLimiting;

namespace Collector.Crawler.Politeness;

/// <summary>
/// A rate limiter that spaces permits evenly: a permit is granted no sooner than 1/rate after the last one, so requests
/// reach the server at most at the rate, never in bursts; <see cref="PauseUntil"/> holds every permit back until a time
/// (a server's Retry-After). Nothing is reserved ahead: a waiter takes a slot only when it is due, so a cancelled wait
/// leaves nothing behind, and a change of rate or pause moves the next slot for those already waiting.
/// </summary>
public sealed class PacedRateLimiter : RateLimiter
{
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private double _rate;
    private DateTimeOffset _lastGrant = DateTimeOffset.MinValue;
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;
    private TaskCompletionSource _changed = NewSignal();
    private long _granted;
    private int _waiting;

    /// <param name="requestsPerSecond">Positive; <see cref="double.PositiveInfinity"/> for no spacing (pauses still apply).</param>
    public PacedRateLimiter(double requestsPerSecond, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(requestsPerSecond);
        _rate = requestsPerSecond;
        _time = time;
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
                Signal();
            }
        }
    }

    /// <summary>Until when every permit is held back (a Retry-After), or null when not paused now.</summary>
    public DateTimeOffset? PausedUntil
    {
        get
        {
            lock (_gate)
            {
                return _pausedUntil > _time.GetUtcNow() ? _pausedUntil : null;
            }
        }
    }

    /// <summary>When the next permit is due (now or later).</summary>
    public DateTimeOffset NextSlot
    {
        get
        {
            lock (_gate)
            {
                return Due(_time.GetUtcNow());
            }
        }
    }

    public override TimeSpan? IdleDuration => null;

    /// <summary>The next permit is spaced from <paramref name="instant"/> (a request's end) when that is later than the last grant.</summary>
    public void SpaceFrom(DateTimeOffset instant)
    {
        lock (_gate)
        {
            if (instant > _lastGrant)
            {
                _lastGrant = instant;
                Signal();
            }
        }
    }

    /// <summary>No permit is granted before <paramref name="until"/>.</summary>
    public void PauseUntil(DateTimeOffset until)
    {
        lock (_gate)
        {
            if (until > _pausedUntil)
            {
                _pausedUntil = until;
                Signal();
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics() => new()
    {
        CurrentAvailablePermits = NextSlot <= _time.GetUtcNow() ? 1 : 0,
        CurrentQueuedCount = Volatile.Read(ref _waiting),
        TotalSuccessfulLeases = Interlocked.Read(ref _granted),
    };

    protected override RateLimitLease AttemptAcquireCore(int permitCount) =>
        TryTake(permitCount, out _) ? PacedLease.Granted : PacedLease.Refused;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _waiting);
        try
        {
            while (true)
            {
                if (TryTake(permitCount, out var wait, out var changed))
                {
                    return PacedLease.Granted;
                }

                // wake when the slot is due, or earlier when the rate or pause changed (the slot may have moved)
                using var sleep = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                var delay = Task.Delay(wait, _time, sleep.Token);
                await Task.WhenAny(delay, changed);
                await sleep.CancelAsync();
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    private bool TryTake(int permitCount, out TimeSpan wait) => TryTake(permitCount, out wait, out _);

    private bool TryTake(int permitCount, out TimeSpan wait, out Task changed)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var due = Due(now);
            changed = _changed.Task;
            if (due > now)
            {
                wait = due - now;
                return false;
            }

            // a multi-permit request spaces the following one by as many intervals
            _lastGrant = now + (Interval() * (Math.Max(1, permitCount) - 1));
            wait = TimeSpan.Zero;
        }

        Interlocked.Increment(ref _granted);
        return true;
    }

    private DateTimeOffset Due(DateTimeOffset now)
    {
        var interval = Interval();
        var paced = _lastGrant == DateTimeOffset.MinValue || interval == TimeSpan.Zero ? now : _lastGrant + interval;
        var due = paced > _pausedUntil ? paced : _pausedUntil;
        return due > now ? due : now;
    }

    private TimeSpan Interval() => double.IsPositiveInfinity(_rate) ? TimeSpan.Zero : TimeSpan.FromSeconds(1 / _rate);

    /// <summary>Wakes every waiter (under the lock) so it looks at the slot again.</summary>
    private void Signal()
    {
        var old = _changed;
        _changed = NewSignal();
        old.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

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
