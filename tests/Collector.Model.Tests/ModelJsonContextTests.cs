using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Collector.Model.Tests;

/// <summary>
/// The compile-time metadata for captures and posts writes and reads exactly what reflection does: stored JSON is sealed
/// into the custody log by its bytes, so a new field order, name or escape would split an archive in two.
/// </summary>
public sealed class ModelJsonContextTests
{
    private static JsonSerializerOptions ByReflection(JsonSerializerOptions options) =>
        new(options) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    private static Post RichPost(string id, string? parent = null) => new()
    {
        Platform = Platforms.Reddit,
        Id = id,
        Url = "https://www.reddit.com/r/x/comments/" + id + "/?q=a&b=<c>",
        Kind = parent is null ? PostKinds.Post : PostKinds.Comment,
        Author = new Author { Id = "u1", Handle = "@h", Name = "Zhāng \"Wei\" 张伟 😀", Url = null },
        PublishedAt = new DateTimeOffset(2023, 8, 1, 10, 0, 0, 123, TimeSpan.FromHours(8)),
        Title = "Title with\ttab and \u2028 separator",
        Text = "Line one\nline two \u0001 control, emoji 🧧, quote \" and backslash \\",
        Language = "zh",
        Community = "r/x",
        ParentId = parent,
        RootId = parent,
        RepostOf = "https://example.org/a?x=1&y=2",
        Media = [new Media { Type = "image", Url = "https://i.example/1.png" }],
        Links = ["https://a.example/", "https://b.example/?q=é"],
        Hashtags = ["news", "新闻"],
        Metrics = new Metrics { Likes = 1, Comments = null, Shares = 0, Views = long.MaxValue, Score = -3 },
    };

    private static Capture RichCapture() => new()
    {
        Id = "01m992923z1b172ks0pdt4djw5",
        RequestUrl = "https://forum.example/t/1",
        FinalUrl = "https://forum.example/t/1?page=1",
        HttpStatus = 200,
        FetchedAt = new DateTimeOffset(2026, 12, 7, 20, 11, 41, 5, TimeSpan.Zero).AddTicks(7),
        RenderMode = RenderMode.Browser,
        Outcome = PageOutcome.LoginWall,
        OutcomeReason = "login wall: \"sign in\"",
        Platform = "generic",
        Source = "forums",
        RunId = "01m99292",
        Posts = [RichPost("a"), RichPost("b", parent: "a")],
        Artifacts =
        [
            new ArtifactRef { Kind = ArtifactKinds.Raw, Sha256 = new string('a', 64), Length = 36_590, ContentType = "text/html; charset=utf-8", Url = "https://forum.example/t/1" },
            new ArtifactRef { Kind = ArtifactKinds.Screenshot, Sha256 = new string('b', 64), Length = 1 },
        ],
        Exchanges =
        [
            new HttpExchange
            {
                Url = "https://forum.example/t/1",
                Method = "POST",
                Status = 302,
                StatusText = "Found",
                RequestHeaders = [new("User-Agent", "Collector/0.1"), new("Accept", "*/*")],
                ResponseHeaders = [new("Location", "/t/1?page=1"), new("Set-Cookie", "a=b; HttpOnly")],
                RequestBody = [0, 1, 2, 255],
                BodySha256 = new string('c', 64),
                ContentType = "text/html",
                At = new DateTimeOffset(2026, 12, 7, 20, 11, 41, TimeSpan.Zero),
            },
        ],
        SubjectPost = new PostKey("reddit", "a"),
        RemovedPosts = [new PostKey("reddit", "gone")],
        ParsedBy = new Dictionary<string, string> { ["a"] = "json-ld", ["b"] = "dom" },
        StubPosts = [new PostKey("reddit", "stub")],
        ParseError = null,
        ParserVersion = "generic/3",
    };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Serialize_CaptureAndPosts_SameBytesAsReflection(bool indented)
    {
        var options = indented ? CollectorJson.Indented : CollectorJson.Options;
        var reflection = ByReflection(options);
        var capture = RichCapture();
        var bare = new Post { Platform = "x", Id = "1" };

        Assert.Equal(JsonSerializer.Serialize(capture, reflection), JsonSerializer.Serialize(capture, options));
        Assert.Equal(JsonSerializer.Serialize(capture with { Posts = [] }, reflection), CollectorJson.Serialize(capture with { Posts = [] }, indented));
        Assert.Equal(JsonSerializer.Serialize(capture.Posts[1], reflection), CollectorJson.Serialize(capture.Posts[1], indented));
        Assert.Equal(JsonSerializer.Serialize(bare, reflection), CollectorJson.Serialize(bare, indented));
        Assert.Equal(JsonSerializer.Serialize(capture.Posts.ToList(), reflection), CollectorJson.Serialize(capture.Posts.ToList(), indented));
    }

    [Fact]
    public void Deserialize_StoredCapture_ReadsBackWhatReflectionReads()
    {
        var json = JsonSerializer.Serialize(RichCapture(), ByReflection(CollectorJson.Options));

        var generated = CollectorJson.Deserialize<Capture>(json)!;
        var reflected = JsonSerializer.Deserialize<Capture>(json, ByReflection(CollectorJson.Options))!;

        Assert.Equal(JsonSerializer.Serialize(reflected, ByReflection(CollectorJson.Options)), JsonSerializer.Serialize(generated, ByReflection(CollectorJson.Options)));
        Assert.Equal(json, CollectorJson.Serialize(generated));
        Assert.Equal(RichPost("b", parent: "a").Text, generated.Posts[1].Text);
    }

    [Fact]
    public void Options_CaptureAndPost_ComeFromTheGeneratedMetadata()
    {
        // the point of the context: no reflection-built metadata for the records every page writes
        Assert.NotNull(ModelJsonContext.Default.GetTypeInfo(typeof(Capture)));
        Assert.Same(typeof(ModelJsonContext), CollectorJson.Options.GetTypeInfo(typeof(Post)).OriginatingResolver?.GetType());
    }
}
