using Collector.Configuration;
using Collector.Crawler.Fetching;

namespace Collector.Crawler.Sessions;

/// <summary>Makes the Reddit API session when credentials were registered (AddCollectorCrawler with credentials).</summary>
public sealed class RedditOAuthFactory(IEnumerable<RedditCredentials> credentials, IHttpClientFactory clients, CrawlerOptions options, TimeProvider time)
{
    public RedditOAuth? Create() => credentials.FirstOrDefault() is { } c
        ? new RedditOAuth(c, clients.CreateClient(HttpFetcher.ClientName), time, UserAgents.Build(options))
        : null;
}
