using Collector.Model;
using Collector.Parsers.Common;

namespace Collector.Parsers.Platforms.Reddit;

/// <summary>
/// Reddit in all the shapes researchers meet: the JSON API, old.reddit HTML, new Reddit (shreddit custom elements),
/// and the 2018-22 redesign (<c>window.___r</c> state in raw HTML, DOM only in rendered captures).
/// </summary>
public sealed class RedditParser : PlatformParser
{
    public override string Platform => PlatformKeys.Reddit;

    public override bool Handles(Uri url) => Hosts.IsAny(url, "reddit.com", "redd.it", "redditmedia.com");

    protected override IReadOnlyList<string> CanonicalOrigins { get; } = ["https://www.reddit.com"];

    protected override ParseResult ParseCore(PageInput page)
    {
        if (page.LooksLikeJson)
        {
            return RedditJsonReader.Read(this, page);
        }

        var html = page.Body;
        if (html.AsSpan(0, Math.Min(html.Length, 600)).Contains("<feed", StringComparison.Ordinal))
        {
            return RedditAtomReader.Read(this, page);
        }

        if (html.Contains("<shreddit-post", StringComparison.Ordinal) || html.Contains("<shreddit-comment", StringComparison.Ordinal)
            || html.Contains("search-post-unit", StringComparison.Ordinal))
        {
            return RedditRemoval.Settle(RedditShredditReader.Read(this, page), page.Url);
        }

        if (html.Contains("window.___r", StringComparison.Ordinal))
        {
            return RedditRemoval.Settle(RedditRedesignStateReader.Read(this, page), page.Url);
        }

        if (html.Contains("data-testid=\"post-container\"", StringComparison.Ordinal))
        {
            return RedditRemoval.Settle(RedditRedesignDomReader.Read(this, page), page.Url);
        }

        if (html.Contains("id=\"siteTable", StringComparison.Ordinal) || html.Contains("class=\" thing", StringComparison.Ordinal)
            || html.Contains("sitetable", StringComparison.Ordinal))
        {
            return RedditRemoval.Settle(RedditOldReader.Read(this, page), page.Url);
        }

        return RedditPageClassifier.Classify(this, page);
    }

    /// <summary>The link to follow for a post: its .json when the page itself came from the JSON API.</summary>
    internal Uri JsonFollow(Uri permalink, PageInput page)
    {
        if (!page.LooksLikeJson)
        {
            return permalink;
        }

        var builder = Urls.Builder(permalink);
        builder.Path = builder.Path.TrimEnd('/') + "/.json";
        return builder.Uri;
    }
}
