using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Collector.Crawler.Tests.Support;

/// <summary>A real Kestrel server on a free loopback port whose pages the test defines; it logs every request with its arrival time.</summary>
public sealed class TestSite : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Path, long Ticks, string? Authorization, string? Cookie, string? UserAgent)> _log = new();

    private TestSite(WebApplication app, Uri root)
    {
        _app = app;
        Root = root;
    }

    public Uri Root { get; }

    public IReadOnlyList<(string Path, long Ticks, string? Authorization, string? Cookie, string? UserAgent)> Requests => [.. _log];

    public int Hits(string pathAndQuery) => _log.Count(r => r.Path == pathAndQuery);

    public Uri Url(string pathAndQuery) => new(Root, pathAndQuery);

    public static async Task<TestSite> StartAsync(Func<HttpContext, Task> handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        TestSite? site = null;
        app.Use(async (context, next) =>
        {
            site!._log.Enqueue((context.Request.Path + context.Request.QueryString, System.Diagnostics.Stopwatch.GetTimestamp(),
                context.Request.Headers.Authorization.FirstOrDefault(), context.Request.Headers.Cookie.FirstOrDefault(),
                context.Request.Headers.UserAgent.FirstOrDefault()));
            await next(context);
        });
        app.Run(context => handler(context));
        await app.StartAsync();
        site = new TestSite(app, new Uri(app.Urls.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/"));
        return site;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
