using System.Text.Json;
using Collector.Model;
using Collector.Parsers.Common;

namespace Collector.Parsers.Platforms.Quora;

/// <summary>Questions and answers from the inline query payloads (objects with <c>__typename</c> Question / Answer).</summary>
internal static class QuoraPayloadReader
{
    public static List<Post> Read(IEnumerable<string> payloads, Uri page)
    {
        var posts = new List<Post>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var payload in payloads)
        {
            using var document = JsonRead.TryParse(payload);
            if (document is null)
            {
                continue;
            }

            foreach (var node in document.RootElement.DescendantObjects())
            {
                var type = node.Str("__typename");
                var post = type switch
                {
                    "Question" when node.Str("qid") is not null || node.Str("url") is not null => Question(node),
                    "Answer" when node.Bool("isDeleted") != true => Answer(node, page),
                    _ => null,
                };
                if (post is not null && ids.Add(post.Id))
                {
                    posts.Add(post);
                }
            }
        }

        return posts;
    }

    private static Post? Question(JsonElement node)
    {
        var id = QuoraIds.PathId(node.Str("url")) ?? (node.Str("qid") is { } qid ? $"question/{qid}" : null);
        if (id is null)
        {
            return null;
        }

        return new Post
        {
            Platform = PlatformKeys.Quora,
            Id = id,
            Url = QuoraIds.Url(id),
            Kind = PostKinds.Question,
            Title = TextNormalizer.OneLine(QuoraRichText.ToText(node.Str("title"))),
            PublishedAt = node.Time("creationTime"),
            Metrics = node.Long("answerCount") is { } answers ? new Metrics { Comments = answers } : Metrics.Unknown,
        };
    }

    private static Post? Answer(JsonElement node, Uri page)
    {
        var id = QuoraIds.PathId(node.Str("permaUrl") ?? node.Str("url"))
            ?? (node.Str("aid") is { } aid ? $"answer/{aid}" : null);
        if (id is null)
        {
            return null;
        }

        var question = node.At("question");
        var questionId = question is { } q ? QuoraIds.PathId(q.Str("url")) ?? (q.Str("qid") is { } qid ? $"question/{qid}" : null) : QuoraIds.QuestionOf(id);
        var author = node.At("author");
        var content = node.Str("content");
        return new Post
        {
            Platform = PlatformKeys.Quora,
            Id = id,
            Url = QuoraIds.Url(id),
            Kind = PostKinds.Answer,
            Author = author is { } a ? Author(a, page) : null,
            PublishedAt = node.Time("creationTime"),
            Title = question is { } qt ? TextNormalizer.OneLine(QuoraRichText.ToText(qt.Str("title"))) : null,
            Text = QuoraRichText.ToText(content),
            ParentId = questionId,
            RootId = questionId,
            Links = QuoraRichText.Links(content),
            Metrics = new Metrics
            {
                Likes = node.Long("numUpvotes"),
                Views = node.Long("numViews"),
                Shares = node.Long("numShares"),
                Comments = node.Long("numDisplayComments"),
            },
        };
    }

    private static Author Author(JsonElement user, Uri page)
    {
        string? name = null;
        foreach (var n in user.Items("names"))
        {
            var given = n.Str("givenName") ?? string.Empty;
            var family = n.Str("familyName") ?? string.Empty;
            name = TextNormalizer.OneLine(n.Bool("reverseOrder") == true ? $"{family} {given}" : $"{given} {family}");
            if (name is not null)
            {
                break;
            }
        }

        var profile = user.Str("profileUrl");
        return new Author
        {
            Id = user.Str("uid"),
            Handle = profile is null ? null : QuoraIds.PathId(profile)?.Replace("profile/", string.Empty, StringComparison.Ordinal),
            Name = name,
            Url = Urls.ResolveString(page, profile),
        };
    }
}
