using System.Net;
using System.Text;

namespace Collector.Crawler.Sessions;

/// <summary>Builds the Cookie header for a URL from a session's cookies (domain, path, secure and expiry honoured).</summary>
public static class CookieHeader
{
    public static string? For(Uri url, IReadOnlyList<Cookie> cookies, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (cookies.Count == 0)
        {
            return null;
        }

        var sb = new StringBuilder();
        foreach (var cookie in cookies)
        {
            var domain = cookie.Domain.TrimStart('.');
            var hostMatches = url.Host.Equals(domain, StringComparison.OrdinalIgnoreCase)
                || url.Host.EndsWith("." + domain, StringComparison.OrdinalIgnoreCase);
            var pathMatches = string.IsNullOrEmpty(cookie.Path) || url.AbsolutePath.StartsWith(cookie.Path, StringComparison.Ordinal);
            var expired = cookie.Expires != DateTime.MinValue && cookie.Expires.ToUniversalTime() < now.UtcDateTime;
            if (!hostMatches || !pathMatches || expired || (cookie.Secure && url.Scheme != Uri.UriSchemeHttps))
            {
                continue;
            }

            if (sb.Length > 0)
            {
                sb.Append("; ");
            }

            sb.Append(cookie.Name).Append('=').Append(cookie.Value);
        }

        return sb.Length == 0 ? null : sb.ToString();
    }
}
