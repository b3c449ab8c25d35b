using System.Text;

namespace Collector.Detection.Links;

/// <summary>
/// Canonical form of a shared URL: scheme dropped (http and https are the same link), host lower-cased without
/// <c>www.</c> or <c>m.</c>, default port, trailing slash and fragment removed, tracking parameters (utm_*, fbclid,
/// gclid, ...) removed and the remaining query parameters sorted.
/// </summary>
public static class UrlCanonicalizer
{
    private static readonly HashSet<string> Tracking = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid", "igsh", "mc_cid", "mc_eid",
        "ref", "ref_src", "ref_url", "referrer", "source", "src", "si", "s", "spm", "share", "share_id", "feature",
        "_ga", "_gl", "mkt_tok", "trk", "cmpid", "xtor", "__twitter_impression", "rdt", "utm",
    };

    /// <summary>The canonical key, or null when the text is not an absolute http(s) URL.</summary>
    public static string? Canonicalize(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        var trimmed = url.Trim();
        if (trimmed.StartsWith("//", StringComparison.Ordinal))
        {
            trimmed = "https:" + trimmed;
        }
        else if (!trimmed.Contains("://", StringComparison.Ordinal))
        {
            var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && trimmed[..colon].All(char.IsAsciiLetter) && !(colon + 1 < trimmed.Length && char.IsAsciiDigit(trimmed[colon + 1])))
            {
                return null; // mailto:, tel:, javascript: ... are not shared links
            }

            trimmed = "https://" + trimmed;
        }

        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        var host = uri.IdnHost.ToLowerInvariant().TrimEnd('.');
        if (host.StartsWith("www.", StringComparison.Ordinal))
        {
            host = host[4..];
        }
        else if (host.StartsWith("m.", StringComparison.Ordinal) && host.Count(c => c == '.') >= 2)
        {
            host = host[2..];
        }

        var builder = new StringBuilder(host);
        if (!uri.IsDefaultPort)
        {
            builder.Append(':').Append(uri.Port);
        }

        var path = uri.AbsolutePath;
        while (path.Length > 1 && path.EndsWith('/'))
        {
            path = path[..^1];
        }

        if (path != "/")
        {
            builder.Append(path);
        }

        var query = uri.Query.TrimStart('?');
        if (query.Length > 0)
        {
            var kept = query.Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Where(p => !IsTracking(p.Split('=', 2)[0]))
                .Order(StringComparer.Ordinal)
                .ToList();
            if (kept.Count > 0)
            {
                builder.Append('?').Append(string.Join('&', kept));
            }
        }

        return builder.ToString();
    }

    private static bool IsTracking(string name) =>
        name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase) || Tracking.Contains(name);
}
