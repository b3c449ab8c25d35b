namespace Collector.Crawler.Fetching;

/// <summary>
/// The request headers that carry a secret for one origin (a token, a password, a session): sent to that origin only,
/// never along a redirect or a subresource request to another, in HTTP and browser mode alike.
/// </summary>
public static class CredentialHeaders
{
    public static bool Is(string header) =>
        header.Equals("Authorization", StringComparison.OrdinalIgnoreCase)
        || header.Equals("Proxy-Authorization", StringComparison.OrdinalIgnoreCase)
        || header.Equals("Cookie", StringComparison.OrdinalIgnoreCase);

    /// <summary>Same scheme, host and port (an https page sent to http is another origin).</summary>
    public static bool SameOrigin(Uri a, Uri b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
            && a.Port == b.Port;
    }
}
