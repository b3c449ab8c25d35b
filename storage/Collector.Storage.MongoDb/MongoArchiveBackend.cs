using MongoDB.Bson;
using MongoDB.Driver;

namespace Collector.Storage.MongoDb;

/// <summary>
/// Opens <c>mongodb://host[:port][,host…]/dbname[?options]</c> (and mongodb+srv://): pings the server (server selection
/// times out after 5 s unless the URI sets serverSelectionTimeoutMS), finds out whether transactions are available
/// (replica set or sharded cluster) and creates the indexes.
/// </summary>
public sealed class MongoArchiveBackend(TimeProvider time) : IArchiveBackend
{
    public static readonly TimeSpan DefaultServerSelectionTimeout = TimeSpan.FromSeconds(5);

    public bool CanOpen(string storeUri) =>
        storeUri.StartsWith("mongodb://", StringComparison.OrdinalIgnoreCase) || storeUri.StartsWith("mongodb+srv://", StringComparison.OrdinalIgnoreCase);

    public async Task<IArchive> OpenAsync(string storeUri, CancellationToken cancellationToken = default)
    {
        var (settings, databaseName) = Settings(storeUri);
        var description = string.Join(',', settings.Servers.Select(s => s.ToString())) + "/" + databaseName;
        var client = new MongoClient(settings);
        var db = client.GetDatabase(databaseName);
        var transactions = await MongoFailures.GuardAsync(description, async () =>
        {
            await db.RunCommandAsync<BsonDocument>(MongoStore.Ping, cancellationToken: cancellationToken);
            var hello = await db.RunCommandAsync<BsonDocument>(new BsonDocument("hello", 1), cancellationToken: cancellationToken);
            return hello.Contains("setName") || (hello.TryGetValue("msg", out var msg) && msg == "isdbgrid");
        });
        var store = new MongoStore(client, db, transactions, description);
        await store.GuardAsync(async () =>
        {
            await store.CreateIndexesAsync(cancellationToken);
            return 0;
        });
        var archive = new MongoArchive(storeUri, store, time);
        await archive.MarkInterruptedRunsAsync(cancellationToken);
        return archive;
    }

    /// <summary>The driver settings for a store URI (a bad URI is a <see cref="StoreUriException"/>).</summary>
    public static (MongoClientSettings Settings, string Database) Settings(string storeUri)
    {
        MongoUrl url;
        try
        {
            url = new MongoUrl(storeUri);
        }
        catch (Exception ex) when (ex is MongoConfigurationException or ArgumentException or FormatException)
        {
            throw new StoreUriException($"bad mongodb store URI: {ex.Message}");
        }

        var settings = MongoClientSettings.FromUrl(url);
        if (!storeUri.Contains("serverSelectionTimeoutMS", StringComparison.OrdinalIgnoreCase))
        {
            settings.ServerSelectionTimeout = DefaultServerSelectionTimeout;
        }

        if (!storeUri.Contains("connectTimeoutMS", StringComparison.OrdinalIgnoreCase))
        {
            settings.ConnectTimeout = DefaultServerSelectionTimeout;
        }

        settings.RetryWrites = true;
        return (settings, string.IsNullOrEmpty(url.DatabaseName) ? "collector" : url.DatabaseName);
    }
}
