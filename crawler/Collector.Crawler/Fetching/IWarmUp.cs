namespace Collector.Crawler.Fetching;

/// <summary>
/// A fetcher with a costly start (the browser: a Chromium launch, a context, a renderer per tab). A crawl that will use
/// it starts it in the background alongside its own start (run record, queue, robots.txt), so the first page does not
/// wait for all of it in turn.
/// </summary>
public interface IWarmUp
{
    /// <summary>Starts what the first <paramref name="tabs"/> fetches will need; 0 tabs starts only the engine itself.</summary>
    Task WarmUpAsync(int tabs, CancellationToken cancellationToken);
}
