using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Collector.Crawler.Safety;

/// <summary>
/// Keeps a crawl from being steered into the machine's own network: links whose host is (or resolves to) a loopback,
/// private, link-local or unspecified address are refused unless the crawl's own seeds live there or config allows it.
/// Host answers are cached for the guard's lifetime (one crawl).
/// </summary>
public sealed class AddressGuard
{
    private readonly bool _allowPrivate;
    private readonly HashSet<string> _seedHosts;
    private readonly ConcurrentDictionary<string, Task<bool>> _privateByHost = new(StringComparer.OrdinalIgnoreCase);

    public AddressGuard(bool allowPrivate, IEnumerable<Uri> seeds)
    {
        _allowPrivate = allowPrivate;
        _seedHosts = new HashSet<string>(seeds.Select(s => s.Host), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>True when the crawl may fetch the URL (scheme http/https, and not into a private network unless allowed).</summary>
    public async ValueTask<bool> IsAllowedAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
        {
            return false;
        }

        if (_allowPrivate || _seedHosts.Contains(url.Host))
        {
            return true;
        }

        var isPrivate = await _privateByHost.GetOrAdd(url.Host, h => ResolvesPrivateAsync(h, cancellationToken));
        return !isPrivate;
    }

    public static bool IsPrivate(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast;
        }

        var b = address.GetAddressBytes();
        return b[0] == 10
            || b[0] == 0
            || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254)
            || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)
            || b[0] >= 224;
    }

    private static async Task<bool> ResolvesPrivateAsync(string host, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host.Trim('[', ']'), out var literal))
        {
            return IsPrivate(literal);
        }

        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        try
        {
            var addresses = await Dns.GetHostAddressesAsync(host, cancellationToken);
            return addresses.Any(IsPrivate);
        }
        catch (SocketException)
        {
            // unresolvable: the fetch will fail on its own and say so
            return false;
        }
    }
}
