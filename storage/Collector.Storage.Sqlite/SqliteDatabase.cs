using System.Buffers;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Collector.Storage.Sqlite;

/// <summary>
/// The database file: one writer connection (prepared commands cached, writes batched on a thread of its own, BEGIN
/// IMMEDIATE so that other processes wait their turn through busy_timeout), pooled reader connections (WAL lets
/// them read while a write is under way), and a checkpointer connection of its own.
/// </summary>
/// <remarks>
/// <para>
/// Checkpoints (copying committed pages from the WAL into the database file, with an fsync of each) run in the
/// background rather than inside whichever commit crosses SQLite's 1000-page mark: at ingest rates they were a large
/// share of the writer's time, most of it waiting on the two fsyncs. The writer's own auto-checkpoint is off; every
/// commit nudges the checkpointer, which runs a PASSIVE checkpoint (never blocking the writer or readers) at most once
/// per 100 ms (so that pages rewritten by every commit, such as index tails, are not copied over and over), and always
/// once more after a burst's last commit, so nothing committed waits in the WAL while the archive sits idle. Should the WAL still grow long (a writer that never pauses keeps the WAL from ever being fully copied, so
/// SQLite cannot start it over), the writer checkpoints it itself before its next transaction, which lets that
/// transaction restart the WAL from the beginning. Nothing about atomicity changes: a checkpoint only ever copies
/// committed pages.
/// </para>
/// <para>
/// Durability: synchronous = NORMAL, as SQLite recommends for WAL. A commit is safe from a crash of the process at
/// once, and from a power cut or OS crash once the WAL is next fsynced, which every checkpoint does first (so a power
/// cut can lose at most the last few captures, whole: never half of one, never a custody entry without its capture,
/// and their requests are still in the queue, leased, so they are fetched again). FULL would fsync the WAL on every
/// commit: an fsync takes about 4 ms on this machine, so one per 100-post capture adds some 0.8 s to each 20,000 new
/// posts, which at the 20,000 posts/s target is most of the budget on its own. Artifact files, which could not be
/// fetched again the same, are still fsynced (bytes and directory) before they are recorded.
/// </para>
/// </remarks>
internal sealed class SqliteDatabase : IAsyncDisposable
{
    private static readonly TimeSpan CheckpointInterval = TimeSpan.FromMilliseconds(100);
    private const int LongWalFrames = 16_384;
    private readonly string connectionString;
    private readonly WriteQueue writes;
    private readonly Dictionary<string, SqliteCommand> prepared = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SqliteRowStatement> rowStatements = new(StringComparer.Ordinal);
    private readonly Stack<ArrayBufferWriter<byte>> buffers = new();
    private readonly Channel<bool> checkpointRequests = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private SqliteConnection? writer;
    private SqliteConnection? checkpointer;
    private Task checkpointLoop = Task.CompletedTask;
    private volatile bool walIsLong;

    private SqliteDatabase(string path, string connectionString)
    {
        Path = path;
        this.connectionString = connectionString;
        writes = new WriteQueue("sqlite writer", RunBatch);
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
        try
        {
            db.OpenConnections();
        }
        catch
        {
            db.writes.Dispose();
            throw;
        }

        db.checkpointLoop = Task.Run(db.CheckpointInBackgroundAsync);
        return db;
    }

    private void OpenConnections()
    {
        SqliteFailures.Guard(Path, () =>
        {
            var connection = Connect();
            using (var cmd = connection.CreateCommand())
            {
                cmd.CommandText = "PRAGMA journal_mode = WAL;";
                cmd.ExecuteNonQuery();
            }

            SqliteSchema.Migrate(connection);
            using (var cmd = connection.CreateCommand())
            {
                cmd.CommandText = "PRAGMA wal_autocheckpoint = 0;";
                cmd.ExecuteNonQuery();
            }

            writer = connection;
            checkpointer = Connect();
        });
    }

    /// <summary>A fresh (pooled) connection for reading.</summary>
    public SqliteConnection OpenReader() => SqliteFailures.Guard(Path, Connect);

    /// <summary>
    /// Runs <paramref name="work"/> on the writer connection, in the next batch's IMMEDIATE transaction and in a savepoint
    /// of its own (see <see cref="WriteQueue"/>); the task completes once that transaction has committed, or with the
    /// work's exception (its changes rolled back).
    /// </summary>
    public Task<T> WriteAsync<T>(Func<WriteScope, T> work, CancellationToken cancellationToken) => WriteAsync(work, urgent: false, cancellationToken);

    /// <summary>
    /// As <see cref="WriteAsync{T}(Func{WriteScope, T}, CancellationToken)"/>; an <paramref name="urgent"/> write (a short
    /// one the crawl waits on, such as a queue write) goes ahead of the ordinary writes waiting for the writer.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<WriteScope, T> work, bool urgent, CancellationToken cancellationToken)
    {
        var item = new WriteItem<T>(work, cancellationToken);
        writes.Add(item, urgent);
        return item.Task;
    }

