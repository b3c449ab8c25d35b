using Collector.Storage;

namespace Collector.Cli.Infrastructure;

/// <summary>The archive backends this build knows (owned by the storage work: SQLite, MongoDB).</summary>
public static class StorageBackends
{
    public static IReadOnlyList<IArchiveBackend> All() => [];
}
