using Microsoft.Data.Sqlite;

namespace Collector.Storage.Sqlite;

/// <summary>
/// The database file: one writer connection owned by one writer thread (prepared commands cached, BEGIN IMMEDIATE so
/// that other processes wait their turn through busy_timeout) and pooled reader connections (WAL lets them read while
/// a write is under way). Writes are group-committed: whatever writes are waiting when the writer comes round run in
/// one transaction, each in its own savepoint, so each is still all-or-nothing on its own, and each caller hears back
/// only after the commit that holds its write. Concurrent crawl workers so share one commit (and one write of the
/// index pages they all touch) instead of queuing for one transaction each.
/// </summary>
internal sealed class SqliteDatabase : IAsyncDisposable
{
    /// <summary>Most writes committed together (a bound on how long the first of them waits for the rest).</summary>
    private const int MaxGroup = 64;

    private readonly string connectionString;
    private readonly Dictionary<string, SqliteCommand> prepared = new(StringComparer.Ordinal);
    private readonly Lock queueLock = new();
    private readonly Queue<PendingWrite> pending = new();
    private readonly SemaphoreSlim signal = new(0);
    private readonly TaskCompletionSource stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private SqliteConnection? writer;
    private bool stopping;

    private SqliteDatabase(string path, string connectionString)
    {
        Path = path;
        this.connectionString = connectionString;
    }

    public string Path { get; }

