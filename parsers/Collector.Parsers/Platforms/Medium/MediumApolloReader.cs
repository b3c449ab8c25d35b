using System.Text.Json;
using Collector.Model;
using Collector.Parsers.Common;

namespace Collector.Parsers.Platforms.Medium;

/// <summary>
/// Reads Medium's normalized Apollo cache. References come in two shapes: <c>{"__ref":"User:x"}</c> (2020+) and
/// <c>{"type":"id","id":"User:x"}</c> (2019-20).
/// </summary>
internal sealed class MediumApolloReader(JsonElement state, string? declaredLanguage)
{
    public (List<Post> Posts, List<FollowLink> Next, PostKey? Subject) Read(string? postId, string? profileName)
    {
        var posts = new List<Post>();
        var next = new List<FollowLink>();
        PostKey? subject = null;
        if (postId is not null && state.At("Post:" + postId) is { } main && Article(main, full: true) is { } article)
        {
            posts.Add(article);
            subject = article.Key;
        }
        else if (profileName is not null && FindUser(profileName) is { } user)
        {
            var userId = user.Str("id");
            var profile = Profile(user);
            posts.Add(profile);
            subject = profile.Key;
            foreach (var entry in state.EnumerateObject())
            {
                if (entry.Name.StartsWith("Post:", StringComparison.Ordinal) && Ref(entry.Value.At("creator")) == "User:" + userId
                    && Article(entry.Value, full: false) is { } listed)
                {
                    posts.Add(listed);
                }
            }
        }

        foreach (var entry in state.EnumerateObject())
        {
            if (entry.Name.StartsWith("Post:", StringComparison.Ordinal) && entry.Value.Str("mediumUrl") is { } url
                && Uri.TryCreate(url, UriKind.Absolute, out var link) && subject?.Id != entry.Value.Str("id"))
            {
                next.Add(new FollowLink(link, FollowKind.Item));
            }
        }

        return (posts, next, subject);
    }

    private Post? Article(JsonElement post, bool full)
    {
        var id = post.Str("id");
        if (id is null)
        {
            return null;
        }

        var paragraphs = Paragraphs(post, full);
        var title = TextNormalizer.OneLine(post.Str("title")) ?? paragraphs.FirstOrDefault(p => p.Type is "H3" or "H2" or "H1").Text;
        var body = paragraphs.Where(p => p.Text is { Length: > 0 } && p.Text != title && p.Type != "IMG").Select(p => p.Text);
        var text = TextNormalizer.Normalize(string.Join("\n\n", body)) ?? TextNormalizer.Normalize(post.Str("previewContent", "subtitle"));
        var creator = Resolve(post.At("creator"));
        var collection = Resolve(post.At("collection"));
        var tags = post.Items("tags").Select(t => Ref(t)).OfType<string>().Where(t => t.StartsWith("Tag:", StringComparison.Ordinal)).Select(t => t[4..]).ToList();
        return PostEnricher.Enrich(
            new Post
            {
                Platform = PlatformKeys.Medium,
                Id = id,
                Url = post.Str("mediumUrl") ?? $"https://medium.com/p/{id}",
                Kind = post.At("inResponseToPostResult") is not null ? PostKinds.Comment : PostKinds.Article,
                Author = creator is { } c ? Author(c) : null,
                PublishedAt = post.Time("firstPublishedAt") ?? post.Time("latestPublishedAt"),
                Title = title,
                Text = text,
                Community = collection?.Str("slug") ?? collection?.Str("name"),
                Hashtags = tags,
                Metrics = new Metrics
                {
                    Likes = post.Long("clapCount"),
                    Comments = post.Long("postResponses", "count") ?? post.Long("responsesCount"),
                },
            },
            declaredLanguage);
    }

    private List<(string? Type, string? Text)> Paragraphs(JsonElement post, bool full)
    {
        var model = full ? post.At("content({})", "bodyModel") ?? Resolve(post.At("content({})"))?.At("bodyModel") : null;
        model ??= Resolve(post.At("previewContent"))?.At("bodyModel") is { } preview ? Resolve(preview) ?? preview : null;
        if (model is not { } m)
        {
            return [];
        }

        m = Resolve(m) ?? m;
        return [.. m.Items("paragraphs").Select(p => Resolve(p) ?? p).Select(p => (p.Str("type"), TextNormalizer.Normalize(p.Str("text"))))];
    }

    private JsonElement? FindUser(string username)
    {
        foreach (var entry in state.EnumerateObject())
        {
            if (entry.Name.StartsWith("User:", StringComparison.Ordinal)
                && string.Equals(entry.Value.Str("username"), username, StringComparison.OrdinalIgnoreCase))
            {
                return entry.Value;
            }
        }

        return null;
    }

    private Post Profile(JsonElement user)
    {
        var id = user.Str("id")!;
        var text = TextNormalizer.Normalize(user.Str("bio"));
        return PostEnricher.Enrich(new Post
        {
            Platform = PlatformKeys.Medium,
            Id = "user:" + id,
            Url = $"https://medium.com/@{user.Str("username")}",
            Kind = PostKinds.Profile,
            Author = Author(user),
            Title = user.Str("name"),
            Text = text,
        });
    }

    private static Author Author(JsonElement user)
    {
        var username = user.Str("username");
        return new Author { Id = user.Str("id"), Handle = username, Name = user.Str("name"), Url = username is null ? null : $"https://medium.com/@{username}" };
    }

    /// <summary>The cache entry a reference points at (the element itself when it is not a reference).</summary>
    private JsonElement? Resolve(JsonElement? reference)
    {
        if (reference is not { ValueKind: JsonValueKind.Object } r)
        {
            return null;
        }

        var key = Ref(r);
        return key is null ? r : state.At(key);
    }

    private static string? Ref(JsonElement? reference) =>
        reference is not { ValueKind: JsonValueKind.Object } r ? null : r.Str("__ref") ?? (r.Str("type") == "id" ? r.Str("id") : null);
}
