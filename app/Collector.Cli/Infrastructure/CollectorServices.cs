using Collector.Configuration;
using Collector.Crawler;
using Collector.Crawler.Browser;
using Collector.Crawler.Core;
using Collector.Evidence;
using Collector.Scheduler;
using Collector.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

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

    /// <summary>
    /// The generic host that collects (scheduler, crawler, archive), with a minute for in-flight pages at shutdown and
    /// library chatter kept to warnings; <paramref name="logTo"/> adds where log lines go.
    /// </summary>
    public static IHost CreateHost(LoadedConfig config, IArchive archive, Action<ILoggingBuilder> logTo)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        logTo(builder.Logging);
        builder.Logging.AddFilter("Quartz", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting", LogLevel.Warning);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(60));
        builder.Services.AddCollection(config, archive);
        return builder.Build();
    }
}
