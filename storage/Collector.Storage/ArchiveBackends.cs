namespace Collector.Storage;

/// <summary>One storage backend (SQLite, MongoDB): says which store URIs it opens and opens them.</summary>
public interface IArchiveBackend
{
    /// <summary>True for URIs of this backend (sqlite:PATH, mongodb://…).</summary>
    bool CanOpen(string storeUri);

    Task<IArchive> OpenAsync(string storeUri, CancellationToken cancellationToken = default);
}

/// <summary>Opens a store URI with whichever registered backend accepts it.</summary>
public sealed class ArchiveOpener(IEnumerable<IArchiveBackend> backends)
{
    public const string DefaultUri = "sqlite:./archive/collector.db";

    public Task<IArchive> OpenAsync(string? storeUri, CancellationToken cancellationToken = default)
    {
        var uri = string.IsNullOrWhiteSpace(storeUri) ? DefaultUri : storeUri.Trim();
        var backend = backends.FirstOrDefault(b => b.CanOpen(uri))
            ?? throw new StoreUriException($"unknown store '{uri}': use sqlite:PATH or a mongodb:// connection string");
        return backend.OpenAsync(uri, cancellationToken);
    }
}

/// <summary>A store URI that no backend accepts (a usage error, exit code 2).</summary>
public sealed class StoreUriException(string message) : Exception(message);

/// <summary>The archive cannot be reached or written (database down, disk full): a runtime failure, exit code 1.</summary>
public sealed class ArchiveUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
