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

    protected override string? SkipReason => string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable))
        ? $"{Variable} is not set: no MongoDB server to run the archive contract against"
        : null;

    protected override async Task<IArchive> OpenFreshAsync()
    {
        database = "collector_test_" + Guid.NewGuid().ToString("N")[..12];
        var builder = new MongoUrlBuilder(Environment.GetEnvironmentVariable(Variable)) { DatabaseName = database };
        uri = builder.ToString();
        return await new MongoArchiveBackend(Time).OpenAsync(uri, TestContext.Current.CancellationToken);
    }

    protected override async Task AlterArtifactRecordAsync(string sha256)
    {
        using var client = new MongoClient(uri);
        var files = client.GetDatabase(database).GetCollection<MongoDB.Bson.BsonDocument>("artifacts.files");
        var changed = await files.UpdateManyAsync(Builders<MongoDB.Bson.BsonDocument>.Filter.Eq("filename", sha256),
            Builders<MongoDB.Bson.BsonDocument>.Update.Set("metadata.contentType", "image/gif"));
        Assert.True(changed.ModifiedCount > 0);
    }

    protected override void Cleanup()
    {
        if (uri is not null && database is not null)
        {
            using var client = new MongoClient(uri);
            client.DropDatabase(database);
        }
    }
}
