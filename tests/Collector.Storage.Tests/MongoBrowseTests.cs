using Collector.Model;
using Collector.Storage.MongoDb;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;

namespace Collector.Storage.Tests;

/// <summary>
/// Browsing on MongoDB as far as it can be tested without a server: the rendered filter and keyset condition, the text
/// search phrases, the fields the writer keeps. The browse contract itself runs in Collector.Web.Tests (MongoBrowseTests)
/// against COLLECTOR_TEST_MONGODB.
/// </summary>
public sealed class MongoBrowseTests
{
    [Fact]
    public void Filter_EveryCondition_RendersOnTheBrowseFields()
    {
        var query = new BrowseQuery
        {
            Platforms = ["Reddit"], Community = "c2", Author = "u3",
            From = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), To = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero),
            HasVersions = true, Deleted = false, Only = [new PostKey("reddit", "p1")],
        };

        var rendered = Render(MongoBrowse.Filter(query));

        var from = query.From!.Value.UtcTicks;
        var to = query.To!.Value.UtcTicks;
        Assert.Equal(BsonDocument.Parse($$"""
            { "platform": { "$in": ["reddit"] }, "community": "c2", "authorKeys": "u3",
              "sortPublished": { "$gte": NumberLong({{from}}), "$lt": NumberLong({{to}}) },
              "versionCount": { "$gt": 1 }, "tombstone": null, "_id": { "$in": ["reddit:p1"] } }
            """), rendered);
    }

    [Theory]
    [InlineData(BrowseSort.VersionsDesc, """{ "$or": [ { "versionCount": { "$lt": 3 } }, { "versionCount": 3, "_id": { "$lt": "reddit:p9" } } ] }""")]
    [InlineData(BrowseSort.FirstSeenAsc, """{ "$or": [ { "firstSeen": { "$gt": NumberLong(3) } }, { "firstSeen": NumberLong(3), "_id": { "$gt": "reddit:p9" } } ] }""")]
    [InlineData(BrowseSort.PublishedDesc, """{ "$or": [ { "sortPublished": { "$lt": NumberLong(3) } }, { "sortPublished": NumberLong(3), "_id": { "$lt": "reddit:p9" } } ] }""")]
    public void Filter_AfterCursor_RowsPastTheLastValueThenPastItsId(BrowseSort sort, string expected)
    {
        var after = new BrowseCursor(3, "reddit:p9").Encode();

        var rendered = Render(MongoBrowse.Filter(new BrowseQuery { Sort = sort, After = after }));

        Assert.Equal(BsonDocument.Parse(expected), rendered);
    }

    [Fact]
    public void Filter_UnreadableCursor_NoKeysetCondition()
    {
        Assert.Equal(new BsonDocument(), Render(MongoBrowse.Filter(new BrowseQuery { After = "not-a-cursor!" })));
    }

    [Theory]
    [InlineData("zebra \"", "\"zebra\"")]
    [InlineData("quick  -brown \"lazy dog\"", "\"quick\" \"brown\" \"lazy\" \"dog\"")]
    [InlineData(" \" - ", null)]
    public void TextSearch_Words_EachAPhraseSoAllMustOccur(string typed, string? expected)
    {
        Assert.Equal(expected, MongoBrowse.TextSearch(typed));
    }

    [Fact]
    public void AuthorKeys_HandleIdAndName_EachOnce()
    {
        var post = TestData.Post("p1") with { Author = new Author { Handle = "ann", Id = "t2_1", Name = "ann" } };

        Assert.Equal(["ann", "t2_1"], MongoBrowse.AuthorKeys(post));
    }

    [Fact]
    public void Indexes_EverySortHasItsKeysetIndex()
    {
        foreach (var sort in Enum.GetValues<BrowseSort>())
        {
            var field = MongoBrowse.SortOf(sort).Field;
            Assert.Contains(MongoIndexes.Posts, i => Render(i.Keys) == new BsonDocument { { field, 1 }, { "_id", 1 } });
        }
    }

    private static BsonDocument Render<T>(FilterDefinition<T> filter) =>
        filter.Render(new RenderArgs<T>(BsonSerializer.SerializerRegistry.GetSerializer<T>(), BsonSerializer.SerializerRegistry));

    private static BsonDocument Render<T>(IndexKeysDefinition<T> keys) =>
        keys.Render(new RenderArgs<T>(BsonSerializer.SerializerRegistry.GetSerializer<T>(), BsonSerializer.SerializerRegistry));
}
