using System.Text.Json;
using Collector.Model;
using Collector.Parsers.Common;

namespace Collector.Parsers.Platforms.Generic;

/// <summary>Reads the fields of one schema.org node (JSON-LD object) into the parts of a <see cref="Post"/>.</summary>
internal static class SchemaOrgNode
{
    private static readonly Dictionary<string, string> KindByType = new(StringComparer.OrdinalIgnoreCase)
    {
        ["SocialMediaPosting"] = PostKinds.Post,
        ["DiscussionForumPosting"] = PostKinds.Post,
        ["BlogPosting"] = PostKinds.Article,
        ["LiveBlogPosting"] = PostKinds.Article,
        ["Article"] = PostKinds.Article,
        ["NewsArticle"] = PostKinds.Article,
        ["ReportageNewsArticle"] = PostKinds.Article,
        ["OpinionNewsArticle"] = PostKinds.Article,
        ["AnalysisNewsArticle"] = PostKinds.Article,
        ["TechArticle"] = PostKinds.Article,
        ["Report"] = PostKinds.Article,
        ["Comment"] = PostKinds.Comment,
        ["Answer"] = PostKinds.Answer,
        ["Question"] = PostKinds.Question,
        ["VideoObject"] = PostKinds.Video,
    };

    /// <summary>The post kind for the node's @type (a string or an array), or null when it is not a post type.</summary>
    public static string? Kind(JsonElement node)
    {
        var type = node.At("@type");
        if (type is null)
        {
            return null;
        }

        if (type.Value.ValueKind == JsonValueKind.String)
        {
            return KindByType.GetValueOrDefault(StripContext(type.Value.GetString()));
        }

        foreach (var item in type.Value.Items())
        {
            if (item.ValueKind == JsonValueKind.String && KindByType.TryGetValue(StripContext(item.GetString()), out var kind))
            {
                return kind;
            }
        }

        return null;
    }

