using Collector.Storage.MongoDb;
using MongoDB.Driver;

namespace Collector.Storage.Tests;

/// <summary>
/// The archive contract on MongoDB, against the server named by COLLECTOR_TEST_MONGODB (e.g. mongodb://localhost:27017);
/// each test uses a database of its own, dropped afterwards. Without the variable every test reports itself skipped.
/// </summary>
public sealed class MongoArchiveContractTests : ArchiveContractTests
{
    private const string Variable = "COLLECTOR_TEST_MONGODB";
    private string? database;
    private string? uri;
    private string? anchors;

    protected override string? SkipReason => string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable))
        ? $"{Variable} is not set: no MongoDB server to run the archive contract against"
        : null;

    protected override async Task<IArchive> OpenFreshAsync()
    {
        database = "collector_test_" + Guid.NewGuid().ToString("N")[..12];
        var builder = new MongoUrlBuilder(Environment.GetEnvironmentVariable(Variable)) { DatabaseName = database };
        uri = builder.ToString();
        var archive = await new MongoArchiveBackend(Time).OpenAsync(uri, TestContext.Current.CancellationToken);
        anchors = archive.Integrity.AnchorPath;
        return archive;
    }

    protected override async Task AlterArtifactRecordAsync(string sha256)
    {
        using var client = new MongoClient(uri);
        var files = client.GetDatabase(database).GetCollection<MongoDB.Bson.BsonDocument>("artifacts.files");
        var changed = await files.UpdateManyAsync(Builders<MongoDB.Bson.BsonDocument>.Filter.Eq("filename", sha256),
            Builders<MongoDB.Bson.BsonDocument>.Update.Set("metadata.contentType", "image/gif"));
        Assert.True(changed.ModifiedCount > 0);
    }

    protected override async Task DeleteLastCustodyEntryAsync()
    {
        using var client = new MongoClient(uri);
        var custody = client.GetDatabase(database).GetCollection<MongoDB.Bson.BsonDocument>("custody");
        var last = await custody.Find(FilterDefinition<MongoDB.Bson.BsonDocument>.Empty).Sort(Builders<MongoDB.Bson.BsonDocument>.Sort.Descending("_id")).FirstAsync();
        Assert.Equal(1, (await custody.DeleteOneAsync(Builders<MongoDB.Bson.BsonDocument>.Filter.Eq("_id", last["_id"]))).DeletedCount);
    }

    protected override void Cleanup()
    {
        if (anchors is not null)
        {
            File.Delete(anchors); // kept on this machine, not in the dropped database
        }

        if (uri is not null && database is not null)
        {
            using var client = new MongoClient(uri);
            client.DropDatabase(database);
        }
    }
}
