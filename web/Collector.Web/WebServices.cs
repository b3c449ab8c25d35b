using Collector.Storage;
using Collector.Web.Browse;
using Collector.Web.Detection;
using Collector.Web.Pages;
using Collector.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Collector.Web;

/// <summary>Registers what the UI's pages use, and maps them.</summary>
public static class WebServices
{
    public static IServiceCollection AddCollectorWeb(this IServiceCollection services, ServeOptions options, IArchive archive, ArtifactLinks links, TimeProvider time)
    {
        services.AddSingleton(options);
        services.AddSingleton(archive);
        services.AddSingleton(links);
        services.AddSingleton(time);
        services.AddSingleton<AccessToken>();
        services.AddSingleton<RequestGuard>();
        services.AddSingleton<IPostBrowser>(archive as IPostBrowser ?? new FallbackBrowser(archive));
        services.AddSingleton<DetectionFolder>();
        services.AddSingleton<DetectionRunner>();
        return services;
    }

    public static WebApplication MapCollectorPages(this WebApplication app)
    {
        AssetEndpoints.Map(app);
        SearchPage.Map(app);
        PostPage.Map(app);
        CapturePage.Map(app);
        VerifyAction.Map(app);
        BundleAction.Map(app);
        DetectionPage.Map(app);
        DetectRunAction.Map(app);
        AccountPage.Map(app);
        CollectionPage.Map(app);
        return app;
    }
}
