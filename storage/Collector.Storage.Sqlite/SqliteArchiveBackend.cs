namespace Collector.Storage.Sqlite;

/// <summary>
/// Opens <c>sqlite:PATH</c> (also <c>sqlite://PATH</c> and <c>file:PATH.db</c>): the database file PATH and the
/// artifact folder PATH.artifacts beside it, created where missing.
/// </summary>
public sealed class SqliteArchiveBackend(TimeProvider time) : IArchiveBackend
{
    public bool CanOpen(string storeUri) => TryPath(storeUri, out _);

    public Task<IArchive> OpenAsync(string storeUri, CancellationToken cancellationToken = default)
    {
        if (!TryPath(storeUri, out var path))
        {
            throw new StoreUriException($"not a sqlite store URI: '{storeUri}' (use sqlite:PATH)");
        }

        return Task.Run<IArchive>(() => SqliteArchive.Open(path, time, storeUri), cancellationToken);
    }

    public static bool TryPath(string storeUri, out string path)
    {
        path = string.Empty;
        var uri = storeUri.Trim();
        if (uri.StartsWith("sqlite://", StringComparison.OrdinalIgnoreCase))
        {
            path = uri["sqlite://".Length..];
        }
        else if (uri.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase))
        {
            path = uri["sqlite:".Length..];
        }
        else
        {
            return false;
        }

        return path.Length > 0;
    }
}
