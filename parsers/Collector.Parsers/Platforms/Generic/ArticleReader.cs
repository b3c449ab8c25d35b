using AngleSharp.Dom;
using Collector.Model;
using Collector.Parsers.Common;

namespace Collector.Parsers.Platforms.Generic;

/// <summary>
/// The last resort for pages with no structured data: OpenGraph/Twitter-card meta for title, author and time, and a
/// readability-style main text (the &lt;article&gt;, or the block with the most paragraph text). Comment blocks marked
/// <c>.comment[data-id]</c> inside the article become replies.
/// </summary>
internal static class ArticleReader
{
    /// <summary>Paragraph text a block needs before a page without article markers counts as an article.</summary>
    private const int MinMainText = 400;

    /// <summary>A block more than this share of whose text is link text is navigation (readability's link density).</summary>
    private const double MaxLinkDensity = 0.5;

    public static List<Post> Read(IDocument document, Uri page, MetaTags meta)
    {
        var article = PickArticle(document);
        var isArticlePage = article is not null
            || string.Equals(meta.Get("og:type"), "article", StringComparison.OrdinalIgnoreCase)
            || meta.Get("article:published_time") is not null;
        var main = article ?? MainBlock(document);
        var text = main.BlockText();
        if (main is null || text is null || (!isArticlePage && text.Length < MinMainText) || IsNavigation(main))
        {
            return [];
        }

        var canonical = Urls.ResolveString(page, meta.Link("canonical") ?? meta.Get("og:url"));
        var id = main.Attr("data-post-id") ?? main.Attr("data-id") ?? canonical ?? new UriBuilder(page) { Fragment = string.Empty }.Uri.AbsoluteUri;
        var authorLink = main.QuerySelector("[rel=author], a.author, .author a, [itemprop=author]") ?? document.QuerySelector("[rel=author]");
        var authorName = authorLink.Text() ?? meta.Get("author") ?? meta.Get("article:author") ?? meta.Get("twitter:creator");
        var authorUrl = Urls.ResolveString(page, authorLink.Attr("href"));
        var comments = main.QuerySelectorAll(".comment[data-id], [data-comment-id]").ToList();
        var body = (main.QuerySelector(".body, .post-body, .entry-content, [itemprop=articleBody]") ?? main).BlockText();
        if (comments.Count > 0 && body == text)
        {
            body = TextWithout(main, comments);
        }

        var post = new Post
        {
            Platform = PlatformKeys.Generic,
            Id = id,
            Url = canonical ?? page.AbsoluteUri,
            Kind = PostKinds.Article,
            Author = authorName is null && authorUrl is null ? null : new Author
            {
                Name = TextNormalizer.OneLine(authorName),
                Handle = authorUrl is null ? null : SchemaOrgNode.HandleFromUrl(authorUrl),
                Url = authorUrl,
            },
            PublishedAt = Times.Parse(meta.Get("article:published_time"))
                ?? Times.Parse(main.QuerySelector("time[datetime]").Attr("datetime"))
                ?? Times.Parse(document.QuerySelector("time[datetime]").Attr("datetime")),
            Title = TextNormalizer.OneLine(main.QuerySelector("h1").Text() ?? meta.Get("og:title") ?? meta.Get("twitter:title") ?? meta.Title),
            Text = body,
            Media = Urls.ResolveString(page, meta.Get("og:image") ?? meta.Get("twitter:image")) is { } image ? [new Media { Type = "image", Url = image }] : [],
            Links = main.Hrefs(page).Where(u => !u.StartsWith(page.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal)).ToList(),
            Metrics = comments.Count > 0 ? new Metrics { Comments = comments.Count } : Metrics.Unknown,
        };

        var posts = new List<Post> { post };
        var index = 0;
        foreach (var comment in comments)
        {
            posts.Add(new Post
            {
                Platform = PlatformKeys.Generic,
                Id = comment.Attr("data-id") ?? comment.Attr("data-comment-id") ?? $"{id}/{index}",
                Kind = PostKinds.Comment,
                Author = (comment.QuerySelector(".author, b, strong").Text() ?? comment.Attr("data-author")) is { } name
                    ? new Author { Name = name, Handle = name }
                    : null,
                PublishedAt = Times.Parse(comment.QuerySelector("time[datetime]").Attr("datetime")),
                Text = (comment.QuerySelector("p, .text, .body") ?? comment).BlockText(),
                ParentId = id,
                RootId = id,
            });
            index++;
        }

        return posts;
    }

    /// <summary>A listing or an index of links (most of the block's text is in links): never an article.</summary>
    private static bool IsNavigation(IElement main)
    {
        var all = Visible(main.TextContent);
        var links = main.QuerySelectorAll("a").Sum(a => Visible(a.TextContent));
        return all > 0 && links > all * MaxLinkDensity;
    }

    private static int Visible(string text) => text.Count(c => !char.IsWhiteSpace(c));

    private static IElement? PickArticle(IDocument document)
    {
        var articles = document.QuerySelectorAll("article");
        return articles.Length switch
        {
            0 => null,
            1 => articles[0],
            _ => articles.OrderByDescending(a => a.TextContent.Length).First(),
        };
    }

    /// <summary>The element holding the most text in direct &lt;p&gt; children (the readability heuristic, simplified).</summary>
    private static IElement? MainBlock(IDocument document)
    {
        IElement? best = null;
        var bestScore = 0;
        foreach (var p in document.QuerySelectorAll("p"))
        {
            var parent = p.ParentElement;
            if (parent is null || parent.LocalName is "nav" or "footer" or "header" or "aside")
            {
                continue;
            }

            var score = parent.Children.Where(c => c.LocalName == "p").Sum(c => c.TextContent.Length);
            if (score > bestScore)
            {
                best = parent;
                bestScore = score;
            }
        }

        return best;
    }

    private static string? TextWithout(IElement main, List<IElement> comments)
    {
        var clone = (IElement)main.Clone(deep: true);
        foreach (var comment in clone.QuerySelectorAll(".comment[data-id], [data-comment-id]").ToList())
        {
            comment.Remove();
        }

        foreach (var heading in clone.QuerySelectorAll("h1, time, .author").ToList())
        {
            heading.Remove();
        }

        return clone.BlockText();
    }
}
