using System.Xml;
using System.Xml.Linq;
using Collector.Model;
using Collector.Parsers.Common;

namespace Collector.Parsers.Platforms.Reddit;

/// <summary>Reddit's Atom feeds (<c>/r/name/.rss</c>, <c>/user/name/.rss</c>): one entry per post or comment.</summary>
internal static class RedditAtomReader
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace MediaNs = "http://search.yahoo.com/mrss/";

    public static ParseResult Read(RedditParser parser, PageInput page)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new StringReader(page.Body), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            document = XDocument.Load(reader);
        }
        catch (XmlException ex)
        {
            return parser.Classified(PageOutcome.Unrecognized, $"Atom feed that is not well-formed XML: {ex.Message}");
        }

        var feed = document.Root;
        if (feed is null || feed.Name != Atom + "feed")
        {
            return parser.Classified(PageOutcome.Unrecognized, "XML that is not an Atom feed");
        }

        var posts = new List<Post>();
        foreach (var entry in feed.Elements(Atom + "entry"))
        {
            var id = entry.Element(Atom + "id")?.Value.Trim();
            if (string.IsNullOrEmpty(id))
            {
                continue;
            }

            var author = entry.Element(Atom + "author")?.Element(Atom + "name")?.Value.Trim().Replace("/u/", string.Empty, StringComparison.Ordinal);
            var link = entry.Element(Atom + "link")?.Attribute("href")?.Value;
            var html = entry.Element(Atom + "content")?.Value;
            var isComment = id.StartsWith("t1_", StringComparison.Ordinal);
            var thumbnail = entry.Element(MediaNs + "thumbnail")?.Attribute("url")?.Value;
            posts.Add(new Post
            {
                Platform = PlatformKeys.Reddit,
                Id = id,
                Url = link,
                Kind = isComment ? PostKinds.Comment : PostKinds.Post,
                Author = author is null or "[deleted]" ? null : new Author { Handle = author, Name = author, Url = RedditUrls.User(author) },
                PublishedAt = Times.Parse(entry.Element(Atom + "published")?.Value ?? entry.Element(Atom + "updated")?.Value),
                Title = isComment ? null : TextNormalizer.OneLine(entry.Element(Atom + "title")?.Value),
                Text = FeedText(html),
                Community = entry.Element(Atom + "category")?.Attribute("term")?.Value,
                RootId = isComment && link is not null && Uri.TryCreate(link, UriKind.Absolute, out var u) ? RedditUrls.PostOf(u) : null,
                Media = thumbnail is null ? [] : [new Media { Type = "image", Url = thumbnail }],
            });
        }

        return RedditFieldPaths.Atom.Apply(parser.Found(PostEnricher.EnrichAll(posts), [], reason: posts.Count == 0 ? "Atom feed without entries" : "Atom feed"));
    }

    /// <summary>The entry's text without the feed's "submitted by /u/x [link] [comments]" boilerplate.</summary>
    private static string? FeedText(string? html)
    {
        if (html is null)
        {
            return null;
        }

        var md = html.IndexOf("<div class=\"md\">", StringComparison.Ordinal);
        if (md >= 0)
        {
            var end = html.IndexOf("</div>", md, StringComparison.Ordinal);
            return HtmlText.ToPlainText(end > md ? html[md..end] : html[md..]);
        }

        return null;
    }
}
