using Collector.Crawler.Fetching;
using Collector.Crawler.Queue;
using Collector.Parsers;
using Collector.Storage;

namespace Collector.Crawler.Core;

/// <summary>What a page leads to: the parser's next pages and the source's followed links, as child requests.</summary>
public sealed partial class PageProcessor
{
    /// <summary>
    /// The page's children, up to the crawl's page cap: each URL once, unsafe addresses left out (and counted), a
    /// listing's next page queued ahead of its items.
    /// </summary>
    private static async Task<IReadOnlyList<QueueRequest>> FollowAsync(
        CrawlContext crawl, QueueRequest request, FetchResult result, ParseResult parsed, CancellationToken cancellationToken)
    {
        var room = crawl.Job.Source.MaxPages - crawl.Known;
        if (room <= 0)
        {
            return [];
        }

        var urls = new List<string>(parsed.Next.Count + 32);
        urls.AddRange(parsed.Next.Select(n => n.Url.AbsoluteUri));
        var html = result.Rendered ? result.RenderedDom : result.Text;
        if (!crawl.Links.IsEmpty && html is not null && !(result.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) ?? false))
        {
            urls.AddRange(crawl.Links.Extract(html, result.FinalUrl));
        }

        // the next page of a listing goes ahead of the listing's items: the walk down the listing is what finds
        // the rest of the crawl, so it never waits behind the items it already found
        var nextPages = parsed.Next.Where(n => n.Kind == FollowKind.NextPage).Select(n => UrlNormalizer.UniqueKey(n.Url)).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal) { UrlNormalizer.UniqueKey(result.FinalUrl) };
        var children = new List<QueueRequest>();
        foreach (var text in urls)
        {
            if (UrlNormalizer.TryHttp(text) is not { } url)
            {
                continue;
            }

            var key = UrlNormalizer.UniqueKey(url);
            if (!seen.Add(key))
            {
                continue;
            }

            if (!await crawl.Guard.IsAllowedAsync(url, cancellationToken))
            {
                crawl.Counters.UnsafeLink();
                continue;
            }

            children.Add(new QueueRequest
            {
                Url = url.AbsoluteUri,
                UniqueKey = key,
                Label = request.Label,
                Depth = request.Depth + 1,
                ParentUrl = request.Url,
                Priority = nextPages.Contains(key) ? NextPagePriority : 0,
            });
            if (children.Count >= room)
            {
                break;
            }
        }

        return children;
    }
}
