using Collector.Detection.Images;
using Collector.Model;

namespace Collector.Detection.Tests;

/// <summary>Builds detection posts for hand-made scenarios.</summary>
internal static class TestPosts
{
    public static readonly DateTimeOffset T0 = new(2025, 5, 5, 2, 0, 0, TimeSpan.Zero);

    public static DetectionPost Make(string platform, string id, string author, DateTimeOffset? at, string? text,
        string[]? links = null, string? mediaUrl = null, PdqHash? image = null, string? parentId = null, DateTimeOffset? firstSeen = null) =>
        new()
        {
            Post = new Post
            {
                Platform = platform,
                Id = id,
                Url = $"https://{platform}.example/{id}",
                Author = new Author { Handle = author },
                PublishedAt = at,
                Text = text,
                Links = links ?? [],
                ParentId = parentId,
                Media = mediaUrl is null ? [] : [new Media { Type = "image", Url = mediaUrl }],
            },
            FirstSeen = firstSeen ?? at ?? T0,
            ImageHashes = image is null ? [] : [image.Value],
        };

    /// <summary>Unrelated filler text, different for every seed.</summary>
    public static string Filler(int seed)
    {
        var random = new Random(seed);
        string[] words = ["river", "garden", "coffee", "morning", "train", "music", "winter", "market", "bridge", "forest", "museum", "recipe",
            "bicycle", "library", "harbor", "festival", "painting", "mountain", "kitchen", "window", "village", "orchard", "lantern", "meadow"];
        return string.Join(' ', Enumerable.Range(0, 14).Select(_ => words[random.Next(words.Length)])) + " " + seed;
    }
}
