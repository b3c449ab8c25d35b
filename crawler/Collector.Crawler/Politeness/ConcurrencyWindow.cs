namespace Collector.Crawler.Politeness;

/// <summary>
/// How many requests one host gets at once, found the way TCP finds its congestion window: it starts small and grows by
/// one per answer (slow start), and a request that stalls (no answer for several times the usual time, or no answer at
/// all) halves it; after that it grows by one per window's worth of answers. It never goes above the configured
/// concurrency. A host that accepts connections slower than they come (its listen queue overflows, a dropped connection
/// costs a second-long retransmit) so gets the concurrency it can serve, rather than the most it is allowed.
/// Waiting requests are let in by priority (a listing's next page before items), then in order of arrival.
/// </summary>
public sealed class ConcurrencyWindow
{
    /// <summary>The window at the start: the configured concurrency when that is lower.</summary>
    public const int Initial = 4;

    /// <summary>No request quicker than this counts as stalled, however quick the usual answer.</summary>
    public static readonly TimeSpan StallFloor = TimeSpan.FromMilliseconds(800);

    /// <summary>A request taking this many times the usual time counts as stalled.</summary>
    public const double StallFactor = 4;

    private const double Smoothing = 0.1;
    private const int SamplesBeforeJudging = 4;

    private readonly Lock _gate = new();
    private readonly PriorityQueue<Waiter, (int Priority, long Order)> _waiting = new();
    private readonly TimeProvider _time;
    private int _max;
    private double _limit;
    private bool _slowStart = true;
    private int _active;
    private long _order;
    private long _epoch;
    private double _usualSeconds;
    private int _samples;
    private long _stalls;

    public ConcurrencyWindow(int max, TimeProvider time)
    {
        _max = Math.Max(1, max);
        _time = time;
        _limit = Math.Min(_max, Initial);
    }

    /// <summary>One request at a time from now on (a host whose robots.txt sets a Crawl-delay); those under way finish.</summary>
    public void OneAtATime()
    {
        lock (_gate)
        {
            _max = 1;
            _limit = 1;
        }
    }

    /// <summary>Requests allowed at once now.</summary>
    public int Limit
    {
        get
        {
            lock (_gate)
            {
                return (int)_limit;
            }
        }
    }

    /// <summary>Requests under way.</summary>
    public int Active
    {
        get
        {
            lock (_gate)
            {
                return _active;
            }
        }
    }

    /// <summary>Requests that stalled so far (each halving at most once per window).</summary>
    public long Stalls => Interlocked.Read(ref _stalls);

    /// <summary>Waits for a place in the window; dispose the permit when the request is over.</summary>
    public ValueTask<Permit> EnterAsync(int priority, CancellationToken cancellationToken)
    {
        Waiter waiter;
        lock (_gate)
        {
            if (_active < (int)_limit && _waiting.Count == 0)
            {
                _active++;
                return ValueTask.FromResult(new Permit(this, _epoch, _time.GetTimestamp()));
            }

            waiter = new Waiter();
            _waiting.Enqueue(waiter, (-priority, _order++));
            Fill();
        }

        return WaitAsync(waiter, cancellationToken);
    }

    private async ValueTask<Permit> WaitAsync(Waiter waiter, CancellationToken cancellationToken)
    {
        // a cancelled waiter stays queued and is skipped when its turn comes
        await using (cancellationToken.Register(static w => ((Waiter)w!).TrySetCanceled(), waiter))
        {
            await waiter.Task;
        }

        lock (_gate)
        {
            return new Permit(this, _epoch, _time.GetTimestamp());
        }
    }

    /// <summary>One request's end: its time adjusts the window, then waiting requests fill the room.</summary>
    private void Leave(bool unanswered, long epoch, long startedAt, bool measured, bool timed = true)
    {
        lock (_gate)
        {
            _active--;
            if (!measured)
            {
                Fill();
                return;
            }

            var seconds = _time.GetElapsedTime(startedAt).TotalSeconds;
            var stalled = unanswered
                || (timed && _samples >= SamplesBeforeJudging && seconds >= StallFloor.TotalSeconds && seconds >= StallFactor * _usualSeconds);
            if (!unanswered && timed)
            {
                // stalls count too, so a host that became slower for good is soon usual again, not stalled forever
                _usualSeconds = _samples == 0 ? seconds : _usualSeconds + (Smoothing * (seconds - _usualSeconds));
                _samples++;
            }

            if (!stalled)
            {
                _limit = Math.Min(_max, _limit + (_slowStart ? 1 : 1 / _limit));
            }
            else if (epoch == _epoch)
            {
                // one halving per window: the other requests caught in the same stall started before it
                _limit = Math.Max(1, _limit / 2);
                _slowStart = false;
                _epoch++;
                Interlocked.Increment(ref _stalls);
            }

            Fill();
        }
    }

    /// <summary>Lets waiting requests in while there is room (under the lock); cancelled ones are dropped on the way.</summary>
    private void Fill()
    {
        while (_active < (int)_limit && _waiting.TryDequeue(out var next, out _))
        {
            if (next.TrySetResult())
            {
                _active++;
            }
        }
    }

    /// <summary>A place in the window, held for one request.</summary>
    public sealed class Permit : IDisposable
    {
        private readonly ConcurrencyWindow _window;
        private long _epoch;
        private long _startedAt;
        private bool _unanswered;
        private bool _untimed;
        private int _released;

        internal Permit(ConcurrencyWindow window, long epoch, long startedAt)
        {
            _window = window;
            _epoch = epoch;
            _startedAt = startedAt;
        }

        /// <summary>The request starts only now (it waited for its paced turn since entering): time it from here.</summary>
        public void Restart()
        {
            lock (_window._gate)
            {
                _epoch = _window._epoch;
                _startedAt = _window._time.GetTimestamp();
            }
        }

        /// <summary>The host did not answer at all (connection failed or timed out): counts as a stall.</summary>
        public void Unanswered() => _unanswered = true;

        /// <summary>
        /// The host answered, but how long the request took says little about the host: a page rendered in the browser
        /// spends most of its time in the local renderer (and waiting for its turn on the machine's cores). It widens the
        /// window like any answer, and is never judged a stall nor counted in the usual time.
        /// </summary>
        public void AnsweredUntimed() => _untimed = true;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                _window.Leave(_unanswered, _epoch, _startedAt, measured: true, timed: !_untimed);
            }
        }

        /// <summary>Gives the place back without a request having been made (it tells nothing about the host).</summary>
        public void Abandon()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                _window.Leave(false, _epoch, _startedAt, measured: false);
            }
        }
    }

    private sealed class Waiter() : TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
}
