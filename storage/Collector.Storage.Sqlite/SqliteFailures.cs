using Microsoft.Data.Sqlite;

namespace Collector.Storage.Sqlite;

/// <summary>Turns the database errors a user can do something about (disk full, unreadable file, locked) into clear messages.</summary>
internal static class SqliteFailures
{
    private const int Busy = 5;
    private const int Locked = 6;
    private const int ReadOnly = 8;
    private const int IoErr = 10;
    private const int Corrupt = 11;
    private const int Full = 13;
    private const int CantOpen = 14;
    private const int NotADb = 26;

    public static void Guard(string path, Action action) => Guard(path, () =>
    {
        action();
        return 0;
    });

    public static T Guard<T>(string path, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (SqliteException ex) when (Describe(ex) is { } what)
        {
            throw new ArchiveUnavailableException($"sqlite archive {path}: {what} (SQLite error {ex.SqliteErrorCode}: {ex.Message.Trim()})", ex);
        }
        catch (IOException ex)
        {
            throw new ArchiveUnavailableException($"sqlite archive {path}: {ex.Message}", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new ArchiveUnavailableException($"sqlite archive {path}: {ex.Message}", ex);
        }
    }

    private static string? Describe(SqliteException ex) => ex.SqliteErrorCode switch
    {
        Full => "the disk is full; nothing of this write was stored, retry when space is free",
        IoErr => "disk I/O error; nothing of this write was stored",
        CantOpen => "cannot open the database file (does the folder exist and is it writable?)",
        ReadOnly => "the database is read-only",
        Corrupt or NotADb => "the file is not a healthy SQLite database",
        Busy or Locked => "the database stayed locked by another writer past the busy timeout",
        _ => null,
    };
}
