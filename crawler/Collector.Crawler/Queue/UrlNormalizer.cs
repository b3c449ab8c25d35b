using System.Text;

namespace Collector.Crawler.Queue;

/// <summary>
/// The queue's dedupe key for a URL: lower-case scheme and host, no default port, no fragment, an empty path as "/",
/// query parameters sorted (their values kept exactly: they can be evidence), tracking parameters (utm_*, fbclid, gclid) dropped.
/// </summary>
public static class UrlNormalizer
{
    private static readonly string[] TrackingPrefixes = ["utm_", "fbclid", "gclid", "mc_eid", "igshid"];

    public static string UniqueKey(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var sb = new StringBuilder(url.OriginalString.Length);
        sb.Append(url.Scheme.ToLowerInvariant()).Append("://").Append(url.IdnHost.ToLowerInvariant());
        if (!url.IsDefaultPort)
        {
            sb.Append(':').Append(url.Port);
        }

        var path = url.AbsolutePath;
        sb.Append(path.Length == 0 ? "/" : path);
        var query = url.Query;
        if (query.Length > 1)
        {
            var parts = query[1..].Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Where(p => !IsTracking(p))
                .ToList();
            if (parts.Count > 0)
            {
                parts.Sort(StringComparer.Ordinal);
                sb.Append('?').AppendJoin('&', parts);
            }
        }

        return sb.ToString();
    }

    /// <summary>Parses an absolute http(s) URL, or returns null for anything else (mailto:, javascript:, relative, junk).</summary>
    public static Uri? TryHttp(string? text, Uri? baseUrl = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        Uri? url;
        if (baseUrl is null)
        {
            Uri.TryCreate(text.Trim(), UriKind.Absolute, out url);
        }
        else
        {
            Uri.TryCreate(baseUrl, text.Trim(), out url);
        }

        if (url is null || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps) || url.Host.Length == 0)
        {
            return null;
        }

        // fragments never reach the server
        return url.Fragment.Length > 0 ? new UriBuilder(url) { Fragment = "" }.Uri : url;
    }

    private static bool IsTracking(string part)
    {
        foreach (var prefix in TrackingPrefixes)
        {
            if (part.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
