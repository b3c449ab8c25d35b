namespace Collector.Storage.Sqlite;

/// <summary>
/// The writer's line, served by a thread of its own in batches (group commit): the writes waiting when the thread is
/// free are run together in one transaction, each inside a savepoint of its own, so that one that fails is undone alone
/// and the others still commit. Each caller's task completes once the transaction holding its write has committed.
/// </summary>
/// <remarks>
/// A crawl with 32 pages in flight made about three writes a page (lease, links, capture, artifact rows), each its own
/// transaction: the writer was busy 1.85 s of a 2.3 s bench crawl, every commit writing again the same index and queue
/// pages to the WAL. Batched, those pages are written once per batch.
/// Two lines of waiters: urgent writes (the crawl queue's: leasing the next request, queueing a page's links) all go
/// into the next batch; ordinary ones (recording a capture with its posts) at most <see cref="MaxOrdinaryPerBatch"/> at
/// a time, in order of arrival, so that a listing chain (page 2 is found on page 1, page 3 on page 2…) never waits
/// behind a long line of captures.
/// </remarks>
internal sealed class WriteQueue : IDisposable
{
    internal const int MaxOrdinaryPerBatch = 8;
    private readonly object _gate = new();
    private readonly Queue<WriteItem> _urgent = new();
    private readonly Queue<WriteItem> _ordinary = new();
    private readonly Action<IReadOnlyList<WriteItem>> _runBatch;
    private readonly Thread _thread;
    private bool _stopping;

    /// <param name="runBatch">Runs a batch on the writer thread; it must complete every item it is given.</param>
    public WriteQueue(string name, Action<IReadOnlyList<WriteItem>> runBatch)
    {
        _runBatch = runBatch;
        _thread = new Thread(Serve) { IsBackground = true, Name = name };
        _thread.Start();
    }

    public void Add(WriteItem item, bool urgent)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_stopping, this);
            (urgent ? _urgent : _ordinary).Enqueue(item);
            Monitor.Pulse(_gate);
        }
    }

    /// <summary>Runs what is still waiting, then stops the thread.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _stopping = true;
            Monitor.Pulse(_gate);
        }

        _thread.Join();
    }

    private void Serve()
    {
        var batch = new List<WriteItem>();
        while (true)
        {
            lock (_gate)
            {
                while (_urgent.Count == 0 && _ordinary.Count == 0)
                {
                    if (_stopping)
                    {
                        return;
                    }

                    Monitor.Wait(_gate);
                }

                while (_urgent.TryDequeue(out var urgent))
                {
                    batch.Add(urgent);
                }

                for (var i = 0; i < MaxOrdinaryPerBatch && _ordinary.TryDequeue(out var ordinary); i++)
                {
                    batch.Add(ordinary);
                }
            }

            _runBatch(batch);
            batch.Clear();
        }
    }
}

/// <summary>One write waiting in a <see cref="WriteQueue"/>.</summary>
internal abstract class WriteItem
{
    private const int Waiting = 0;
    private const int Started = 1;
    private const int Cancelled = 2;
    private int _state;

    /// <summary>Claims the item for running; false when its caller gave up waiting first (it is then skipped).</summary>
    public bool TryStart() => Interlocked.CompareExchange(ref _state, Started, Waiting) == Waiting;

    /// <summary>Runs the work inside the batch's transaction, keeping its result.</summary>
    public abstract void Run(SqliteDatabase.WriteScope scope);

    /// <summary>The work failed (its savepoint was rolled back): its caller gets <paramref name="error"/>.</summary>
    public abstract void Fail(Exception error);

    /// <summary>The batch is over: hands the caller its result, or its own error, or the batch's when it did not commit.</summary>
    public abstract void Complete(Exception? batchFailure);

    /// <summary>Gives up waiting: true when the item had not started (it never will).</summary>
    protected bool TryCancel() => Interlocked.CompareExchange(ref _state, Cancelled, Waiting) == Waiting;
}

internal sealed class WriteItem<T> : WriteItem
{
    private readonly Func<SqliteDatabase.WriteScope, T> _work;
    private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenRegistration _registration;
    private T? _result;
    private Exception? _error;

    public WriteItem(Func<SqliteDatabase.WriteScope, T> work, CancellationToken cancellationToken)
    {
        _work = work;
        _registration = cancellationToken.Register(
            static state =>
            {
                var (item, token) = ((WriteItem<T>, CancellationToken))state!;
                if (item.TryCancel())
                {
                    item._done.TrySetCanceled(token);
                }
            },
            (this, cancellationToken));
    }

    public Task<T> Task => _done.Task;

    public override void Run(SqliteDatabase.WriteScope scope) => _result = _work(scope);

    public override void Fail(Exception error) => _error = error;

    public override void Complete(Exception? batchFailure)
    {
        _registration.Dispose();
        if ((_error ?? batchFailure) is { } error)
        {
            _done.TrySetException(error);
        }
        else
        {
            _done.TrySetResult(_result!);
        }
    }
}
