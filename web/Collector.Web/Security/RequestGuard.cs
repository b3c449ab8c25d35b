using Microsoft.AspNetCore.Http;

namespace Collector.Web.Security;

/// <summary>
/// Refuses, before anything reads the archive: addresses longer than the limit (414), bodies over the limit (413),
/// paths that climb (`..`, encoded slashes or backslashes, NUL: 400), and a state-changing request sent by another
/// origin's page (403: a form on some web page must not export or verify through a user's session).
/// </summary>
public sealed class RequestGuard(ServeOptions options) : IMiddleware
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        var raw = request.Path.Value ?? "";
        if (raw.Length + request.QueryString.Value?.Length > options.MaxUrlLength)
        {
            await RefuseAsync(context, StatusCodes.Status414UriTooLong, "address too long");
            return;
        }

        if (request.ContentLength > options.MaxRequestBodyBytes)
        {
            await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, $"request body over {options.MaxRequestBodyBytes} bytes");
            return;
        }

        if (!IsPlainPath(raw))
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, "path refused");
            return;
        }

        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !IsSameOrigin(request))
        {
            await RefuseAsync(context, StatusCodes.Status403Forbidden, "cross-origin request refused");
            return;
        }

        var features = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>();
        if (features is { IsReadOnly: false })
        {
            features.MaxRequestBodySize = options.MaxRequestBodyBytes;
        }

        await next(context);
    }

    /// <summary>True unless a segment climbs or smuggles a separator (the path is already percent-decoded once).</summary>
    public static bool IsPlainPath(string path)
    {
        if (path.Contains('\\', StringComparison.Ordinal) || path.Contains('\0', StringComparison.Ordinal) || path.Contains('%', StringComparison.Ordinal))
        {
            return false;
        }

        return !path.Split('/').Any(s => s is ".." or ".");
    }

    private static bool IsSameOrigin(HttpRequest request)
    {
        // Browsers say where a request comes from (Fetch Metadata); with it, only the UI's own pages may change anything.
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
        {
            return site is "same-origin" or "none";
        }

        // Older browsers: the Origin header, sent on every cross-origin POST; a request without either is not a page's form or script.
        var origin = request.Headers.Origin.ToString();
        return origin.Length == 0
            || (Uri.TryCreate(origin, UriKind.Absolute, out var o) && string.Equals(o.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
    }

    private static async Task RefuseAsync(HttpContext context, int status, string why)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync($"{status}: {why}\n");
    }
}
