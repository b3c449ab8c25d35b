using Microsoft.AspNetCore.Http;

namespace Collector.Web.Pages;

/// <summary>The frame of every page: head, navigation, main.</summary>
public static class Layout
{
    /// <param name="refreshSeconds">Reload the page after this many seconds (a progress page), or never.</param>
    public static IResult Page(string title, HtmlString body, int status = StatusCodes.Status200OK, int? refreshSeconds = null)
    {
        var refresh = refreshSeconds is { } seconds ? Html.H($"<meta http-equiv=\"refresh\" content=\"{seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}\">") : HtmlString.Empty;
        var html = Html.H($"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">{refresh}
            <title>{title} · Collector</title><link rel="stylesheet" href="/assets/site.css"><script src="/assets/site.js" defer></script></head>
            <body><header><a class="brand" href="/">Collector</a>
            <nav><a href="/">Search</a> <a href="/detect">Detection</a> <a href="/collection">Collection</a></nav></header>
            <main>{body}</main></body></html>
            """);
        return Results.Content(html.Value, "text/html; charset=utf-8", statusCode: status);
    }

    public static IResult NotFound(string what) =>
        Page("Not found", Html.H($"<h1>Not found</h1><p class=\"muted\">{what}</p>"), StatusCodes.Status404NotFound);
}
