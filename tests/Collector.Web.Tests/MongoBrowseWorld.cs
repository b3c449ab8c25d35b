using Collector.Storage;
using Collector.Storage.MongoDb;
using MongoDB.Driver;

namespace Collector.Web.Tests;

/// <summary>
/// <see cref="BrowseWorld"/> in a MongoDB database of its own on the server COLLECTOR_TEST_MONGODB names, dropped afterwards;
/// without the variable its tests report themselves skipped.
/// </summary>
public sealed class MongoBrowseWorld : BrowseWorld
{
    private const string Variable = "COLLECTOR_TEST_MONGODB";
    private string? uri;
    private string? database;
    private string? anchors;

    public override string? SkipReason => string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable))
        ? $"{Variable} is not set: no MongoDB server to run the browse contract against"
        : null;

    protected override async Task<IArchive> OpenAsync(string folder)
    {
        database = "collector_browse_" + Guid.NewGuid().ToString("N")[..12];
        uri = new MongoUrlBuilder(Environment.GetEnvironmentVariable(Variable)) { DatabaseName = database }.ToString();
        var archive = await new MongoArchiveBackend(TimeProvider.System).OpenAsync(uri, TestContext.Current.CancellationToken);
        anchors = archive.Integrity.AnchorPath;
        return archive;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (anchors is not null)
        {
            File.Delete(anchors); // kept on this machine, not in the dropped database
        }

        if (uri is not null && database is not null)
        {
            using var client = new MongoClient(uri);
            await client.DropDatabaseAsync(database);
        }
    }
}
