using Collector.Configuration;
using Collector.Crawler.Core;
using Collector.Crawler.Fetching;
using Collector.Crawler.Routing;
using Collector.Crawler.Safety;
using Collector.Crawler.Sessions;
using Collector.Model;
using Collector.Parsers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Collector.Crawler;

public static class CrawlerServiceCollectionExtensions
{
    /// <summary>
    /// Registers the crawl core (<see cref="ICrawlRunner"/>), the HTTP fetcher on a pooled, decompressing HttpClient,
    /// the router over the parsers, and, when <paramref name="reddit"/> is given, the Reddit API session.
    /// A browser fetcher (an <see cref="IFetcher"/> with <see cref="RenderMode.Browser"/>) and an <see cref="IRenderPolicy"/>
    /// registered beside it are picked up.
    /// </summary>
    public static IServiceCollection AddCollectorCrawler(this IServiceCollection services, CrawlerOptions options, RedditCredentials? reddit = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        var problems = CrawlerOptionsCheck.Problems(options);
        if (problems.Count > 0)
        {
            throw new ArgumentException("crawler options are invalid: " + string.Join("; ", problems), nameof(options));
        }

        services.TryAddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddCollectorParsers();
        services.AddHttpClient(HttpFetcher.ClientName, c => c.Timeout = options.RequestTimeout)
            .ConfigurePrimaryHttpMessageHandler(sp => HttpClientSetup.CreateHandler(options, sp.GetRequiredService<ConnectGuard>().ConnectAsync))
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers();
        services.AddHttpClient(HttpFetcher.UnpooledClientName, c => c.Timeout = options.RequestTimeout)
            .ConfigurePrimaryHttpMessageHandler(sp => HttpClientSetup.CreateUnpooledHandler(options, sp.GetRequiredService<ConnectGuard>().ConnectAsync))
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers();
        if (reddit is not null)
        {
            services.AddSingleton(reddit);
        }

        services.TryAddSingleton<HostResolver>();
        services.TryAddSingleton<ConnectGuard>();
        services.TryAddSingleton<ProxyClients>();
        services.AddSingleton<IFetcher, HttpFetcher>();
        services.TryAddSingleton(sp => new CrawlRouter(sp.GetRequiredService<ParserRegistry>()));
        services.TryAddSingleton<MediaDownloader>();
        services.TryAddSingleton<RedditOAuthFactory>();
        services.TryAddSingleton(sp => new PageProcessor(
            sp.GetServices<IFetcher>().GroupBy(f => f.Mode).ToDictionary(g => g.Key, g => g.Last()),
            sp.GetService<IRenderPolicy>(),
            sp.GetRequiredService<CrawlRouter>(),
            sp.GetRequiredService<MediaDownloader>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<PageProcessor>>()));
        services.TryAddSingleton<ICrawlRunner, CrawlRunner>();
        return services;
    }
}
