using Collector.Configuration;
using Collector.Crawler;
using Collector.Crawler.Browser;
using Collector.Crawler.Core;
using Collector.Evidence;
using Collector.Scheduler;
using Collector.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Collector.Cli.Infrastructure;

/// <summary>Wires the stages for commands that collect: the archive, the crawler (HTTP and browser), the scheduler.</summary>
public static class CollectorServices
{
    public static IServiceCollection AddCollection(this IServiceCollection services, LoadedConfig config, IArchive archive)
    {
        services.AddSingleton(archive);
        services.AddCollectorCrawler(config.Options.Crawler);
        services.AddBrowserFetcher(config.Options.Crawler);
        services.AddSingleton<ISourceCollector>(sp => new CrawlSourceCollector(sp.GetRequiredService<ICrawlRunner>(), archive));
        services.AddCollectorEvidence(config.Options.Evidence);
        services.AddSingleton<IRunCompletionHook, TimestampRunHook>();
        services.AddCollectorScheduler(config);
        return services;
    }
}
