using Collector.Model;

namespace Collector.Storage.Tests;

/// <summary>Builders for posts and captures used across the storage tests.</summary>
internal static class TestData
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static Post Post(string id, string text = "hello world", long? likes = null, string platform = "reddit", string? url = null) => new()
    {
        Platform = platform,
        Id = id,
        Url = url ?? $"https://example.test/{platform}/{id}",
        Author = new Author { Id = "a-" + id, Handle = "handle_" + id, Name = "Name " + id },
        Title = "Title " + id,
        Text = text,
        PublishedAt = T0.AddDays(-1),
        Links = ["https://link.test/" + id],
        Metrics = new Metrics { Likes = likes },
    };

    public static Capture Capture(string id, DateTimeOffset at, params Post[] posts) => new()
    {
        Id = id,
        RequestUrl = "https://example.test/page/" + id,
        FinalUrl = "https://example.test/page/" + id,
        HttpStatus = 200,
        FetchedAt = at,
        Platform = posts.FirstOrDefault()?.Platform ?? "reddit",
        Source = "src",
        RunId = "run-1",
        Posts = posts,
    };
}
