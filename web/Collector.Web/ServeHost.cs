using System.Net;
using Collector.Storage;
using Collector.Web.Artifacts;
using Collector.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Collector.Web;

/// <summary>
/// `collector serve` running: the UI on one Kestrel listener and archived content on another (another port is another
/// origin, so a captured page can never read the UI's cookies, DOM or API).
/// </summary>
public sealed class ServeHost : IAsyncDisposable
{
    private readonly WebApplication ui;
    private readonly WebApplication artifacts;

    private ServeHost(WebApplication ui, WebApplication artifacts, Uri uiUrl, Uri artifactUrl)
    {
        this.ui = ui;
        this.artifacts = artifacts;
        UiUrl = uiUrl;
        ArtifactUrl = artifactUrl;
    }

    public Uri UiUrl { get; }

    public Uri ArtifactUrl { get; }

    /// <summary>Validates the options (throws <see cref="ServeOptionsException"/> with every problem) and starts both listeners.</summary>
    public static async Task<ServeHost> StartAsync(ServeOptions options, IArchive archive, TimeProvider time, Action<ILoggingBuilder>? logging = null, CancellationToken cancellationToken = default)
    {
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ServeOptionsException(errors);
        }

        var links = new ArtifactLinks(time);
        var artifactApp = Build(options.EffectiveArtifactListen, options, logging, _ => { });
        ArtifactOrigin.Map(artifactApp, archive, links);
        await artifactApp.StartAsync(cancellationToken);
        links.Port = BoundPort(artifactApp);

        var uiApp = Build(options.Listen, options, logging, s => s.AddCollectorWeb(options, archive, links, time));
        uiApp.UseMiddleware<RequestGuard>();
        uiApp.Use(async (context, next) =>
        {
            SecurityHeaders.ForUi(context, links);
            await next(context);
        });
        uiApp.UseMiddleware<AccessToken>();
        uiApp.MapCollectorPages();
        try
        {
            await uiApp.StartAsync(cancellationToken);
        }
        catch
        {
            await artifactApp.DisposeAsync();
            throw;
        }

        links.UiPort = BoundPort(uiApp);
        return new ServeHost(uiApp, artifactApp, Url(options.Listen.Address, links.UiPort), Url(options.EffectiveArtifactListen.Address, links.Port));
    }

    public async Task WaitForShutdownAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Ctrl-C: stop both listeners.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await ui.StopAsync();
        await artifacts.StopAsync();
        await ui.DisposeAsync();
        await artifacts.DisposeAsync();
    }

    private static WebApplication Build(IPEndPoint listen, ServeOptions options, Action<ILoggingBuilder>? logging, Action<IServiceCollection> services)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        logging?.Invoke(builder.Logging);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            k.Limits.MaxRequestLineSize = options.MaxUrlLength + 64;
            k.Limits.MaxRequestHeadersTotalSize = 16 * 1024;
            k.Listen(listen);
        });
        services(builder.Services);
        return builder.Build();
    }

    private static int BoundPort(WebApplication app)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.Replace("[::]", "[::1]", StringComparison.Ordinal)).Port;
    }

    private static Uri Url(IPAddress address, int port)
    {
        var host = address.Equals(IPAddress.Any) ? "127.0.0.1" : address.Equals(IPAddress.IPv6Any) ? "[::1]" : address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
        return new Uri($"http://{host}:{port}/");
    }
}

/// <summary>The serve options are not usable as given (a usage error: exit code 2); lists every problem.</summary>
public sealed class ServeOptionsException(IReadOnlyList<string> errors) : Exception(string.Join("; ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
