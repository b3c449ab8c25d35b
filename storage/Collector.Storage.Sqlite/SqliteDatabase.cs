using Microsoft.Data.Sqlite;

namespace Collector.Storage.Sqlite;

/// <summary>
/// The database file: one writer connection (prepared commands cached, one write at a time in this process, BEGIN
/// IMMEDIATE so that other processes wait their turn through busy_timeout) and pooled reader connections (WAL lets
/// them read while a write is under way).
/// </summary>
internal sealed class SqliteDatabase : IAsyncDisposable
{
    private readonly string connectionString;
    private readonly SemaphoreSlim writeLock = new(1, 1);
    private readonly Dictionary<string, SqliteCommand> prepared = new(StringComparer.Ordinal);
    private SqliteConnection? writer;

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
        return db;
    }

    /// <summary>A fresh (pooled) connection for reading.</summary>
    public SqliteConnection OpenReader() => SqliteFailures.Guard(Path, Connect);

    /// <summary>Runs <paramref name="work"/> in one IMMEDIATE transaction on the writer connection; commits or rolls back.</summary>
    public async Task<T> WriteAsync<T>(Func<WriteScope, T> work, CancellationToken cancellationToken)
    {
        await writeLock.WaitAsync(cancellationToken);
        try
        {
            return SqliteFailures.Guard(Path, () =>
            {
                var connection = writer ?? throw new ObjectDisposedException(nameof(SqliteDatabase));
                using var tx = connection.BeginTransaction(deferred: false);
                var result = work(new WriteScope(this, connection, tx));
                tx.Commit();
                return result;
            });
        }
        finally
        {
            writeLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await writeLock.WaitAsync();
        try
        {
            foreach (var cmd in prepared.Values)
            {
                cmd.Dispose();
            }

            prepared.Clear();
            if (writer is not null)
            {
                await writer.DisposeAsync();
                writer = null;
            }
        }
        finally
        {
            writeLock.Release();
        }

        writeLock.Dispose();
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
