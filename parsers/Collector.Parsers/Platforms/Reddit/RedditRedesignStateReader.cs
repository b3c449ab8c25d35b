using System.Text.Json;
using Collector.Model;
using Collector.Parsers.Common;

namespace Collector.Parsers.Platforms.Reddit;

/// <summary>
/// The 2018-22 redesign's raw server HTML: <c>window.___r = {…}</c> with <c>posts.models</c>, <c>comments.models</c>
/// and <c>subreddits.models</c>. Read by scanning for the assignment: no DOM.
/// </summary>
internal static class RedditRedesignStateReader
{
    public static ParseResult Read(RedditParser parser, PageInput page)
    {
        var json = ScriptTags.AssignedJson(page.Body, "window.___r");
        using var document = JsonRead.TryParse(json);
        if (document is null)
        {
            return RedditRedesignDomReader.Read(parser, page);
        }

        var state = document.RootElement;
        var subreddits = state.Properties("subreddits", "models").ToDictionary(p => p.Name, p => p.Value.Str("name"), StringComparer.Ordinal);
        var posts = new List<Post>();
        foreach (var model in state.Properties("posts", "models"))
        {
            var p = model.Value;
            if (p.Bool("isSponsored") == true)
            {
                continue;
            }

            var (text, links) = RedditRichText.Read(p.At("media"));
            var author = p.Str("author");
            var outbound = p.Str("source", "url");
            posts.Add(new Post
            {
                Platform = PlatformKeys.Reddit,
                Id = RedditUrls.Fullname("t3", p.Str("id") ?? model.Name),
                Url = RedditUrls.Permalink(p.Str("permalink")),
                Kind = PostKinds.Post,
                Author = Author(author, p.Str("authorId")),
                PublishedAt = p.Time("created"),
                Title = TextNormalizer.OneLine(p.Str("title")),
                Text = RedditRemoval.TextOrNull(text),
                Community = p.Str("belongsTo", "id") is { } sid ? subreddits.GetValueOrDefault(sid) : null,
                Links = outbound is null ? links : TextExtraction.Merge([outbound], links),
                Metrics = new Metrics { Score = p.Long("score"), Comments = p.Long("numComments") },
            });
        }

        foreach (var model in state.Properties("comments", "models"))
        {
            var c = model.Value;
            var (text, links) = RedditRichText.Read(c.At("media"));
            var postId = c.Str("postId");
            posts.Add(new Post
            {
                Platform = PlatformKeys.Reddit,
                Id = RedditUrls.Fullname("t1", c.Str("id") ?? model.Name),
                Url = RedditUrls.Permalink(c.Str("permalink")),
                Kind = PostKinds.Comment,
                Author = c.Bool("isDeleted") == true ? null : Author(c.Str("author"), c.Str("authorId")),
                PublishedAt = c.Time("created"),
                Text = c.Bool("isDeleted") == true ? null : RedditRemoval.TextOrNull(text),
                Community = c.Str("subredditId") is { } sid ? subreddits.GetValueOrDefault(sid) : null,
                ParentId = c.Str("parentId") ?? postId,
                RootId = postId,
                Links = links,
                Metrics = new Metrics { Score = c.Long("score") },
            });
        }

        var subject = RedditUrls.PostOf(page.Url) is { } id ? new PostKey(PlatformKeys.Reddit, id) : (PostKey?)null;
        var next = new List<FollowLink>();
        foreach (var more in state.Properties("moreComments", "models"))
        {
            if (subject is { } s && more.Value.Str("token") is { } && more.Name.StartsWith("t1_", StringComparison.Ordinal))
            {
                next.Add(new FollowLink(new Uri($"{RedditUrls.Origin}/comments/{s.Id[3..]}/_/{more.Name[3..].Split('_')[0]}/"), FollowKind.Comments));
            }
        }

        if (posts.Count == 0)
        {
            return RedditPageClassifier.Classify(parser, page);
        }

        return RedditFieldPaths.RedesignState.Apply(parser.Found(PostEnricher.EnrichAll(posts), next, subject));
    }

    private static Author? Author(string? name, string? id) =>
        name is null or "[deleted]" ? null : new Author { Id = id, Handle = name, Name = name, Url = RedditUrls.User(name) };
}
