using System.Collections.Concurrent;

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
    private static readonly BlockingCollection<Action> Work = Start();

    /// <summary>Runs <paramref name="work"/> on one of the threads; the task completes (on the thread pool) when it has.</summary>
    public static Task<T> RunAsync<T>(Func<T> work)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        Work.Add(() =>
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
        return done.Task;
    }

    private static BlockingCollection<Action> Start()
    {
        var work = new BlockingCollection<Action>();
        for (var i = 0; i < Count; i++)
        {
            new Thread(() =>
            {
                foreach (var item in work.GetConsumingEnumerable())
                {
                    item();
                }
            })
            {
                IsBackground = true,
                Name = "artifact flush",
            }.Start();
        }

        return work;
    }
}
