using Collector.Model;

namespace Collector.Parsers.Common;

/// <summary>
/// Parsers write a platform's canonical origin (<c>https://www.reddit.com</c>) into the permalinks, author pages and
/// follow links they build. When the page itself came from somewhere else (a simulated platform on loopback, a mirror,
/// a replay server), those links must point back where the page came from, or revisits and next pages would go to a
/// host the crawl never reached. This moves every URL that starts with one of the canonical origins onto the page's
/// origin, keeping path and query; links inside post text (external references) are left as written.
/// </summary>
public static class OriginRebase
{
    public static ParseResult Apply(ParseResult result, Uri page, IReadOnlyList<string> canonicalOrigins)
    {
        if (canonicalOrigins.Count == 0 || !page.IsAbsoluteUri || result.Posts.Count == 0 && result.Next.Count == 0)
        {
            return result;
        }

        var origin = page.GetLeftPart(UriPartial.Authority);
        string? Move(string? url)
        {
            if (url is null)
            {
                return null;
            }

            foreach (var canonical in canonicalOrigins)
            {
                if (url.StartsWith(canonical, StringComparison.OrdinalIgnoreCase)
                    && (url.Length == canonical.Length || url[canonical.Length] is '/' or '?' or '#'))
                {
                    return origin + url[canonical.Length..];
                }
            }

            return url;
        }

        var posts = result.Posts.Select(p => p with
        {
            Url = Move(p.Url),
            Author = p.Author is null ? null : p.Author with { Url = Move(p.Author.Url) },
        }).ToList();
        var next = result.Next.Select(f => Move(f.Url.AbsoluteUri) is { } moved && Uri.TryCreate(moved, UriKind.Absolute, out var uri)
            ? f with { Url = uri }
            : f).ToList();
        return result with { Posts = posts, Next = next };
    }
}
