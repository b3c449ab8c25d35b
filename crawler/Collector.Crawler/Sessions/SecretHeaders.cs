namespace Collector.Crawler.Sessions;

/// <summary>Headers that carry credentials: never recorded in exchanges, captures, exports or logs.</summary>
public static class SecretHeaders
{
    private static readonly HashSet<string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie", "X-Api-Key", "X-Auth-Token", "X-CSRF-Token",
    };

    public static bool IsSecret(string name) => Names.Contains(name);

    /// <summary>The headers with every secret one's value replaced by "[redacted]" (the name stays: it is evidence that one was sent).</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Redact(IEnumerable<KeyValuePair<string, string>> headers) =>
        [.. headers.Select(h => IsSecret(h.Key) ? new KeyValuePair<string, string>(h.Key, "[redacted]") : h)];
}
