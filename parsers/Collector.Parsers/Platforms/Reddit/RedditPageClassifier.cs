using Collector.Model;
using Collector.Parsers.Common;

namespace Collector.Parsers.Platforms.Reddit;

/// <summary>Reddit pages that hold no posts: walls, blocks, missing and removed pages, head-only captures, and markup we no longer know.</summary>
internal static class RedditPageClassifier
{
    public static ParseResult Classify(RedditParser parser, PageInput page)
    {
        var html = page.Body;
        var subject = RedditUrls.PostOf(page.Url) is { } id ? new PostKey(PlatformKeys.Reddit, id) : (PostKey?)null;
        if (html.Contains("identified as a social crawler", StringComparison.Ordinal)
            || html.Contains("blocked by network security", StringComparison.Ordinal)
            || html.Contains("whoa there, pardner", StringComparison.OrdinalIgnoreCase))
        {
            return parser.Classified(PageOutcome.Captcha, "Reddit served its bot-block page instead of the post", subject);
        }

        if (html.Contains("this post was removed", StringComparison.OrdinalIgnoreCase)
            || html.Contains("Sorry, this post was deleted", StringComparison.Ordinal)
            || html.Contains("This community has been banned", StringComparison.Ordinal))
        {
            return parser.Classified(PageOutcome.Removed, "Reddit removal notice", subject);
        }

        if (html.Contains("private community", StringComparison.OrdinalIgnoreCase) || html.Contains("is a private community", StringComparison.Ordinal))
        {
            return parser.Classified(PageOutcome.LoginWall, "private community", subject);
        }

        if (PageSignals.Detect(page) is { } signal)
        {
            return parser.Classified(signal.Outcome, signal.Reason, subject);
        }

        // A capture cut down to <head>: the post's OpenGraph meta is all there is.
        var meta = MetaTags.Read(html);
        if (subject is { } key && (meta.Get("og:url") ?? meta.Get("og:title")) is not null && !html.Contains("<shreddit", StringComparison.Ordinal))
        {
            var post = RedditMetaPost.From(key, meta, page.Url);
            if (post is not null)
            {
                var found = parser.Found([PostEnricher.Enrich(post)], [], key, "only the page's meta tags: title and a shortened description") with
                {
                    ParsedBy = new Dictionary<string, string> { [post.Id] = Layers.ParseLayers.At(Layers.ParseLayers.Meta, "og:title, og:description") },
                };
                return RedditFieldPaths.Meta.Record(found);
            }
        }

        if (PageSignals.IsScriptShell(html))
        {
            return parser.Classified(PageOutcome.Unrecognized, "script shell without post markup", subject) with { NeedsBrowser = !page.Rendered };
        }

        return parser.Classified(PageOutcome.Unrecognized, "no shreddit-post, old-reddit siteTable, redesign state or API JSON", subject);
    }
}
