using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Collector.Simulator.Faults;

/// <summary>Answers a request the way a switched-on fault says; the normal page is produced by <c>next</c>.</summary>
public static class FaultResponder
{
    public static async Task RespondAsync(HttpContext context, SimPlatform platform, FaultRule rule, Func<Task> next, TimeProvider time)
    {
        var response = context.Response;
        switch (rule.Kind)
        {
            case FaultKind.RateLimit:
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                response.Headers.RetryAfter = Seconds(rule.RetryAfter);
                await WriteAsync(response, "text/plain; charset=utf-8", "Too Many Requests");
                break;
            case FaultKind.ServiceUnavailable:
                response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                response.Headers.RetryAfter = Seconds(rule.RetryAfter);
                await WriteAsync(response, "text/html; charset=utf-8", "<html><body><h1>503 Service Unavailable</h1><p>Our servers are busy. Please try again later.</p></body></html>");
                break;
            case FaultKind.Slow:
                await Task.Delay(rule.Delay, time, context.RequestAborted);
                await next();
                break;
            case FaultKind.ConnectionReset:
                context.Abort();
                break;
            case FaultKind.LoginWall:
                response.StatusCode = rule.Status ?? StatusCodes.Status200OK;
                await WriteAsync(response, "text/html; charset=utf-8", FaultPages.LoginWall(platform));
                break;
            case FaultKind.Captcha:
                response.StatusCode = rule.Status ?? StatusCodes.Status200OK;
                await WriteAsync(response, "text/html; charset=utf-8", FaultPages.Captcha(platform));
                break;
            case FaultKind.RedirectLoop:
                response.StatusCode = StatusCodes.Status302Found;
                var looped = context.Request.Query.ContainsKey("loop");
                response.Headers.Location = context.Request.Path + (looped ? string.Empty : "?loop=1");
                break;
            case FaultKind.HugePage:
                await WriteHugeAsync(response, rule.Size, rule.Chunked, context.RequestAborted);
                break;
            case FaultKind.Gone:
                response.StatusCode = StatusCodes.Status410Gone;
                await WriteAsync(response, "text/html; charset=utf-8", FaultPages.Removed(platform));
                break;
            case FaultKind.WrongCharset:
                await WrongCharsetAsync(context, next);
                break;
            default:
                await next();
                break;
        }
    }

    private static string Seconds(TimeSpan span) =>
        ((long)Math.Ceiling(span.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    private static Task WriteAsync(HttpResponse response, string contentType, string body)
    {
        response.ContentType = contentType;
        return response.WriteAsync(body);
    }

    private static async Task WriteHugeAsync(HttpResponse response, long size, bool chunked, CancellationToken cancel)
    {
        var head = "<!doctype html><html><head><meta charset=\"utf-8\"><title>Archive</title></head><body>"u8.ToArray();
        var tail = "</body></html>"u8.ToArray();
        var line = "<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt.</p>\n"u8.ToArray();
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/html; charset=utf-8";
        response.ContentLength = chunked ? null : size;
        var chunk = new byte[64 * 1024];
        for (var i = 0; i < chunk.Length; i++)
        {
            chunk[i] = line[i % line.Length];
        }

        await response.Body.WriteAsync(head, cancel);
        var left = size - head.Length - tail.Length;
        while (left > 0)
        {
            var n = (int)Math.Min(chunk.Length, left);
            await response.Body.WriteAsync(chunk.AsMemory(0, n), cancel);
            left -= n;
        }

        await response.Body.WriteAsync(tail, cancel);
    }

    /// <summary>Runs the normal page into a buffer, then declares ISO-8859-1 (header and meta) over its UTF-8 bytes.</summary>
    private static async Task WrongCharsetAsync(HttpContext context, Func<Task> next)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next();
        }
        finally
        {
            context.Response.Body = original;
        }

        var text = Encoding.UTF8.GetString(buffer.ToArray())
            .Replace("<meta charset=\"utf-8\">", "<meta charset=\"iso-8859-1\">", StringComparison.OrdinalIgnoreCase);
        var bytes = Encoding.UTF8.GetBytes(text);
        var type = context.Response.ContentType ?? "text/html";
        var semi = type.IndexOf(';', StringComparison.Ordinal);
        context.Response.ContentType = (semi < 0 ? type : type[..semi]) + "; charset=iso-8859-1";
        context.Response.ContentLength = bytes.Length;
        await original.WriteAsync(bytes, context.RequestAborted);
    }
}
