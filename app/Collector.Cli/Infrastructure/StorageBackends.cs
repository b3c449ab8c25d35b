using Collector.Storage;
using Collector.Storage.MongoDb;
using Collector.Storage.Sqlite;

namespace Collector.Cli.Infrastructure;

/// <summary>The archive backends this build knows (owned by the storage work: SQLite, MongoDB).</summary>
public static class StorageBackends
{
    public static IReadOnlyList<IArchiveBackend> All() =>
        [new SqliteArchiveBackend(TimeProvider.System), new MongoArchiveBackend(TimeProvider.System)];
}
