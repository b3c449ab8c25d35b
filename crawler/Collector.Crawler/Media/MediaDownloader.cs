using Collector.Configuration;
using Collector.Crawler.Core;
using Collector.Crawler.Fetching;
using Collector.Crawler.Queue;
using Collector.Model;
using Collector.Storage;

namespace Collector.Crawler;

/// <summary>
/// Downloads the images (and, when enabled, videos) attached to posts as media artifacts, so detection can match
/// reposted images: each URL once per crawl, each content once in the store (by hash), bodies over the media cap and
/// responses that are not images skipped. Goes through the same polite, retried fetch as pages.
/// </summary>
public sealed class MediaDownloader(CrawlerOptions options)
{
    public async Task<IReadOnlyList<ArtifactRef>> DownloadAsync(CrawlContext crawl, IReadOnlyList<Post> posts, PageProcessor processor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(crawl);
        ArgumentNullException.ThrowIfNull(posts);
        ArgumentNullException.ThrowIfNull(processor);
        if (!options.DownloadMedia)
        {
            return [];
        }

        var refs = new List<ArtifactRef>();
        foreach (var item in posts.SelectMany(p => p.Media))
        {
            var wanted = item.Type is "image" or "gif" || (item.Type == "video" && options.DownloadVideo);
            if (!wanted || UrlNormalizer.TryHttp(item.Url) is not { } url || !await crawl.Guard.IsAllowedAsync(url, cancellationToken))
            {
                continue;
            }

            var lazy = crawl.Media.GetOrAdd(url.AbsoluteUri, _ => new Lazy<Task<ArtifactRef?>>(() => FetchOneAsync(crawl, url, processor, cancellationToken)));
            try
            {
                if (await lazy.Value is { } artifact)
                {
                    refs.Add(artifact);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                crawl.Counters.Error($"media {url}: {e.Message}");
            }
        }

        return refs;
    }

    private async Task<ArtifactRef?> FetchOneAsync(CrawlContext crawl, Uri url, PageProcessor processor, CancellationToken cancellationToken)
    {
        var request = new FetchRequest { Url = url, Cookies = crawl.Cookies, Screenshot = false, MaxBytes = options.MaxMediaBytes };
        var result = await processor.FetchAsync(crawl, request, RenderMode.Http, cancellationToken);
        if (Safety.ConnectGuard.IsRefusal(result.Error?.Message))
        {
            crawl.Counters.UnsafeLink();
        }
        var type = result.ContentType ?? "";
        var isMedia = type.StartsWith("image/", StringComparison.OrdinalIgnoreCase)
            || (options.DownloadVideo && type.StartsWith("video/", StringComparison.OrdinalIgnoreCase));
        if (result.Error is not null || result.Status is not (>= 200 and < 300) || result.Body.IsEmpty || !isMedia)
        {
            return null;
        }

        var artifact = await crawl.Archive.Artifacts.PutAsync(new ArtifactContent(ArtifactKinds.Media, result.Body, type, url.AbsoluteUri), cancellationToken);
        crawl.Counters.MediaStored();
        return artifact;
    }
}
