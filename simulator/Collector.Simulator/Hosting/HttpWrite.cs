using System.Text;
using Microsoft.AspNetCore.Http;

namespace Collector.Simulator.Hosting;

/// <summary>Small response helpers shared by the sites.</summary>
public static class HttpWrite
{
    public static Task Html(HttpContext context, string html, int status = StatusCodes.Status200OK) =>
        Body(context, "text/html; charset=utf-8", html, status);

    public static Task Json(HttpContext context, string json, int status = StatusCodes.Status200OK) =>
        Body(context, "application/json; charset=utf-8", json, status);

    public static Task Text(HttpContext context, string text, int status = StatusCodes.Status200OK) =>
        Body(context, "text/plain; charset=utf-8", text, status);

    public static Task NotFoundHtml(HttpContext context, string message = "Page not found") =>
        Html(context, $"<!doctype html><html><head><meta charset=\"utf-8\"><title>404</title></head><body><h1>404</h1><p>{System.Net.WebUtility.HtmlEncode(message)}</p></body></html>", StatusCodes.Status404NotFound);

    private static async Task Body(HttpContext context, string contentType, string body, int status)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    /// <summary>The path split into segments ("/r/x/new.json" gives ["r", "x", "new.json"]).</summary>
    public static string[] Segments(HttpContext context) =>
        (context.Request.Path.Value ?? "/").Split('/', StringSplitOptions.RemoveEmptyEntries);
}
