using System.Text.Json;
using Collector.Model;

namespace Collector.Model.Tests;

public sealed class CollectorJsonTests
{
    [Fact]
    public void Serialize_Post_IsCamelCaseWithUtcZAndNullsForUnknowns()
    {
        var post = new Post
        {
            Platform = Platforms.Reddit,
            Id = "t3_abc",
            PublishedAt = new DateTimeOffset(2023, 8, 1, 10, 0, 0, TimeSpan.FromHours(8)),
            Metrics = new Metrics { Score = 5 },
        };

        using var json = JsonDocument.Parse(CollectorJson.Serialize(post));
        var root = json.RootElement;

        Assert.Equal("2023-08-01T02:00:00Z", root.GetProperty("publishedAt").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("title").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("metrics").GetProperty("likes").ValueKind);
        Assert.Equal(5, root.GetProperty("metrics").GetProperty("score").GetInt64());
        Assert.Equal("post", root.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("media").ValueKind);
    }

    [Fact]
    public void Deserialize_PostWithOffsetTime_ComesBackAsTheSameInstant()
    {
        var post = CollectorJson.Deserialize<Post>("""{"platform":"x","id":"1","publishedAt":"2024-03-01T11:30:00+02:00"}""")!;

        Assert.Equal(new DateTimeOffset(2024, 3, 1, 9, 30, 0, TimeSpan.Zero), post.PublishedAt);
    }

    [Theory]
    [InlineData(PageOutcome.NotFound, "not-found")]
    [InlineData(PageOutcome.LoginWall, "login-wall")]
    [InlineData(PageOutcome.RateLimited, "rate-limited")]
    [InlineData(PageOutcome.Unrecognized, "unrecognized")]
    public void PageOutcome_WireNames_AreKebabCaseBothWays(PageOutcome outcome, string wire)
    {
        Assert.Equal(wire, outcome.ToWire());
        Assert.Equal($"\"{wire}\"", CollectorJson.Serialize(outcome));
        Assert.True(PageOutcomes.TryParse(wire, out var back));
        Assert.Equal(outcome, back);
    }

    [Theory]
    [InlineData("reddit:t3_abc", "reddit", "t3_abc")]
    [InlineData("Telegram:chan/12", "telegram", "chan/12")]
    [InlineData("bluesky:at://did:plc:x/app.bsky.feed.post/1", "bluesky", "at://did:plc:x/app.bsky.feed.post/1")]
    public void PostKey_TryParse_SplitsAtTheFirstColon(string text, string platform, string id)
    {
        Assert.True(PostKey.TryParse(text, out var key));
        Assert.Equal(new PostKey(platform, id), key);
    }

    [Theory]
    [InlineData("")]
    [InlineData("reddit:")]
    [InlineData(":abc")]
    [InlineData("noseparator")]
    public void PostKey_TryParse_Malformed_False(string text) => Assert.False(PostKey.TryParse(text, out _));

    [Fact]
    public void Ids_New_AreSortableByTime()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var first = Ids.New(time);
        time.Advance(TimeSpan.FromMilliseconds(1));
        var second = Ids.New(time);

        Assert.Equal(26, first.Length);
        Assert.True(string.CompareOrdinal(first, second) < 0);
    }
}
