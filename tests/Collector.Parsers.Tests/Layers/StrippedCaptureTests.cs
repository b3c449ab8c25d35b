using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Collector.Model;
using Collector.Parsers.Tests.Platforms;

namespace Collector.Parsers.Tests.Layers;

/// <summary>
/// Every real HTML capture of a single post (../shared/fixtures, with its hand-read expected file) stripped of everything
/// platform-specific: only its &lt;title&gt;, &lt;meta&gt;, &lt;link&gt; and JSON-LD scripts are kept, in an empty body. The
/// parser must still find the post the page stands for, under the same id the full page gives it, through the standard
/// layers; and the text and author wherever the kept tags carry them.
/// </summary>
public partial class StrippedCaptureTests
{
    public static TheoryData<string, string> PostPages()
    {
        var data = new TheoryData<string, string>();
        var platforms = Path.Combine(ExpectedPageCheck.RepoRoot(), "tests", "Collector.Parsers.Tests", "Platforms");
        foreach (var file in Directory.EnumerateFiles(platforms, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            using var expected = JsonDocument.Parse(File.ReadAllText(file));
            var e = expected.RootElement;
            var fixture = e.GetProperty("fixture").GetString()!;
            if (fixture.EndsWith(".html", StringComparison.Ordinal) && SubjectPost(e) is not null)
            {
                data.Add(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(file)))!, Path.GetFileName(file));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PostPages))]
    public void Parse_RealPostPageStrippedToStandardTags_YieldsThePostUnderItsId(string platformFolder, string expectedFile)
    {
        var root = ExpectedPageCheck.RepoRoot();
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "tests", "Collector.Parsers.Tests", "Platforms", platformFolder, "Expected", expectedFile)));
        var e = expected.RootElement;
        var fixture = Path.GetFullPath(Path.Combine(root, "..", "shared", "fixtures", e.GetProperty("fixture").GetString()!));
        Assert.SkipWhen(!File.Exists(fixture), $"capture {fixture} absent (../shared/fixtures not mounted)");
        var subject = SubjectPost(e)!.Value;
        var key = Key(e.GetProperty("subject").GetString()!);
        var stripped = Strip(File.ReadAllText(fixture));

        var parser = BuiltInParsers.Create().Single(p => p.Platform == key.Platform);
        var result = parser.Parse(new PageInput { Url = new Uri(e.GetProperty("url").GetString()!), Body = stripped, ContentType = "text/html" });

        Assert.True(result.ParseError is null, $"the parser crashed: {result.ParseError}");
        if (!Describes(stripped))
        {
            // Nothing about the post survived (a shell whose head is generic): the parser must not make one up.
            Assert.NotEqual(PageOutcome.Content, result.Classification);
            return;
        }

        var post = result.Posts.SingleOrDefault(p => p.Id == key.Id);
        Assert.True(post is not null, $"{key} not found in the stripped page ({result.Classification.ToWire()}: {result.Reason}); posts: {string.Join(", ", result.Posts.Select(p => p.Id))}");
        Assert.True(result.ParsedBy.ContainsKey(post.Id), "no layer named");
        if (HasText(stripped))
        {
            Assert.False(string.IsNullOrWhiteSpace(post.Text), $"{key}: the kept tags carry a description but the post has no text");
        }

        if (subject.TryGetProperty("authorHandle", out var handle) && handle.GetString() is { } h
            && stripped.Contains("@" + h, StringComparison.OrdinalIgnoreCase))
        {
            Assert.True(string.Equals(h, post.Author?.Handle, StringComparison.OrdinalIgnoreCase), $"{key}: the kept tags name @{h}, the post says {post.Author?.Handle}");
        }
    }

    /// <summary>The expected post the page stands for, when it is a post (not a profile or listing).</summary>
    private static JsonElement? SubjectPost(JsonElement expected)
    {
        if (!expected.TryGetProperty("subject", out var subject) || subject.ValueKind != JsonValueKind.String
            || expected.GetProperty("classification").GetString() != "content")
        {
            return null;
        }

        var id = Key(subject.GetString()!).Id;
        foreach (var post in expected.TryGetProperty("posts", out var posts) ? posts.EnumerateArray() : [])
        {
            if (post.GetProperty("id").GetString() == id && (!post.TryGetProperty("kind", out var kind) || kind.GetString() is not (PostKinds.Profile or "board")))
            {
                return post;
            }
        }

        return null;
    }

    private static PostKey Key(string text) => PostKey.TryParse(text, out var key) ? key : throw new FormatException(text);

    /// <summary>The page's title, meta, link and JSON-LD tags (wherever they stand), in a bare document.</summary>
    internal static string Strip(string html)
    {
        var kept = new StringBuilder("<html><head>");
        foreach (Match tag in StandardTags().Matches(html))
        {
            kept.Append(tag.Value).Append('\n');
        }

        return kept.Append("</head><body></body></html>").ToString();
    }

    /// <summary>Whether the kept tags say anything about the post (a preview title or description, or structured data).</summary>
    private static bool Describes(string stripped) =>
        HasText(stripped) || stripped.Contains("og:title", StringComparison.Ordinal) || stripped.Contains("twitter:title", StringComparison.Ordinal);

    private static bool HasText(string stripped) =>
        stripped.Contains("og:description", StringComparison.Ordinal) || stripped.Contains("\"articleBody\"", StringComparison.Ordinal)
        || stripped.Contains("\"text\"", StringComparison.Ordinal);

    [GeneratedRegex(@"<title[^>]*>.*?</title>|<meta\b[^>]*>|<link\b[^>]*>|<script[^>]*application/ld\+json[^>]*>.*?</script>", RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StandardTags();
}