    /// <summary>
    /// Runs one batch of writes (on the writer thread) in one IMMEDIATE transaction: a lone write as it is, several each
    /// in a savepoint, so that one that throws is rolled back alone. A commit that fails fails every write in it.
    /// </summary>
    private void RunBatch(IReadOnlyList<WriteItem> batch)
    {
        var running = new List<WriteItem>(batch.Count);
        foreach (var item in batch)
        {
            if (item.TryStart())
            {
                running.Add(item);
            }
        }

        if (running.Count == 0)
        {
            return;
        }

        Exception? failure = null;
        try
        {
            SqliteFailures.Guard(Path, () =>
            {
                var connection = writer ?? throw new ObjectDisposedException(nameof(SqliteDatabase));
                if (walIsLong)
                {
                    walIsLong = false;
                    Checkpoint(connection);
                }

                using var tx = connection.BeginTransaction(deferred: false);
                var scope = new WriteScope(this, connection, tx);
                if (running.Count == 1)
                {
                    running[0].Run(scope);
                }
                else
                {
                    foreach (var item in running)
                    {
                        RunInSavepoint(item, scope, tx);
                    }
                }

                tx.Commit();
            });

            // one request waits at most (the channel drops the rest); the checkpointer paces itself
            checkpointRequests.Writer.TryWrite(true);
        }
        catch (Exception e)
        {
            failure = e;
        }

        foreach (var item in running)
        {
            item.Complete(failure);
        }
    }

    private void RunInSavepoint(WriteItem item, WriteScope scope, SqliteTransaction tx)
    {
        tx.Save("w");
        try
        {
            SqliteFailures.Guard(Path, () => item.Run(scope));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // undone alone; should the rollback itself fail, the whole transaction fails (and every write in it)
            tx.Rollback("w");
            item.Fail(e);
        }

        tx.Release("w");
    }

    public async ValueTask DisposeAsync()
    {
        // what is waiting is written first; then the writer thread stops
        writes.Dispose();
        checkpointRequests.Writer.TryComplete();
        await checkpointLoop;
        foreach (var cmd in prepared.Values)
        {
            cmd.Dispose();
        }

        prepared.Clear();
        foreach (var statement in rowStatements.Values)
        {
            statement.Dispose();
        }

        rowStatements.Clear();
        if (checkpointer is not null)
        {
            await checkpointer.DisposeAsync();
            checkpointer = null;
        }

        if (writer is not null)
        {
            await writer.DisposeAsync();
            writer = null;
        }
    }

    /// <summary>A PASSIVE checkpoint: copies what it can without waiting for anyone; returns the WAL's length in frames.</summary>
    private static int Checkpoint(SqliteConnection connection)
    {
        var rc = raw.sqlite3_wal_checkpoint_v2(connection.Handle, "main", raw.SQLITE_CHECKPOINT_PASSIVE, out var walFrames, out _);
        if (rc != raw.SQLITE_OK && rc != raw.SQLITE_BUSY)
        {
            SqliteException.ThrowExceptionForRC(rc, connection.Handle);
        }

        return walFrames;
    }

    private async Task CheckpointInBackgroundAsync()
    {
        await foreach (var _ in checkpointRequests.Reader.ReadAllAsync())
        {
            try
            {
                if (checkpointer is { } connection && Checkpoint(connection) >= LongWalFrames)
                {
                    walIsLong = true;
                }
            }
            catch (SqliteException)
            {
                // Nothing is lost: the pages stay in the WAL. The writer then checkpoints itself before its next write,
                // where a lasting failure (a full disk, say) is reported to the caller instead of swallowed here.
                walIsLong = true;
            }

            // At most one checkpoint per interval. Every commit leaves a request (one waits at most), so the commits made
            // meanwhile, the last of a burst included, are copied by the next round rather than left in the WAL while
            // the archive sits idle.
            await Task.Delay(CheckpointInterval);
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

        /// <summary>A statement for this SQL stepped row by row through the C API (prepared once per writer connection).</summary>
        public SqliteRowStatement Rows(string sql)
        {
            if (!db.rowStatements.TryGetValue(sql, out var statement))
            {
                statement = new SqliteRowStatement(connection, sql);
                db.rowStatements[sql] = statement;
            }

            return statement;
        }

        /// <summary>
        /// A scratch buffer for building one statement's argument, reused across writes (which run one at a time) so
        /// that a batch's JSON rows do not grow a fresh buffer, doubling after doubling, for every capture.
        /// </summary>
        public ArrayBufferWriter<byte> RentBuffer() => db.buffers.TryPop(out var b) ? b : new ArrayBufferWriter<byte>(4096);

        /// <summary>Hands a rented buffer back (one grown past 4 MiB by a huge batch is let go instead).</summary>
        public void ReturnBuffer(ArrayBufferWriter<byte> buffer)
        {
            if (buffer.Capacity <= 4 << 20)
            {
                buffer.ResetWrittenCount();
                db.buffers.Push(buffer);
            }
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
