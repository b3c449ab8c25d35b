using System.Text;

namespace Collector.Detection.Links;

/// <summary>
/// Canonical form of a shared URL, so that every spelling of one address gives one key: redirect wrappers that carry
/// the target in their query (Facebook's l.php, Google's /url, VK's away.php, out.reddit.com, Tumblr's t.umblr.com,
/// Instagram, YouTube and LinkedIn redirects) are undone; scheme dropped (http and https are the same link); host
/// lower-cased without <c>www.</c>, <c>m.</c>, <c>mobile.</c>, <c>old.</c> or <c>np.</c>; the platforms' own aliases and
/// short links resolved where the id is in the address (<c>redd.it/ID</c>, <c>youtu.be/ID</c>, twitter.com, t.me/s/,
/// telegram.me); a Reddit post or tweet keyed by its id alone (the slug and the handle in its address vary); default
/// port, trailing slash and fragment removed; tracking parameters (utm_*, fbclid, gclid, ...) removed and the remaining
/// query parameters sorted.
/// </summary>
public static class UrlCanonicalizer
{
    private static readonly HashSet<string> Tracking = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid", "igsh", "mc_cid", "mc_eid",
        "ref", "ref_src", "ref_url", "referrer", "source", "src", "si", "s", "t", "spm", "share", "share_id", "feature",
        "_ga", "_gl", "mkt_tok", "trk", "cmpid", "xtor", "__twitter_impression", "rdt", "utm", "context",
    };

    /// <summary>Redirect wrappers: host (after the prefixes above are dropped), path (* for any), and the query parameter holding the target.</summary>
    private static readonly (string Host, string Path, string Parameter)[] Wrappers =
    [
        ("l.facebook.com", "/l.php", "u"), ("lm.facebook.com", "/l.php", "u"), ("facebook.com", "/l.php", "u"),
        ("google.com", "/url", "q"), ("google.com", "/url", "url"), ("vk.com", "/away.php", "to"), ("away.vk.com", "/away.php", "to"),
        ("t.umblr.com", "/redirect", "z"), ("l.instagram.com", "/", "u"), ("youtube.com", "/redirect", "q"),
        ("linkedin.com", "/redir/redirect", "url"), ("out.reddit.com", "*", "url"), ("steamcommunity.com", "/linkfilter/", "url"), ("href.li", "/", "url"),
    ];

    private static readonly string[] HostPrefixes = ["www.", "m.", "mobile.", "old.", "np.", "amp."];

    /// <summary>The canonical key, or null when the text is not an absolute http(s) URL.</summary>
    public static string? Canonicalize(string? url) => Canonicalize(url, depth: 0);

    private static string? Canonicalize(string? url, int depth)
    {
        if (string.IsNullOrWhiteSpace(url) || Parse(url) is not { } uri)
        {
            return null;
        }

        var host = Host(uri);
        var query = uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries);
        if (depth < 3 && Unwrap(host, uri, query) is { } target)
        {
            return Canonicalize(target, depth + 1) ?? Canonicalize(url, 3);
        }

        var path = uri.AbsolutePath;
        while (path.Length > 1 && path.EndsWith('/'))
        {
            path = path[..^1];
        }

        (host, path, query) = PlatformForm(host, path, query);
        var builder = new StringBuilder(host);
        if (!uri.IsDefaultPort)
        {
            builder.Append(':').Append(uri.Port);
        }

        if (path != "/")
        {
            builder.Append(path);
        }

        var kept = query.Where(p => !IsTracking(p.Split('=', 2)[0])).Order(StringComparer.Ordinal).ToList();
        if (kept.Count > 0)
        {
            builder.Append('?').Append(string.Join('&', kept));
        }

        return builder.ToString();
    }

    private static Uri? Parse(string url)
    {
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

        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri : null;
    }

    private static string Host(Uri uri)
    {
        var host = uri.IdnHost.ToLowerInvariant().TrimEnd('.');
        foreach (var prefix in HostPrefixes)
        {
            if (host.StartsWith(prefix, StringComparison.Ordinal) && host.Count(c => c == '.') >= 2)
            {
                return host[prefix.Length..];
            }
        }

        return host;
    }

    private static string? Unwrap(string host, Uri uri, string[] query)
    {
        foreach (var (wrapperHost, path, parameter) in Wrappers)
        {
            if (host != wrapperHost || (path != "*" && !uri.AbsolutePath.Equals(path, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            foreach (var pair in query)
            {
                var parts = pair.Split('=', 2);
                if (parts.Length == 2 && parts[0].Equals(parameter, StringComparison.OrdinalIgnoreCase))
                {
                    var target = Uri.UnescapeDataString(parts[1].Replace('+', ' '));
                    return target.StartsWith("http", StringComparison.OrdinalIgnoreCase) || target.StartsWith("//", StringComparison.Ordinal) ? target : null;
                }
            }

            // href.li puts the whole target after the question mark
            if (host == "href.li" && uri.Query.Length > 1)
            {
                return Uri.UnescapeDataString(uri.Query[1..]);
            }
        }

        return null;
    }

    /// <summary>Platform aliases and short links, and the id-only form of a Reddit post, a tweet and a video.</summary>
    private static (string Host, string Path, string[] Query) PlatformForm(string host, string path, string[] query)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        switch (host)
        {
            case "redd.it" when segments.Length == 1:
                return ("reddit.com", "/comments/" + segments[0], []);
            case "reddit.com" when segments.Length >= 4 && segments[0] == "r" && segments[2] == "comments":
                // /r/SUB/comments/POST/slug/COMMENT → the post (and comment) ids alone
                return ("reddit.com", "/comments/" + segments[3] + (segments.Length >= 6 ? "/" + segments[5] : ""), query);
            case "reddit.com" when segments.Length >= 2 && segments[0] == "comments":
                return ("reddit.com", "/comments/" + segments[1] + (segments.Length >= 4 ? "/" + segments[3] : ""), query);
            case "youtu.be" when segments.Length == 1:
                return ("youtube.com", "/watch", [.. query, "v=" + segments[0]]);
            case "youtube.com" when segments.Length == 2 && segments[0] is "shorts" or "embed" or "live":
                return ("youtube.com", "/watch", [.. query, "v=" + segments[1]]);
            case "twitter.com" or "x.com" or "fxtwitter.com" or "vxtwitter.com" when segments.Length >= 3 && segments[1] == "status":
                return ("x.com", "/status/" + segments[2], query);
            case "twitter.com" or "x.com" when segments.Length >= 3 && segments[0] == "i" && segments[1] == "status":
                return ("x.com", "/status/" + segments[2], query);
            case "twitter.com":
                return ("x.com", path.ToLowerInvariant(), query);
            case "telegram.me" or "t.me" when segments.Length == 3 && segments[0] == "s":
                return ("t.me", "/" + segments[1] + "/" + segments[2], query);
            case "telegram.me":
                return ("t.me", path, query);
            default:
                return (host, path, query);
        }
    }

    private static bool IsTracking(string name) =>
        name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase) || Tracking.Contains(name);
}
