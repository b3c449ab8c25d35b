using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Collector.Web.Security;

/// <summary>
/// With a token configured, every request to the UI carries it: as `Authorization: Bearer TOKEN`, or the session cookie
/// that a visit with `?token=TOKEN` sets (HttpOnly, SameSite=Strict; the token then leaves the address bar).
/// Anything else gets 401.
/// </summary>
public sealed class AccessToken(ServeOptions options, ArtifactLinks keys) : IMiddleware
{
    public const string CookieName = "collector_session";

    private readonly byte[]? token = options.Token is null ? null : Encoding.UTF8.GetBytes(options.Token);
    private readonly string session = keys.Derive("session");

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (token is null)
        {
            await next(context);
            return;
        }

        var request = context.Request;
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.Ordinal) && Matches(header["Bearer ".Length..].Trim()))
        {
            await next(context);
            return;
        }

        if (request.Cookies.TryGetValue(CookieName, out var cookie) &&
            CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(cookie), Encoding.ASCII.GetBytes(session)))
        {
            await next(context);
            return;
        }

        if (request.Query.TryGetValue("token", out var given) && HttpMethods.IsGet(request.Method) && Matches(given.ToString()))
        {
            context.Response.Cookies.Append(CookieName, session, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Path = "/",
                IsEssential = true,
            });
            var rest = request.Query.Where(q => q.Key != "token").Select(q => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(q.Value.ToString()));
            var query = string.Join('&', rest);
            context.Response.Redirect(request.PathBase + request.Path + (query.Length > 0 ? "?" + query : ""));
            return;
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer";
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync("401: this server needs its access token. Open it once with ?token=TOKEN, or send Authorization: Bearer TOKEN.\n");
    }

    private bool Matches(string given) =>
        token is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), token);
}
