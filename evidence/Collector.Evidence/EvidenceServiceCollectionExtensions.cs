using Collector.Configuration;
using Collector.Evidence.Timestamps;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Collector.Evidence;

public static class EvidenceServiceCollectionExtensions
{
    /// <summary>
    /// Registers the RFC 3161 client (its own named HttpClient) and <see cref="RunManifestStamper"/>, which the scheduler and
    /// the crawler call at the end of each run: <c>StampRunAsync(archive, runId)</c>.
    /// </summary>
    public static IServiceCollection AddCollectorEvidence(this IServiceCollection services, EvidenceOptions options)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddHttpClient(nameof(TimestampClient), c => c.DefaultRequestHeaders.UserAgent.ParseAdd("Collector-timestamping"));
        services.AddSingleton(sp => new TimestampClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(TimestampClient)),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<TimestampClient>>()));
        services.AddSingleton<RunManifestStamper>();
        return services;
    }
}
