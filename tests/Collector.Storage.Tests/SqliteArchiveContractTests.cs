using Collector.Storage.Sqlite;

namespace Collector.Storage.Tests;

/// <summary>The archive contract on SQLite (a fresh database file per test).</summary>
public sealed class SqliteArchiveContractTests : ArchiveContractTests
{
    private readonly TempFolder folder = new();

    protected override async Task<IArchive> OpenFreshAsync() =>
        await new SqliteArchiveBackend(Time).OpenAsync("sqlite:" + Path.Combine(folder.Path, "archive.db"), TestContext.Current.CancellationToken);

    protected override void Cleanup() => folder.Dispose();
}
