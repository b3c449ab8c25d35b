using System.Net;
using System.Net.Sockets;

namespace Collector.Crawler.Safety;

/// <summary>
/// The addresses a crawl must not be steered to: loopback, private, link-local, shared (CGNAT), benchmarking,
/// IETF-protocol, multicast and reserved IPv4 ranges, and the IPv6 forms that carry such an address or reach one
/// (IPv4-mapped, IPv4-compatible, NAT64 64:ff9b::/96 and 64:ff9b:1::/48, 6to4 2002::/16, Teredo 2001::/32), unique-local,
/// site-local and link-local IPv6.
/// </summary>
public static class InternalAddresses
{
    public static bool IsInternal(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.IPv6None))
        {
            return true;
        }

        var b = address.GetAddressBytes();
        return address.AddressFamily == AddressFamily.InterNetworkV6 ? IsInternalV6(address, b) : IsInternalV4(b);
    }

    private static bool IsInternalV4(byte[] b) =>
        b[0] is 0 or 10 or 127
        || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
        || (b[0] == 192 && b[1] == 168)
        || (b[0] == 169 && b[1] == 254)
        || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)
        || (b[0] == 192 && b[1] == 0 && b[2] == 0)
        || (b[0] == 198 && b[1] is 18 or 19)
        || b[0] >= 224;

    private static bool IsInternalV6(IPAddress address, byte[] b)
    {
        if (address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast)
        {
            return true;
        }

        // ::a.b.c.d (IPv4-compatible, deprecated but still routed by some stacks)
        if (b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0)
        {
            return true;
        }

        // NAT64: 64:ff9b::/96 (well-known) and 64:ff9b:1::/48 (local use) reach any IPv4 address through a translator
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b)
        {
            return true;
        }

        // 6to4 2002::/16 and Teredo 2001:0::/32 tunnel to an IPv4 address they carry
        return (b[0] == 0x20 && b[1] == 0x02) || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0);
    }
}
