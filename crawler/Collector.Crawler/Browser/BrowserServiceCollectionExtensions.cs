using Collector.Configuration;
using Collector.Crawler.Fetching;
using Collector.Crawler.Safety;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Collector.Crawler.Browser;

public static class BrowserServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Chromium fetcher (an <see cref="IFetcher"/> for <see cref="Model.RenderMode.Browser"/>), its shared
    /// browser and tab pool, and <see cref="AdaptiveRenderPolicy"/> as the <see cref="IRenderPolicy"/> of <c>--render auto</c>.
    /// Settings come from the configuration's crawler section; <paramref name="configure"/> adjusts them (benchmarks, tests).
    /// Throws at registration, listing every problem, when the settings are unusable. Chromium itself starts on first use.
    /// </summary>
    public static IServiceCollection AddBrowserFetcher(
        this IServiceCollection services, CrawlerOptions crawler, Action<BrowserFetcherOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(crawler);
        var options = BrowserFetcherOptions.FromConfig(crawler);
        configure?.Invoke(options);
        return services.AddBrowserFetcher(options);
    }

    /// <inheritdoc cref="AddBrowserFetcher(IServiceCollection, CrawlerOptions, Action{BrowserFetcherOptions}?)"/>
    public static IServiceCollection AddBrowserFetcher(this IServiceCollection services, BrowserFetcherOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        options.EnsureValid();
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.TryAddSingleton<ChromiumHost>();
        // with the crawler registered, every request of a rendered page passes the same address guard as HTTP
        services.TryAddSingleton(sp => new PagePool(
            sp.GetRequiredService<ChromiumHost>(),
            options,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<PagePool>>(),
            sp.GetService<ConnectGuard>() is { AllowsEverything: false } guard ? new RouteGuard(guard, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<RouteGuard>>()) : null));
        services.TryAddSingleton<BrowserFetcher>();
        services.AddSingleton<IFetcher>(sp => sp.GetRequiredService<BrowserFetcher>());
        services.TryAddSingleton<AdaptiveRenderPolicy>();
        services.TryAddSingleton<IRenderPolicy>(sp => sp.GetRequiredService<AdaptiveRenderPolicy>());
        return services;
    }
}