    public static SqliteDatabase Open(string path)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 60,
        };
        var db = new SqliteDatabase(path, builder.ToString());
        SqliteFailures.Guard(path, () =>
        {
            var connection = db.Connect();
            using (var cmd = connection.CreateCommand())
            {
                cmd.CommandText = "PRAGMA journal_mode = WAL;";
                cmd.ExecuteNonQuery();
            }

            SqliteSchema.Migrate(connection);
            db.writer = connection;
        });
        new Thread(db.WriteLoop) { IsBackground = true, Name = "sqlite writer" }.Start();
        return db;
    }

    /// <summary>A fresh (pooled) connection for reading.</summary>
    public SqliteConnection OpenReader() => SqliteFailures.Guard(Path, Connect);

    /// <summary>
    /// Runs <paramref name="work"/> on the writer connection inside an IMMEDIATE transaction (all of it or none of it);
    /// completes when that transaction is committed. Cancelling only helps while the write is still waiting its turn.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<WriteScope, T> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var write = new PendingWrite<T>(work, cancellationToken);
        lock (queueLock)
        {
            ObjectDisposedException.ThrowIf(stopping, this);
            pending.Enqueue(write);
            signal.Release();
        }

        return write.Task;
    }

    public async ValueTask DisposeAsync()
    {
        lock (queueLock)
        {
            if (stopping)
            {
                return;
            }

            stopping = true;
        }

        signal.Release();
        await stopped.Task;
        signal.Dispose();
    }

    private void WriteLoop()
    {
        var group = new List<PendingWrite>(MaxGroup);
        try
        {
            while (true)
            {
                signal.Wait();
                lock (queueLock)
                {
                    while (group.Count < MaxGroup && pending.TryDequeue(out var write))
                    {
                        group.Add(write);
                    }

                    if (group.Count == 0 && stopping)
                    {
                        break;
                    }
                }

                if (group.Count > 0)
                {
                    Commit(group);
                    group.Clear();
                }
            }
        }
        finally
        {
            foreach (var cmd in prepared.Values)
            {
                cmd.Dispose();
            }

            prepared.Clear();
            writer?.Dispose();
            writer = null;
            stopped.TrySetResult();
        }
    }

    /// <summary>One transaction for the whole group; a write that throws is rolled back to its savepoint alone.</summary>
    private void Commit(List<PendingWrite> group)
    {
        group.RemoveAll(w => w.CancelIfRequested());
        if (group.Count == 0)
        {
            return;
        }

        var own = group.Count > 1;
        try
        {
            SqliteFailures.Guard(Path, () =>
            {
                var connection = writer ?? throw new ObjectDisposedException(nameof(SqliteDatabase));
                using var tx = connection.BeginTransaction(deferred: false);
                var scope = new WriteScope(this, connection, tx);
                foreach (var write in group)
                {
                    if (!own)
                    {
                        write.Run(scope, Path);
                        continue;
                    }

                    scope.Command("SAVEPOINT w").ExecuteNonQuery();
                    try
                    {
                        write.Run(scope, Path);
                    }
                    catch (Exception e) when (e is not ArchiveUnavailableException)
                    {
                        scope.Command("ROLLBACK TO w").ExecuteNonQuery();
                        write.Failed(e);
                    }

                    scope.Command("RELEASE w").ExecuteNonQuery();
                }

                tx.Commit();
            });
        }
        catch (Exception e)
        {
            // the transaction is gone: nothing of any write in it was stored
            foreach (var write in group)
            {
                write.Failed(e, overrule: true);
            }
        }

        foreach (var write in group)
        {
            write.Complete();
        }
    }

    private SqliteConnection Connect()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA busy_timeout = 60000; PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -32000;";
        cmd.ExecuteNonQuery();
        return connection;
    }

    /// <summary>A write waiting for the writer, then its outcome held until the commit.</summary>
    private abstract class PendingWrite
    {
        private readonly CancellationToken cancellationToken;
        private Exception? error;

        protected PendingWrite(CancellationToken cancellationToken) => this.cancellationToken = cancellationToken;

        public abstract void Run(WriteScope scope, string path);

        /// <summary>Its caller gave up before its turn: nothing is written for it.</summary>
        public bool CancelIfRequested()
        {
            if (!cancellationToken.IsCancellationRequested)
            {
                return false;
            }

            SetCanceled(cancellationToken);
            return true;
        }

        public void Failed(Exception e, bool overrule = false)
        {
            if (error is null || overrule)
            {
                error = e;
            }
        }

        public void Complete()
        {
            if (error is not null)
            {
                SetException(error);
            }
            else
            {
                SetResult();
            }
        }

        protected abstract void SetResult();

        protected abstract void SetException(Exception e);

        protected abstract void SetCanceled(CancellationToken token);
    }

    private sealed class PendingWrite<T>(Func<WriteScope, T> work, CancellationToken cancellationToken) : PendingWrite(cancellationToken)
    {
        private readonly TaskCompletionSource<T> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? result;

        public Task<T> Task => completion.Task;

        public override void Run(WriteScope scope, string path) => result = SqliteFailures.Guard(path, () => work(scope));

        protected override void SetResult() => completion.TrySetResult(result!);

        protected override void SetException(Exception e) => completion.TrySetException(e);

        protected override void SetCanceled(CancellationToken token) => completion.TrySetCanceled(token);
    }

    /// <summary>The writer connection and its transaction, with prepared commands reused across writes.</summary>
    internal readonly struct WriteScope(SqliteDatabase db, SqliteConnection connection, SqliteTransaction transaction)
    {
        public SqliteConnection Connection => connection;

        /// <summary>A prepared command for this SQL (created once per writer connection), bound to this transaction.</summary>
        public SqliteCommand Command(string sql)
        {
            if (!db.prepared.TryGetValue(sql, out var cmd))
            {
                cmd = connection.CreateCommand();
                cmd.CommandText = sql;
                db.prepared[sql] = cmd;
            }

            cmd.Transaction = transaction;
            return cmd;
        }
    }
}

internal static class SqliteCommandExtensions
{
    public static SqliteCommand Bind(this SqliteCommand cmd, string name, object? value)
    {
        var i = cmd.Parameters.IndexOf(name);
        if (i >= 0)
        {
            cmd.Parameters[i].Value = value ?? DBNull.Value;
        }
        else
        {
            cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return cmd;
    }

    public static string? GetStringOrNull(this SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    public static long? GetInt64OrNull(this SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt64(i);

    public static DateTimeOffset Time(this SqliteDataReader r, int i) => new(r.GetInt64(i), TimeSpan.Zero);

    public static DateTimeOffset? TimeOrNull(this SqliteDataReader r, int i) => r.IsDBNull(i) ? null : new DateTimeOffset(r.GetInt64(i), TimeSpan.Zero);
}