    public static bool IsType(JsonElement node, string name)
    {
        var type = node.At("@type");
        if (type is null)
        {
            return false;
        }

        return type.Value.ValueKind == JsonValueKind.String
            ? string.Equals(StripContext(type.Value.GetString()), name, StringComparison.OrdinalIgnoreCase)
            : type.Value.Items().Any(t => t.ValueKind == JsonValueKind.String && string.Equals(StripContext(t.GetString()), name, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>identifier (string, number, PropertyValue or array), else @id, else null.</summary>
    public static string? Identifier(JsonElement node)
    {
        var identifier = node.At("identifier");
        if (identifier is { } id)
        {
            var first = id.ValueKind == JsonValueKind.Array && id.GetArrayLength() > 0 ? id[0] : id;
            var value = first.ValueKind == JsonValueKind.Object ? first.Str("value") : first.Str();
            if (!string.IsNullOrWhiteSpace(value))
            {
                return value.Trim();
            }
        }

        return node.Str("@id");
    }

    /// <summary>The node's URL resolved against the page.</summary>
    public static string? Url(JsonElement node, Uri page) => Urls.ResolveString(page, FirstString(node, "url") ?? FirstString(node, "mainEntityOfPage", "@id"));

    public static Author? Author(JsonElement node, Uri page)
    {
        var author = node.At("author") ?? node.At("creator");
        if (author is not { } a)
        {
            return null;
        }

        if (a.ValueKind == JsonValueKind.Array)
        {
            if (a.GetArrayLength() == 0)
            {
                return null;
            }

            a = a[0];
        }

        if (a.ValueKind == JsonValueKind.String)
        {
            var text = a.GetString();
            return string.IsNullOrWhiteSpace(text) ? null : new Author { Name = text.Trim() };
        }

        if (a.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var url = Urls.ResolveString(page, a.Str("url") ?? FirstString(a, "sameAs"));
        var name = TextNormalizer.OneLine(a.Str("name"));
        var handle = a.Str("alternateName") ?? HandleFromUrl(url) ?? (name is not null && !name.Contains(' ', StringComparison.Ordinal) ? name : null);
        var id = a.Str("identifier") ?? a.Str("@id");
        return name is null && handle is null && url is null ? null : new Author { Id = id, Handle = handle?.TrimStart('@'), Name = name, Url = url };
    }

    public static DateTimeOffset? Published(JsonElement node) =>
        Times.Parse(node.Str("datePublished")) ?? Times.Parse(node.Str("dateCreated")) ?? Times.Parse(node.Str("uploadDate"));

    public static string? Text(JsonElement node) =>
        HtmlText.ToPlainText(node.Str("articleBody") ?? node.Str("text") ?? node.Str("description"));

    public static string? Title(JsonElement node, string kind) =>
        TextNormalizer.OneLine(node.Str("headline") ?? (kind is PostKinds.Comment or PostKinds.Answer ? null : node.Str("name")));

    public static Metrics Metrics(JsonElement node)
    {
        long? likes = null, shares = null, views = null, comments = node.Long("commentCount");
        foreach (var stat in StatItems(node))
        {
            var type = stat.Str("interactionType") ?? stat.Str("interactionType", "@type") ?? string.Empty;
            var count = stat.Long("userInteractionCount");
            if (type.Contains("Like", StringComparison.OrdinalIgnoreCase))
            {
                likes ??= count;
            }
            else if (type.Contains("Comment", StringComparison.OrdinalIgnoreCase))
            {
                comments ??= count;
            }
            else if (type.Contains("Share", StringComparison.OrdinalIgnoreCase))
            {
                shares ??= count;
            }
            else if (type.Contains("Watch", StringComparison.OrdinalIgnoreCase) || type.Contains("View", StringComparison.OrdinalIgnoreCase))
            {
                views ??= count;
            }
        }

        var score = node.Long("upvoteCount");
        return likes is null && shares is null && views is null && comments is null && score is null
            ? Model.Metrics.Unknown
            : new Metrics { Likes = likes, Comments = comments, Shares = shares, Views = views, Score = score };
    }

    public static IReadOnlyList<Media> Media(JsonElement node, Uri page)
    {
        var media = new List<Media>();
        foreach (var (key, type) in new[] { ("image", "image"), ("video", "video"), ("associatedMedia", "image") })
        {
            var value = node.At(key);
            if (value is not { } v)
            {
                continue;
            }

            IEnumerable<JsonElement> items = v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : [v];
            foreach (var item in items)
            {
                var raw = item.ValueKind == JsonValueKind.String ? item.GetString() : item.Str("contentUrl") ?? item.Str("url");
                var kind = item.ValueKind == JsonValueKind.Object && IsType(item, "VideoObject") ? "video" : type;
                if (Urls.ResolveString(page, raw) is { } url && !media.Any(m => m.Url == url))
                {
                    media.Add(new Media { Type = kind, Url = url });
                }
            }
        }

        return media;
    }

    /// <summary>The last non-empty path segment of a profile URL ("/user/ann", "/@ann", "/u/ann/").</summary>
    public static string? HandleFromUrl(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length == 0 ? null : Uri.UnescapeDataString(segments[^1]).TrimStart('@');
    }

    private static IEnumerable<JsonElement> StatItems(JsonElement node)
    {
        var stats = node.At("interactionStatistic");
        return stats switch
        {
            { ValueKind: JsonValueKind.Array } array => array.EnumerateArray(),
            { ValueKind: JsonValueKind.Object } one => [one],
            _ => [],
        };
    }

    private static string? FirstString(JsonElement node, params ReadOnlySpan<string> path)
    {
        var value = node.At(path);
        return value switch
        {
            { ValueKind: JsonValueKind.String } s => s.GetString(),
            { ValueKind: JsonValueKind.Array } a when a.GetArrayLength() > 0 && a[0].ValueKind == JsonValueKind.String => a[0].GetString(),
            { ValueKind: JsonValueKind.Object } o => o.Str("@id") ?? o.Str("url"),
            _ => null,
        };
    }

    private static string StripContext(string? type)
    {
        if (type is null)
        {
            return string.Empty;
        }

        var slash = type.LastIndexOf('/');
        return slash >= 0 ? type[(slash + 1)..] : type;
    }
}
