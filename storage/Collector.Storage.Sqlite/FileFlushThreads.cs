namespace Collector.Storage.Sqlite;

/// <summary>
/// A few threads of their own for the artifact writes that block (write, fsync, rename, fsync of the folder: several
/// milliseconds each on a virtual disk). Run on the thread pool, 32 pages' flushes at once held its threads, so every
/// other page's next step (a parse, a queue write, the next fetch) waited for the pool to grow. The caller still awaits
/// its write: nothing is recorded before its bytes are on disk. Several threads, so that concurrent fsyncs can share
/// one journal commit.
/// </summary>
internal static class FileFlushThreads
{
    private const int Count = 8;

    // A plain queue under a lock, waited on with Monitor.Wait: an idle thread sleeps at once. BlockingCollection's
    // SemaphoreSlim spins (and yields) before it sleeps, and with eight threads waking for every artifact that spinning
    // was a few per cent of a crawl's CPU on two cores.
    private static readonly object Gate = new();
    private static readonly Queue<Action> Work = Start();

    /// <summary>Runs <paramref name="work"/> on one of the threads; the task completes (on the thread pool) when it has.</summary>
    public static Task<T> RunAsync<T>(Func<T> work)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (Gate)
        {
            Work.Enqueue(() =>
            {
                try
                {
                    done.SetResult(work());
                }
                catch (Exception e)
                {
                    done.SetException(e);
                }
            });
            Monitor.Pulse(Gate);
        }

        return done.Task;
    }

    private static void Serve(Queue<Action> work)
    {
        while (true)
        {
            Action item;
            lock (Gate)
            {
                while (!work.TryDequeue(out item!))
                {
                    Monitor.Wait(Gate);
                }
            }

            item();
        }
    }

    private static Queue<Action> Start()
    {
        var work = new Queue<Action>();
        for (var i = 0; i < Count; i++)
        {
            new Thread(() => Serve(work)) { IsBackground = true, Name = "artifact flush" }.Start();
        }

        return work;
    }
}
