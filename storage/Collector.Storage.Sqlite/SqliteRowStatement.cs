using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Collector.Storage.Sqlite;

/// <summary>
/// One statement of the writer connection, prepared once and stepped row by row straight through SQLite's C API:
/// values are bound by position (text as UTF-8 spans, with no .NET string in between) and each step costs a few native
/// calls. For a batch's rows this is cheaper than either <see cref="SqliteCommand"/> per row (named parameters, a data
/// reader per execution) or one statement fed a JSON array (every row rendered to JSON text, then parsed back by
/// SQLite, the post bodies included).
/// </summary>
/// <remarks>It runs inside whatever transaction the connection has open: only ever use it within a write.</remarks>
internal sealed class SqliteRowStatement : IDisposable
{
    private readonly sqlite3 db;
    private readonly sqlite3_stmt statement;

    public SqliteRowStatement(SqliteConnection connection, string sql)
    {
        db = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        var rc = raw.sqlite3_prepare_v3(db, sql, raw.SQLITE_PREPARE_PERSISTENT, out statement, out _);
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, db);
        }
    }

    public SqliteRowStatement Bind(int index, long value)
    {
        Check(raw.sqlite3_bind_int64(statement, index, value));
        return this;
    }

    public SqliteRowStatement Bind(int index, long? value) => value is { } v ? Bind(index, v) : BindNull(index);

    /// <summary>Binds UTF-8 text (copied by SQLite, so the span may be reused at once).</summary>
    public SqliteRowStatement Bind(int index, ReadOnlySpan<byte> utf8)
    {
        Check(raw.sqlite3_bind_text(statement, index, utf8));
        return this;
    }

    public SqliteRowStatement Bind(int index, string? value)
    {
        Check(value is null ? raw.sqlite3_bind_null(statement, index) : raw.sqlite3_bind_text(statement, index, value));
        return this;
    }

    public SqliteRowStatement BindNull(int index)
    {
        Check(raw.sqlite3_bind_null(statement, index));
        return this;
    }

    /// <summary>Runs the statement once with the values bound; returns the rows it changed.</summary>
    public int Execute()
    {
        var rc = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (rc != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(rc, db);
        }

        return raw.sqlite3_changes(db);
    }

    /// <summary>Steps to the next row of a query; false (and reset for the next use) once there are none.</summary>
    public bool Read()
    {
        var rc = raw.sqlite3_step(statement);
        if (rc == raw.SQLITE_ROW)
        {
            return true;
        }

        raw.sqlite3_reset(statement);
        if (rc != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(rc, db);
        }

        return false;
    }

    /// <summary>Ends a query early (before <see cref="Read"/> returned false).</summary>
    public void Reset() => raw.sqlite3_reset(statement);

    public long Int64(int column) => raw.sqlite3_column_int64(statement, column);

    public bool IsNull(int column) => raw.sqlite3_column_type(statement, column) == raw.SQLITE_NULL;

    /// <summary>A text column's UTF-8 bytes, valid until the next step or reset.</summary>
    public ReadOnlySpan<byte> Utf8(int column) => raw.sqlite3_column_blob(statement, column);

    public string? String(int column) => IsNull(column) ? null : System.Text.Encoding.UTF8.GetString(Utf8(column));

    public void Dispose() => statement.Dispose();

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, db);
        }
    }
}
