using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Collector.Crawler.Tests.Browser;

/// <summary>
/// Pages that exercise the browser fetcher, served by Kestrel on loopback (port 0), counting every request per path so
/// tests can see what the browser really fetched (blocked resources, skipped HTTP requests).
/// </summary>
public sealed class BrowserTestSite : IAsyncDisposable
{
    /// <summary>Items the infinite feed holds in all (10 per page of its JSON API).</summary>
    public const int FeedItems = 45;

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _hits = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _tokens = new(StringComparer.Ordinal);

    private BrowserTestSite(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<BrowserTestSite> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var site = new BrowserTestSite(app);
        app.Use(async (context, next) =>
        {
            site._hits.AddOrUpdate(context.Request.Path.Value ?? "/", 1, (_, n) => n + 1);
            if (context.Request.Headers.TryGetValue("X-Api-Token", out var token))
            {
                site._tokens[context.Request.Path.Value ?? "/"] = token.ToString();
            }

            await next(context);
        });
        site.Map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        site.BaseUrl = new Uri(address);
        return site;
    }

    public Uri Url(string pathAndQuery) => new(BaseUrl, pathAndQuery);

    /// <summary>Requests the server received for a path (without query).</summary>
    public int Hits(string path) => _hits.GetValueOrDefault(path);

    /// <summary>The X-Api-Token header last sent for a path, or null.</summary>
    public string? Token(string path) => _tokens.GetValueOrDefault(path);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Map(WebApplication app)
    {
        app.MapGet("/static/{n}", (int n) => Html(BrowserTestPages.Static(n)));
        app.MapGet("/js", () => Html(BrowserTestPages.ScriptInserted));
        app.MapGet("/tall", () => Html("<!DOCTYPE html><html><body style=\"margin:0\"><div style=\"height:4000px\">a tall page</div></body></html>"));
        app.MapGet("/very-tall", () => Html("<!DOCTYPE html><html><body style=\"margin:0\"><div style=\"height:20000px\">a very tall page</div><p>the end of a very tall page</p></body></html>"));
        app.MapGet("/bench/{n}", (int n) => Html(BrowserTestPages.BenchLike(n)));
        app.MapGet("/shell/{id}", (string id) => Html(BrowserTestPages.Shell(id)));
        app.MapGet("/api/post/{id}", (string id) => Results.Json(new { id, text = $"Post {id} rendered from the API with enough words to read." }));
        app.MapGet("/feed", () => Html(BrowserTestPages.Feed));
        app.MapGet("/more", () => Html(BrowserTestPages.LoadMore));
        app.MapGet("/api/items", (int page) => Results.Json(new
        {
            page,
            items = Enumerable.Range(page * 10, Math.Max(0, Math.Min(10, FeedItems - (page * 10)))).Select(i => new { id = i, text = $"item {i}" }),
        }));
        app.MapGet("/assets", () => Html(BrowserTestPages.Assets));
        app.MapGet("/font.woff2", () => Results.Bytes(new byte[64], "font/woff2"));
        app.MapGet("/clip.mp4", () => Results.Bytes(new byte[64], "video/mp4"));
        app.MapGet("/pixel.png", () => Results.Bytes(BrowserTestPages.Pixel, "image/png"));
        app.MapGet("/site.css", () => Results.Text(BrowserTestPages.Stylesheet, "text/css"));
        app.MapGet("/site.js", () => Results.Text(BrowserTestPages.Script, "text/javascript; charset=utf-8"));
        app.MapGet("/slow-pixel.png", async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            return Results.Bytes(BrowserTestPages.Pixel, "image/png");
        });
        app.MapGet("/slow-load", () => Html(BrowserTestPages.SlowLoad));
        app.MapGet("/dialogs", () => Html(BrowserTestPages.Dialogs));
        app.MapGet("/hang", () => Html(BrowserTestPages.Hang));
        app.MapGet("/hang-resource", () => Html(BrowserTestPages.HangingResource));
        app.MapGet("/never.js", async (HttpContext context) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted);
            return Results.Empty;
        });
        app.MapGet("/download", (HttpContext context) =>
        {
            context.Response.Headers.ContentDisposition = "attachment; filename=\"data.bin\"";
            return Results.Bytes(new byte[1024], "application/octet-stream");
        });
        app.MapGet("/redirect", () => Results.Redirect("/js"));
        app.MapGet("/busy", (HttpContext context) =>
        {
            context.Response.Headers.RetryAfter = "7";
            return Results.Text("slow down", "text/plain", statusCode: 429);
        });
    }

    private static IResult Html(string html) => Results.Text(html, "text/html; charset=utf-8", Encoding.UTF8);
}
