using System.Text.Json;
using Collector.Model;
using Collector.Parsers.Common;

namespace Collector.Parsers.Platforms.Pinterest;

/// <summary>
/// One pin object to a post. Pinterest ships the same pin in camelCase (GraphQL relay responses) and snake_case
/// (redux state); every field is looked up both ways, and across every copy of the pin on the page (first non-empty wins).
/// </summary>
internal sealed class PinterestPin
{
    private readonly IReadOnlyList<JsonElement> _copies;

    public PinterestPin(IReadOnlyList<JsonElement> copies) => _copies = copies;

    public static string? IdOf(JsonElement pin) => pin.Str("entityId") ?? (pin.Str("type") == "pin" ? pin.Str("id") : null) ?? pin.Str("id");

    public Post ToPost(Uri page)
    {
        var id = First(p => IdOf(p))!;
        var pinner = Obj("pinner");
        var title = Text("title", "title") ?? Text("gridTitle", "grid_title");
        var description = Text("closeupUnifiedDescription", "closeup_unified_description") ?? Text("description", "description");
        var link = Str("link", "link");
        var seoUrl = Str("seoUrl", "seo_url");
        var isRepin = First(p => p.Bool("isRepin") ?? p.Bool("is_repin"));
        var origin = Obj("originPinner") ?? Obj("origin_pinner") ?? Obj("nativeCreator") ?? Obj("native_creator");
        return new Post
        {
            Platform = PlatformKeys.Pinterest,
            Id = id,
            Url = Urls.ResolveString(new Uri("https://www.pinterest.com"), seoUrl ?? $"/pin/{id}/"),
            Kind = PostKinds.Pin,
            Author = pinner is null ? null : Author(),
            PublishedAt = First(p => Times.Parse(p.Str("createdAt") ?? p.Str("created_at"))),
            Title = TextNormalizer.OneLine(title),
            Text = description,
            Community = First(p => TextNormalizer.OneLine(p.Str("board", "name"))),
            Media = Media(),
            Links = link is not null && !link.Contains("pinterest.", StringComparison.Ordinal) ? [link] : [],
            RepostOf = isRepin == true && origin is { } o && pinner is { } pp && o.Str("username") != pp.Str("username") ? $"user:{o.Str("username")}" : null,
            Metrics = new Metrics
            {
                Comments = First(p => p.Long("aggregatedPinData", "commentCount") ?? p.Long("aggregated_pin_data", "comment_count")),
                Shares = First(p => p.Long("shareCount") ?? p.Long("share_count")),
                Likes = First(p => p.Long("totalReactionCount") ?? p.Long("reaction_counts", "1")),
                Score = First(p => p.Long("aggregatedPinData", "aggregatedStats", "saves") ?? p.Long("aggregated_pin_data", "aggregated_stats", "saves")),
            },
        };
    }

    private Author Author()
    {
        var username = First(p => p.Str("pinner", "username"));
        return new Author
        {
            Id = First(p => p.Str("pinner", "entityId") ?? p.Str("pinner", "id")),
            Handle = username,
            Name = First(p => p.Str("pinner", "fullName") ?? p.Str("pinner", "full_name")),
            Url = username is null ? null : $"https://www.pinterest.com/{username}/",
        };
    }

    private List<Media> Media()
    {
        var media = new List<Media>();
        var video = First(p => VideoUrl(p.At("videos")) ?? VideoUrl(p.At("storyPinData")) ?? VideoUrl(p.At("story_pin_data")));
        if (video is not null)
        {
            media.Add(new Media { Type = "video", Url = video });
        }

        var image = First(p => p.Str("imageSpec_orig", "url") ?? p.Str("images", "orig", "url") ?? p.Str("images", "url")
            ?? p.Str("imageLargeUrl") ?? p.Str("imageSpec_736x", "url") ?? p.Str("images", "736x", "url"));
        if (image is not null)
        {
            media.Add(new Media { Type = "image", Url = image });
        }

        return media;
    }

    /// <summary>The best video URL in a videos/storyPinData object (prefers mp4 over HLS, larger over smaller).</summary>
    private static string? VideoUrl(JsonElement? node)
    {
        if (node is not { } n)
        {
            return null;
        }

        string? hls = null;
        foreach (var obj in n.DescendantObjects(limit: 2000))
        {
            if (obj.Str("url") is { } url && url.Contains("pinimg.com", StringComparison.Ordinal))
            {
                if (url.EndsWith(".mp4", StringComparison.Ordinal))
                {
                    return url;
                }

                if (url.EndsWith(".m3u8", StringComparison.Ordinal))
                {
                    hls ??= url;
                }
            }
        }

        return hls;
    }

    private JsonElement? Obj(string key) => First(p => p.At(key) is { ValueKind: JsonValueKind.Object } o ? o : (JsonElement?)null);

    private string? Str(string camel, string snake) => First(p => p.Str(camel) ?? p.Str(snake));

    private string? Text(string camel, string snake) => First(p => TextNormalizer.Normalize(p.Str(camel) ?? p.Str(snake)));

    private T? First<T>(Func<JsonElement, T?> read)
        where T : class
    {
        foreach (var copy in _copies)
        {
            if (read(copy) is { } value)
            {
                return value;
            }
        }

        return null;
    }

    private TS? First<TS>(Func<JsonElement, TS?> read)
        where TS : struct
    {
        foreach (var copy in _copies)
        {
            if (read(copy) is { } value)
            {
                return value;
            }
        }

        return null;
    }
}
