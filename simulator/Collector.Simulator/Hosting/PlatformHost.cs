using System.Diagnostics;
using System.Net;
using Collector.Simulator.Faults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Collector.Simulator.Hosting;

/// <summary>One Kestrel server on loopback for one simulated host: request log, robots.txt, faults, then the site's pages.</summary>
public sealed class PlatformHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ISimSite _site;
    private readonly RequestLog _log;
    private readonly FaultSwitchboard _faults;
    private readonly TimeProvider _time;
    private volatile string _robots;

    private PlatformHost(ISimSite site, int port, RequestLog log, FaultSwitchboard faults, TimeProvider time)
    {
        _site = site;
        _log = log;
        _faults = faults;
        _time = time;
        _robots = site.Robots;
        _app = CreateApp(port, app => app.Run(HandleAsync));
    }

    public SimPlatform Platform => _site.Platform;

    public Uri BaseUrl { get; private set; } = null!;

    public string Robots
    {
        get => _robots;
        set => _robots = value;
    }

    public static async Task<PlatformHost> StartAsync(ISimSite site, int port, RequestLog log, FaultSwitchboard faults, TimeProvider time, CancellationToken cancel)
    {
        var host = new PlatformHost(site, port, log, faults, time);
        host.BaseUrl = await StartAppAsync(host._app, cancel);
        return host;
    }

    /// <summary>A bare Kestrel application on 127.0.0.1 (no configuration files, no logging providers).</summary>
    public static WebApplication CreateApp(int port, Action<WebApplication> configure, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(PlatformHost).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, port);
            k.Limits.MaxRequestBodySize = 1024 * 1024;
        });
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton<Microsoft.Extensions.Hosting.IHostLifetime, EmbeddedLifetime>();
        services?.Invoke(builder.Services);
        var app = builder.Build();
        configure(app);
        return app;
    }

    public static async Task<Uri> StartAppAsync(WebApplication app, CancellationToken cancel)
    {
        await app.StartAsync(cancel);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>
    /// Serves one request and logs it before the client can see any of the answer: the entry is added when the response
    /// starts (its status is known then), before a connection is reset, or at the end for a response that never started.
    /// A test that has read a response therefore always finds its entry. <see cref="SimRequest.Duration"/> is the time to
    /// the first byte.
    /// </summary>
    private async Task HandleAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var at = _time.GetUtcNow();
        var path = context.Request.Path.Value ?? "/";
        var rule = _faults.Take(_site.Platform, path);
        var logged = 0;
        void Log(int status)
        {
            if (Interlocked.Exchange(ref logged, 1) == 0)
            {
                _log.Add(new SimRequest(
                    _site.Platform, at, context.Request.Method, path + context.Request.QueryString, status,
                    context.Request.Headers.UserAgent.ToString() is { Length: > 0 } ua ? ua : null,
                    rule?.Kind.ToString(), Stopwatch.GetElapsedTime(started)));
            }
        }

        context.Response.OnStarting(() =>
        {
            Log(context.Response.StatusCode);
            return Task.CompletedTask;
        });
        try
        {
            if (rule is null)
            {
                await ServeAsync(context, path);
            }
            else
            {
                if (rule.Kind == FaultKind.ConnectionReset)
                {
                    Log(0);
                }

                await FaultResponder.RespondAsync(context, _site.Platform, rule, () => ServeAsync(context, path), _time);
            }
        }
        catch when (!context.Response.HasStarted)
        {
            Log(StatusCodes.Status500InternalServerError);
            throw;
        }
        finally
        {
            Log(context.Response.StatusCode);
        }
    }

    private Task ServeAsync(HttpContext context, string path) =>
        path == "/robots.txt" ? HttpWrite.Text(context, _robots) : _site.HandleAsync(context);
}
