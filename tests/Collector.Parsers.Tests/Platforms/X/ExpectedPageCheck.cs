using System.Globalization;
using System.Text.Json;
using Collector.Model;

namespace Collector.Parsers.Tests.Platforms;

/// <summary>
/// Checks a parser against a real capture in ../shared/fixtures, field by field, using a small expected-JSON file written by
/// reading the page by hand: {fixture, url, classification, postCount, commentCount, subject, posts:[{id, kind, authorHandle,
/// publishedAt, titleStart, textStart, parentId, rootId, repostOf, likes, comments, shares, views, language, mediaCount, parsedBy}],
/// stubCount, stubsContain, needsBrowser}. Every post must name its layer, and no parser may reach the base's catch-all.
/// Only the fields present in the file are checked; a field present with null must be null.
/// </summary>
public static class ExpectedPageCheck
{
    /// <summary>The expected files of one platform folder (tests/Collector.Parsers.Tests/Platforms/&lt;P&gt;/Expected), for MemberData.</summary>
    public static TheoryData<string> Files(string platformFolder)
    {
        var data = new TheoryData<string>();
        var dir = Path.Combine(RepoRoot(), "tests", "Collector.Parsers.Tests", "Platforms", platformFolder, "Expected");
        foreach (var file in Directory.EnumerateFiles(dir, "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    public static void Run(IPlatformParser parser, string platformFolder, string expectedFile)
    {
        var root = RepoRoot();
        var expectedPath = Path.Combine(root, "tests", "Collector.Parsers.Tests", "Platforms", platformFolder, "Expected", expectedFile);
        using var expected = JsonDocument.Parse(File.ReadAllText(expectedPath));
        var e = expected.RootElement;
        var fixtures = Path.GetFullPath(Path.Combine(root, "..", "shared", "fixtures"));
        Assert.SkipWhen(!Directory.Exists(fixtures), $"real captures absent: {fixtures} does not exist (synthetic tests still run)");
        var fixture = Path.Combine(fixtures, e.GetProperty("fixture").GetString()!);
        Assert.SkipWhen(!File.Exists(fixture), $"capture {fixture} absent");

        var result = parser.Parse(new PageInput
        {
            Url = new Uri(e.GetProperty("url").GetString()!),
            Body = File.ReadAllText(fixture),
            ContentType = fixture.EndsWith(".json", StringComparison.Ordinal) ? "application/json" : "text/html",
        });

        Assert.True(result.ParseError is null, $"the parser crashed (caught by the base): {result.ParseError}");
        Assert.Equal(e.GetProperty("classification").GetString(), result.Classification.ToWire());
        foreach (var post in result.Posts)
        {
            Assert.True(result.ParsedBy.ContainsKey(post.Id), $"post {post.Id} has no parsedBy layer");
        }

        if (e.TryGetProperty("stubCount", out var stubs))
        {
            Assert.Equal(stubs.GetInt32(), result.Stubs.Count);
        }

        foreach (var stub in e.TryGetProperty("stubsContain", out var stubIds) ? stubIds.EnumerateArray() : [])
        {
            Assert.Contains(new PostKey(result.Platform!, stub.GetString()!), result.Stubs);
        }

        if (e.TryGetProperty("needsBrowser", out var needsBrowser))
        {
            Assert.Equal(needsBrowser.GetBoolean(), result.NeedsBrowser);
        }

        if (e.TryGetProperty("postCount", out var count))
        {
            Assert.Equal(count.GetInt32(), result.Posts.Count);
        }

        if (e.TryGetProperty("commentCount", out var comments))
        {
            Assert.Equal(comments.GetInt32(), result.Posts.Count(p => p.Kind is PostKinds.Comment or PostKinds.Answer));
        }

        if (e.TryGetProperty("removedCount", out var removed))
        {
            Assert.Equal(removed.GetInt32(), result.Removed.Count); // "[deleted]" stubs: tombstones, not posts
        }

        if (e.TryGetProperty("subject", out var subject))
        {
            Assert.Equal(subject.ValueKind == JsonValueKind.Null ? null : subject.GetString(), result.Subject?.ToString());
        }

        if (e.TryGetProperty("minNext", out var minNext))
        {
            Assert.True(result.Next.Count >= minNext.GetInt32(), $"expected at least {minNext} follow links, got {result.Next.Count}");
        }

        if (e.TryGetProperty("nextContains", out var nextContains))
        {
            foreach (var part in nextContains.EnumerateArray())
            {
                Assert.Contains(result.Next, n => n.Url.AbsoluteUri.Contains(part.GetString()!, StringComparison.Ordinal));
            }
        }

        foreach (var want in e.TryGetProperty("posts", out var posts) ? posts.EnumerateArray() : [])
        {
            var id = want.GetProperty("id").GetString()!;
            var post = result.Posts.SingleOrDefault(p => p.Id == id);
            Assert.True(post is not null, $"post {id} not found among {string.Join(", ", result.Posts.Select(p => p.Id))}");
            CheckPost(want, post, result.ParsedBy.GetValueOrDefault(id));
        }
    }

    private static void CheckPost(JsonElement want, Post post, string? parsedBy)
    {
        foreach (var field in want.EnumerateObject())
        {
            var v = field.Value;
            var label = $"{post.Id}.{field.Name}";
            switch (field.Name)
            {
                case "id":
                    break;
                case "parsedBy":
                    Assert.True(parsedBy?.StartsWith(v.GetString()!, StringComparison.Ordinal) == true, $"{label}: expected layer \"{v}\" got \"{parsedBy}\"");
                    break;
                case "kind":
                    Assert.True(v.GetString() == post.Kind, $"{label}: expected {v} got {post.Kind}");
                    break;
                case "authorHandle":
                    Same(label, v, post.Author?.Handle);
                    break;
                case "authorName":
                    Same(label, v, post.Author?.Name);
                    break;
                case "authorId":
                    Same(label, v, post.Author?.Id);
                    break;
                case "publishedAt":
                    Same(label, v, post.PublishedAt is { } t ? UtcDateTimeOffsetConverter.ToWire(t) : null);
                    break;
                case "titleStart":
                    StartsWith(label, v, post.Title);
                    break;
                case "textStart":
                    StartsWith(label, v, post.Text);
                    break;
                case "textContains":
                    Assert.True(post.Text?.Contains(v.GetString()!, StringComparison.Ordinal) == true, $"{label}: text lacks \"{v}\"");
                    break;
                case "url":
                    Same(label, v, post.Url);
                    break;
                case "community":
                    Same(label, v, post.Community);
                    break;
                case "parentId":
                    Same(label, v, post.ParentId);
                    break;
                case "rootId":
                    Same(label, v, post.RootId);
                    break;
                case "repostOf":
                    Same(label, v, post.RepostOf);
                    break;
                case "language":
                    Same(label, v, post.Language);
                    break;
                case "likes":
                    Same(label, v, post.Metrics.Likes);
                    break;
                case "comments":
                    Same(label, v, post.Metrics.Comments);
                    break;
                case "shares":
                    Same(label, v, post.Metrics.Shares);
                    break;
                case "views":
                    Same(label, v, post.Metrics.Views);
                    break;
                case "score":
                    Same(label, v, post.Metrics.Score);
                    break;
                case "mediaCount":
                    Assert.True(v.GetInt32() == post.Media.Count, $"{label}: expected {v} media got {post.Media.Count}");
                    break;
                case "links":
                    foreach (var link in v.EnumerateArray())
                    {
                        Assert.True(post.Links.Contains(link.GetString()!), $"{label}: missing link {link} in [{string.Join(", ", post.Links)}]");
                    }

                    break;
                case "hashtags":
                    foreach (var tag in v.EnumerateArray())
                    {
                        Assert.True(post.Hashtags.Contains(tag.GetString()!), $"{label}: missing hashtag {tag} in [{string.Join(", ", post.Hashtags)}]");
                    }

                    break;
                default:
                    Assert.Fail($"{label}: unknown expected field");
                    break;
            }
        }
    }

    private static void Same(string label, JsonElement want, string? actual)
    {
        var expected = want.ValueKind == JsonValueKind.Null ? null : want.GetString();
        Assert.True(expected == actual, $"{label}: expected \"{expected}\" got \"{actual}\"");
    }

    private static void Same(string label, JsonElement want, long? actual)
    {
        long? expected = want.ValueKind == JsonValueKind.Null ? null : want.GetInt64();
        Assert.True(expected == actual, $"{label}: expected {expected?.ToString(CultureInfo.InvariantCulture) ?? "null"} got {actual?.ToString(CultureInfo.InvariantCulture) ?? "null"}");
    }

    private static void StartsWith(string label, JsonElement want, string? actual)
    {
        var expected = want.ValueKind == JsonValueKind.Null ? null : want.GetString();
        Assert.True(
            expected is null ? actual is null : actual?.StartsWith(expected, StringComparison.Ordinal) == true,
            $"{label}: expected start \"{expected}\" got \"{Cut(actual)}\"");
    }

    private static string? Cut(string? text) => text is null || text.Length <= 120 ? text : text[..120] + "...";

    /// <summary>The folder holding Collector.sln, found by walking up from the test binary.</summary>
    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Collector.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Collector.sln not found above " + AppContext.BaseDirectory);
    }
}
