namespace Collector.Storage;

/// <summary>
/// The form in which URLs are compared when a not-found/removed page tombstones the posts it stood for:
/// scheme and host lower-cased, the fragment and trailing slashes dropped, the query kept.
/// </summary>
public static class UrlKey
{
    public static string? Normalize(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        var text = url.Trim();
        var hash = text.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            text = text[..hash];
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            var port = uri.IsDefaultPort ? string.Empty : ":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var path = uri.AbsolutePath.TrimEnd('/');
            text = uri.Scheme + "://" + uri.Host.ToLowerInvariant() + port + path + uri.Query;
        }

        return text.TrimEnd('/');
    }
}
