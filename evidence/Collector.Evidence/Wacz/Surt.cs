namespace Collector.Evidence.Wacz;

/// <summary>
/// SURT keys for CDXJ, computed the way ReplayWeb.page's engine (wabac.js) computes them at lookup time: scheme and
/// leading www dropped, all lower case, host labels reversed and joined by commas, a non-default port kept, ')', the
/// path, then the query's parameters sorted. Anything not http(s) (urn:screenshot:…) is its own key.
/// </summary>
public static class Surt
{
    public static string Of(string url)
    {
        if (!url.StartsWith("http:", StringComparison.OrdinalIgnoreCase) && !url.StartsWith("https:", StringComparison.OrdinalIgnoreCase))
        {
            return url;
        }

        var lowered = System.Text.RegularExpressions.Regex.Replace(url, @"^(https?://)www\d*\.", "$1", System.Text.RegularExpressions.RegexOptions.IgnoreCase)
            .ToLowerInvariant();
        if (!Uri.TryCreate(lowered, UriKind.Absolute, out var uri))
        {
            return url;
        }

        var key = string.Join(',', uri.Host.Trim('[', ']').Split('.').Reverse());
        if (!uri.IsDefaultPort)
        {
            key += ":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        key += ")" + uri.AbsolutePath;
        if (uri.Query.Length > 1)
        {
            var parts = uri.Query[1..].Split('&');
            Array.Sort(parts, StringComparer.Ordinal);
            key += "?" + string.Join('&', parts);
        }

        return key;
    }
}
