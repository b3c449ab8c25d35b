using Collector.Configuration;
using Collector.Storage;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Collector.Scheduler;

public static class SchedulerServiceCollectionExtensions
{
    /// <summary>
    /// Quartz with one job per configured source: in memory by default, or clustered on PostgreSQL when
    /// <see cref="SchedulerOptions.Cluster"/> is set (schema provisioned at start). Needs
    /// and an <see cref="IArchive"/> and an <see cref="ISourceCollector"/> registered.
    /// </summary>
    public static IServiceCollection AddCollectorScheduler(this IServiceCollection services, LoadedConfig config)
    {
        services.AddSingleton(new ConfigState(config));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<SourceHealth>();
        services.AddSingleton<SourceRunCoordinator>();
        services.AddSingleton<ISourceRunner, RecordedSourceRunner>();
        services.AddSingleton(sp => sp.GetRequiredService<IArchive>().Runs);
        services.AddSingleton<ScheduleSynchronizer>();
        services.AddSingleton<MissedRunCatchUp>();
        services.AddTransient<CollectSourceJob>();

        var cluster = config.Options.Scheduler.Cluster;
        services.AddQuartz(q =>
        {
            q.UseTimeProvider(TimeProvider.System);
            if (string.IsNullOrWhiteSpace(cluster))
            {
                q.UseInMemoryStore(_ => { });
            }
            else
            {
                // Spread crawls over the nodes. Quartz 4.7 lets a clustered node take every due fire in one batch (as
                // many as it has threads) and an idle node look again only after 30 s, so one node ran every crawl
                // while the other stood idle. A fire here is a crawl of seconds to hours, so taking one fire at a
                // time and looking every 2 s (Quartz's cheap acquisition round trip) costs nothing that matters.
                q.ConfigureScheduler(s =>
                {
                    s.MaxBatchSize = 1;
                    s.IdleWaitTime = TimeSpan.FromSeconds(2);
                });
                q.UsePersistentStore(store =>
                {
                    store.UsePostgres(cluster);
                    store.UseSystemTextJsonSerializer(_ => { });
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = TimeSpan.FromSeconds(2);
                        c.CheckinMisfireThreshold = TimeSpan.FromSeconds(60);
                    });
                    store.ProvisionSchema();
                });
            }
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddHostedService<SchedulerStartup>();
        services.AddSingleton<ConfigReloader>();
        services.AddHostedService(sp => sp.GetRequiredService<ConfigReloader>());
        return services;
    }
}
