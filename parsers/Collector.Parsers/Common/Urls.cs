namespace Collector.Parsers.Common;

/// <summary>URL helpers that never throw.</summary>
public static class Urls
{
    /// <summary>The absolute http(s) URL of <paramref name="href"/> resolved against the page; null for javascript:, mailto:, garbage.</summary>
    public static Uri? Resolve(Uri page, string? href)
    {
        if (string.IsNullOrWhiteSpace(href))
        {
            return null;
        }

        var trimmed = href.Trim();
        if (trimmed.StartsWith('#'))
        {
            return null;
        }

        if (!Uri.TryCreate(page, trimmed, out var url) || !url.IsAbsoluteUri)
        {
            return null;
        }

        if (url.Scheme is not ("http" or "https"))
        {
            return null;
        }

        try
        {
            // TryCreate accepts some hosts that are invalid by IDN rules; their AbsoluteUri then throws. Such a link is garbage.
            _ = url.IdnHost;
            _ = url.AbsoluteUri;
            return url;
        }
        catch (UriFormatException)
        {
            return null;
        }
    }

    public static string? ResolveString(Uri page, string? href) => Resolve(page, href)?.AbsoluteUri;

    /// <summary>The value of one query parameter, or null.</summary>
    public static string? Query(Uri url, string name)
    {
        var query = url.Query.TrimStart('?');
        foreach (var part in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            var key = eq < 0 ? part : part[..eq];
            if (string.Equals(Uri.UnescapeDataString(key), name, StringComparison.Ordinal))
            {
                return eq < 0 ? string.Empty : Uri.UnescapeDataString(part[(eq + 1)..].Replace('+', ' '));
            }
        }

        return null;
    }

    /// <summary>The URL with one query parameter set (replacing any existing value); a default port stays implicit.</summary>
    public static Uri WithQuery(Uri url, string name, string value)
    {
        var kept = url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !string.Equals(Uri.UnescapeDataString(p.Split('=')[0]), name, StringComparison.Ordinal))
            .Append($"{Uri.EscapeDataString(name)}={Uri.EscapeDataString(value)}");
        var builder = Builder(url);
        builder.Query = string.Join('&', kept);
        return builder.Uri;
    }

    /// <summary>
    /// A builder over the URL that writes no port when the URL uses its scheme's default: a plain UriBuilder copies
    /// 443/80 and its Uri's OriginalString (what JSON and crawl queue keys use) then says "https://host:443/...".
    /// </summary>
    public static UriBuilder Builder(Uri url)
    {
        var builder = new UriBuilder(url);
        if (url.IsDefaultPort)
        {
            builder.Port = -1;
        }

        return builder;
    }
}
