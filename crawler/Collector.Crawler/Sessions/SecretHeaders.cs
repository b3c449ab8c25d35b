namespace Collector.Crawler.Sessions;

/// <summary>
/// Headers that carry credentials: never recorded in exchanges, captures, exports or logs, and sent only to the origin
/// they were given for (never along a redirect or with a subresource request elsewhere), in HTTP and browser mode alike.
/// </summary>
public static class SecretHeaders
{
    private static readonly HashSet<string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie", "X-Api-Key", "X-Auth-Token", "X-CSRF-Token",
    };

    public static bool IsSecret(string name) => Names.Contains(name);

    /// <summary>Whether header <paramref name="name"/>, given for a request to <paramref name="origin"/>, may go to <paramref name="destination"/>.</summary>
    public static bool MayGo(string name, Uri destination, Uri origin) => !IsSecret(name) || SameOrigin(destination, origin);

    /// <summary>Same scheme, host and port (an https page sent to http is another origin).</summary>
    public static bool SameOrigin(Uri a, Uri b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
            && a.Port == b.Port;
    }

    /// <summary>The headers with every secret one's value replaced by "[redacted]" (the name stays: it is evidence that one was sent).</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Redact(IEnumerable<KeyValuePair<string, string>> headers) =>
        [.. headers.Select(h => IsSecret(h.Key) ? new KeyValuePair<string, string>(h.Key, "[redacted]") : h)];
}
