using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Collector.Web.Security;

/// <summary>
/// Links to archived bytes on the artifact origin, signed with a key that lives only in this process: the artifact
/// origin serves only what a page of the UI linked to, as the content type the UI chose, and needs no cookie
/// (so the UI's session never has to reach the origin where archived pages run). A link also carries when it expires
/// (<see cref="Lifetime"/> after the page that holds it was served, inside the signature): one copied out of the UI,
/// into a report or a chat, stops working then, even while the server keeps running.
/// </summary>
public sealed class ArtifactLinks(TimeProvider time)
{
    /// <summary>How long a link works after the page that holds it was served (a working day; reloading the page renews it).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    /// <summary>The only content types archived bytes are served as.</summary>
    public static readonly IReadOnlySet<string> ServedTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "text/html", "text/plain", "application/json", "image/png", "image/jpeg", "image/webp", "image/gif",
        "video/mp4", "video/webm", "application/octet-stream",
    };

    private readonly byte[] key = RandomNumberGenerator.GetBytes(32);

    /// <summary>The artifact origin's port, set once its listener is bound.</summary>
    public int Port { get; set; }

    /// <summary>The UI's port, set once its listener is bound (the only origin that may frame archived pages).</summary>
    public int UiPort { get; set; }

    public string Path(string sha256, string contentType)
    {
        var expires = (time.GetUtcNow() + Lifetime).ToUnixTimeSeconds();
        return string.Create(CultureInfo.InvariantCulture, $"/a/{sha256}?type={Uri.EscapeDataString(contentType)}&exp={expires}&sig={Sign(sha256, contentType, expires)}");
    }

    /// <summary>The absolute URL, on the host the browser used to reach the UI (so it works on any interface).</summary>
    public string Url(string requestHost, string sha256, string contentType) =>
        $"http://{HostOnly(requestHost)}:{Port}{Path(sha256, contentType)}";

    public string Origin(string requestHost) => $"http://{HostOnly(requestHost)}:{Port}";

    public string UiOrigin(string requestHost) => $"http://{HostOnly(requestHost)}:{UiPort}";

    /// <summary>The link was signed here for these bytes and this type, and has not expired.</summary>
    public bool IsValid(string sha256, string contentType, string? expires, string? signature) =>
        signature is not null && ServedTypes.Contains(contentType)
        && long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var at) && at >= time.GetUtcNow().ToUnixTimeSeconds()
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(sha256, contentType, at)), Encoding.ASCII.GetBytes(signature));

    /// <summary>A value derived from the key for other purposes (the session cookie), never the key itself.</summary>
    public string Derive(string purpose) => Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("derive|" + purpose)));

    private string Sign(string sha256, string contentType, long expires) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{sha256}|{contentType}|{expires}"))));

    private static string HostOnly(string requestHost)
    {
        // Host header "127.0.0.1:8080" or "[::1]:8080": keep the host part.
        if (requestHost.StartsWith('['))
        {
            var end = requestHost.IndexOf(']', StringComparison.Ordinal);
            return end > 0 ? requestHost[..(end + 1)] : requestHost;
        }

        var colon = requestHost.LastIndexOf(':');
        return colon > 0 ? requestHost[..colon] : requestHost;
    }
}
