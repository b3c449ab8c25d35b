using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Collector.Model;
using Collector.Parsers.Common;

namespace Collector.Parsers.Platforms.Quora;

/// <summary>
/// Answer cards in rendered markup, anchored on Quora's semantic hooks rather than its hashed layout classes: the 2019+
/// React cards (<c>.spacing_log_answer_header</c> / <c>.spacing_log_answer_content</c>, <c>.rendered_qtext</c>) and the
/// pre-2017 feed items (<c>.feed_item</c>, <c>a.question_link</c>, <c>a.user</c>, <c>a.answer_permalink</c>).
/// </summary>
internal static partial class QuoraCardReader
{
    public static List<Post> Read(IDocument document, Uri page)
    {
        var posts = new List<Post>();
        foreach (var header in document.QuerySelectorAll(".spacing_log_answer_header"))
        {
            var card = CardOf(header);
            if (card is not null && ModernCard(card, header, page) is { } post && posts.All(p => p.Id != post.Id))
            {
                posts.Add(post);
            }
        }

        foreach (var item in document.QuerySelectorAll(".feed_item, .AnswerBase, .pagedlist_item"))
        {
            if (item.QuerySelector("a.answer_permalink") is not null && LegacyCard(item, page) is { } post && posts.All(p => p.Id != post.Id))
            {
                posts.Add(post);
            }
        }

        return posts;
    }

    /// <summary>The nearest ancestor of the header that also holds the answer body.</summary>
    private static IElement? CardOf(IElement header)
    {
        var node = header;
        for (var i = 0; i < 12 && node.ParentElement is { } parent; i++)
        {
            node = parent;
            if (node.QuerySelector(".spacing_log_answer_content") is not null)
            {
                return node;
            }
        }

        return null;
    }

    private static Post? ModernCard(IElement card, IElement header, Uri page)
    {
        var permalink = header.QuerySelectorAll("a[href]").FirstOrDefault(a => IsAnswerPath(a.GetAttribute("href")));
        var id = QuoraIds.PathId(Urls.ResolveString(page, permalink.Attr("href")));
        if (id is null)
        {
            return null;
        }

        var authorLink = header.QuerySelectorAll("a[href*='/profile/']").FirstOrDefault(a => a.Text() is not null);
        var questionLink = card.QuerySelectorAll("a[href]").FirstOrDefault(a => a.QuerySelector(".rendered_qtext") is not null && !IsAnswerPath(a.GetAttribute("href")));
        var body = card.QuerySelector(".spacing_log_answer_content .rendered_qtext") ?? card.QuerySelector(".spacing_log_answer_content");
        var questionId = QuoraIds.PathId(questionLink.Attr("href")) ?? QuoraIds.QuestionOf(id);
        return new Post
        {
            Platform = PlatformKeys.Quora,
            Id = id,
            Url = QuoraIds.Url(id),
            Kind = PostKinds.Answer,
            Author = AuthorOf(authorLink, page),
            PublishedAt = DateOf(permalink.Text()),
            Title = questionLink.Text(),
            Text = WithoutMore(body.BlockText()),
            ParentId = questionId,
            RootId = questionId,
            Links = body.Hrefs(page).Where(u => !u.Contains("quora.com", StringComparison.Ordinal)).ToList(),
        };
    }

    private static Post? LegacyCard(IElement item, Uri page)
    {
        var permalink = item.QuerySelector("a.answer_permalink");
        var id = QuoraIds.PathId(Urls.ResolveString(page, permalink.Attr("href")));
        if (id is null)
        {
            return null;
        }

        var questionLink = item.QuerySelector("a.question_link");
        var body = item.QuerySelector(".answer_content .TruncatedAnswer, .answer_content .ExpandedAnswer, .answer_content");
        var texts = item.QuerySelectorAll(".answer_content .rendered_qtext");
        var bodyText = texts.Length > 0 ? texts[^1] : body;
        var questionId = QuoraIds.PathId(questionLink.Attr("href")) ?? QuoraIds.QuestionOf(id);
        return new Post
        {
            Platform = PlatformKeys.Quora,
            Id = id,
            Url = QuoraIds.Url(id),
            Kind = PostKinds.Answer,
            Author = AuthorOf(item.QuerySelector("a.user"), page),
            PublishedAt = DateOf(permalink.Text()),
            Title = questionLink?.QuerySelector(".rendered_qtext").Text() ?? questionLink.Text(),
            Text = WithoutMore(bodyText.BlockText()),
            ParentId = questionId,
            RootId = questionId,
            Links = bodyText.Hrefs(page).Where(u => !u.Contains("quora.com", StringComparison.Ordinal)).ToList(),
        };
    }

    private static Author? AuthorOf(IElement? link, Uri page)
    {
        var href = Urls.ResolveString(page, link.Attr("href"));
        var name = link.Text();
        if (href is null && name is null)
        {
            return null;
        }

        var handle = href is null ? null : QuoraIds.PathId(href)?.Replace("profile/", string.Empty, StringComparison.Ordinal);
        return new Author { Handle = handle, Name = name, Url = href };
    }

    private static bool IsAnswerPath(string? href) =>
        href is not null && !href.Contains("/profile/", StringComparison.Ordinal) && AnswerPath().IsMatch(href);

    /// <summary>"Answered November 28, 2017" → that day (UTC). "Updated …" names an edit, and "Nov 18" / "2y" no year: null.</summary>
    internal static DateTimeOffset? DateOf(string? text)
    {
        if (text is null || !text.StartsWith("Answered", StringComparison.Ordinal))
        {
            return null;
        }

        var rest = text["Answered".Length..].Trim();
        return DateTime.TryParseExact(rest, ["MMMM d, yyyy", "MMM d, yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var day)
            ? new DateTimeOffset(day, TimeSpan.Zero)
            : null;
    }

    private static string? WithoutMore(string? text) =>
        text is not null && text.EndsWith("(more)", StringComparison.Ordinal) ? TextNormalizer.Normalize(text[..^6]) : text;

    [GeneratedRegex(@"^(?:https?://[^/]+)?/[^/?#]+/answers?/[^/?#]+/?$", RegexOptions.CultureInvariant)]
    private static partial Regex AnswerPath();
}
