using Collector.Model;
using Collector.Storage.MongoDb;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;

namespace Collector.Storage.Tests;

/// <summary>What can be tested of the MongoDB backend without a server: BSON mapping, rendered filters and indexes, failures.</summary>
public sealed class MongoMappingTests
{
    [Fact]
    public void CustodyEntry_BsonRoundTrip_KeepsEveryFieldAndTheHash()
    {
        var entry = CustodyChain.Next(new CustodyEvent { Action = "capture", Subject = "c1", ArtifactHashes = ["ab", "cd"], ConfigHash = "cfg", Detail = "d" },
            null, new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero).AddTicks(1234567));

        var back = MongoMapping.FromDoc(RoundTrip(MongoMapping.ToDoc(entry)));

        Assert.Equal(entry.At, back.At);
        Assert.Equal(entry.ArtifactHashes, back.ArtifactHashes);
        Assert.Equal(entry.Hash, CustodyChain.ComputeHash(back));
        Assert.Equal(entry with { ArtifactHashes = back.ArtifactHashes }, back);
    }

    [Fact]
    public void CustodyDoc_Bson_UsesSequenceAsId()
    {
        var bson = MongoMapping.ToDoc(CustodyChain.Next(new CustodyEvent { Action = "verify", Subject = "x" }, null, TestData.T0)).ToBsonDocument();

        Assert.Equal(1L, bson["_id"].AsInt64);
        Assert.Equal(TestData.T0.UtcTicks, bson["at"].AsInt64);
        Assert.Equal(CustodyChain.GenesisHash, bson["previousHash"].AsString);
    }

    [Fact]
    public void QueueDoc_BsonRoundTrip_GivesBackTheLease()
    {
        var request = new QueueRequest { Url = "https://e.test/a", UniqueKey = "a", Label = "post", Depth = 2, ParentUrl = "https://e.test/", Render = RenderMode.Browser, Priority = 3 };
        var doc = MongoMapping.ToDoc("crawl", request, 42);
        doc.State = "leased";
        doc.Attempt = 2;
        doc.LeaseToken = "t-1";
        doc.LeaseExpires = TestData.T0.UtcTicks;

        var lease = MongoMapping.ToLease(RoundTrip(doc));

        Assert.Equal("crawl|a", doc.Id);
        Assert.Equal(request, lease.Request);
        Assert.Equal(2, lease.Attempt);
        Assert.Equal("t-1", lease.Token);
        Assert.Equal(TestData.T0, lease.ExpiresAt);
    }

    [Fact]
    public void CaptureDoc_BsonRoundTrip_KeepsCaptureAndReceipt()
    {
        var capture = TestData.Capture("c1", TestData.T0, TestData.Post("p1")) with { Outcome = PageOutcome.NotFound, SubjectPost = new PostKey("reddit", "p1") };
        var receipt = new CaptureReceipt { CaptureId = "c1", NewPosts = 1, Tombstoned = 1 };

        var doc = RoundTrip(MongoMapping.ToDoc(capture, receipt));

        Assert.Equal("not-found", doc.Outcome);
        Assert.Equal(receipt with { Duplicate = true }, MongoMapping.ToReceipt(doc, duplicate: true));
        var back = CollectorJson.Deserialize<Capture>(doc.Json)!;
        Assert.Empty(back.Posts);
        Assert.Equal(capture.SubjectPost, back.SubjectPost);
        Assert.Equal(capture.FetchedAt, back.FetchedAt);
    }

    [Fact]
    public void PostDoc_BsonRoundTrip_GivesArchivedPostWithLatestMetricsAndTombstone()
    {
        var post = TestData.Post("p1", likes: 1);
        var doc = new PostDoc
        {
            Id = MongoMapping.PostId(post.Key), Platform = "reddit", PostId = "p1", FirstSeen = TestData.T0.UtcTicks, LastSeen = TestData.T0.AddHours(1).UtcTicks,
            VersionCount = 2, LatestHash = PostContentHash.Compute(post), Json = CollectorJson.Serialize(post), Sources = ["s"],
            Metrics = MongoMapping.ToDoc(new Metrics { Likes = 9 }),
            Tombstone = new TombstoneDoc { Reason = "removed", At = TestData.T0.AddDays(1).UtcTicks, CaptureId = "c9" },
        };

        var archived = MongoMapping.ToArchived(RoundTrip(doc), []);

        Assert.Equal("reddit:p1", doc.Id);
        Assert.Equal(9, archived.Post.Metrics.Likes);
        Assert.Equal(post.Text, archived.Post.Text);
        Assert.Equal(TestData.T0.AddHours(1), archived.LastSeen);
        Assert.Equal(2, archived.VersionCount);
        Assert.Equal(new Tombstone { Reason = "removed", At = TestData.T0.AddDays(1), CaptureId = "c9" }, archived.Tombstone);
    }

    [Fact]
    public void PostsFilter_PlatformSourceAndLiveOnly_RendersTheExpectedQuery()
    {
        var filter = MongoFilters.Posts(new PostQuery { Platforms = ["Reddit", "x"], Source = "s", IncludeTombstoned = false });

        var rendered = Render(filter);

        Assert.Equal(BsonDocument.Parse("""{ "platform": { "$in": ["reddit", "x"] }, "sources": "s", "tombstone": null }"""), rendered);
    }

    [Fact]
    public void LeasableFilter_RendersPendingDueOrExpiredLease()
    {
        var rendered = Render(MongoFilters.Leasable("crawl", 100));

        Assert.Equal(BsonDocument.Parse("""
            { "crawlId": "crawl", "$or": [
                { "state": "pending", "notBefore": { "$lte": NumberLong(100) } },
                { "state": "leased", "leaseExpires": { "$lte": NumberLong(100) } } ] }
            """), rendered);
    }

    [Fact]
    public void TombstoneByUrlFilter_MatchesNormalizedUrlsOfLivePosts()
    {
        var rendered = Render(MongoFilters.TombstoneByUrl(["http://a.test/p5.html", "http://a.test/p5.html"]));

        Assert.Equal(BsonDocument.Parse("""{ "urlKey": { "$in": ["http://a.test/p5.html"] }, "tombstone": null }"""), rendered);
    }

    [Fact]
    public void Indexes_CoverTextSearchVersionsAndQueueOrder()
    {
        var text = Render(MongoIndexes.Posts.Single(i => i.Options.Name == "text").Keys);
        var versions = MongoIndexes.Versions.Single();
        var queue = Render(MongoIndexes.Queue.Single().Keys);

        Assert.Equal(BsonDocument.Parse("""{ "title": "text", "text": "text" }"""), text);
        Assert.True(versions.Options.Unique);
        Assert.Equal(BsonDocument.Parse("""{ "post": 1, "number": 1 }"""), Render(versions.Keys));
        Assert.Equal(BsonDocument.Parse("""{ "crawlId": 1, "state": 1, "priority": -1, "seq": 1 }"""), queue);
    }

    [Fact]
    public void Settings_WithoutTimeout_SelectsServerWithinFiveSeconds()
    {
        var (settings, database) = MongoArchiveBackend.Settings("mongodb://db1.test:27017,db2.test:27018/archive?replicaSet=rs0");
        var (explicitSettings, defaultDb) = MongoArchiveBackend.Settings("mongodb://db1.test/?serverSelectionTimeoutMS=1500");

        Assert.Equal("archive", database);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.ServerSelectionTimeout);
        Assert.Equal(2, settings.Servers.Count());
        Assert.Equal(TimeSpan.FromMilliseconds(1500), explicitSettings.ServerSelectionTimeout);
        Assert.Equal("collector", defaultDb);
        Assert.Throws<StoreUriException>(() => MongoArchiveBackend.Settings("mongodb://"));
    }

    [Fact]
    public async Task Open_NoServerListening_ThrowsArchiveUnavailableWithClearMessage()
    {
        var backend = new MongoArchiveBackend(TimeProvider.System);

        var ex = await Assert.ThrowsAsync<ArchiveUnavailableException>(() =>
            backend.OpenAsync("mongodb://127.0.0.1:9/collector?serverSelectionTimeoutMS=300&connectTimeoutMS=300", TestContext.Current.CancellationToken));

        Assert.Contains("127.0.0.1:9/collector", ex.Message, StringComparison.Ordinal);
        Assert.Contains("no server reachable", ex.Message, StringComparison.Ordinal);
    }

    private static T RoundTrip<T>(T doc) => BsonSerializer.Deserialize<T>(doc.ToBsonDocument());

    private static BsonDocument Render<T>(FilterDefinition<T> filter) =>
        filter.Render(new RenderArgs<T>(BsonSerializer.SerializerRegistry.GetSerializer<T>(), BsonSerializer.SerializerRegistry));

    private static BsonDocument Render<T>(IndexKeysDefinition<T> keys) =>
        keys.Render(new RenderArgs<T>(BsonSerializer.SerializerRegistry.GetSerializer<T>(), BsonSerializer.SerializerRegistry));
}
