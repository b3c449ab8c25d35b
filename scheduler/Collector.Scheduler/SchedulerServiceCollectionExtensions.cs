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
        var misfire = TimeSpan.FromMilliseconds(Math.Round(config.Options.Scheduler.MisfireThreshold.TotalMilliseconds));
        services.AddQuartz(q =>
        {
            q.UseTimeProvider(TimeProvider.System);
            if (string.IsNullOrWhiteSpace(cluster))
            {
                q.UseInMemoryStore(o => o.MisfireThreshold = misfire);
            }
            else
            {
                q.UsePersistentStore(store =>
                {
                    store.ConfigureStore(o => o.MisfireThreshold = misfire);
                    store.UsePostgres(cluster);
                    store.UseSystemTextJsonSerializer(_ => { });
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = TimeSpan.FromSeconds(2);
                        c.CheckinMisfireThreshold = TimeSpan.FromSeconds(6);
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
