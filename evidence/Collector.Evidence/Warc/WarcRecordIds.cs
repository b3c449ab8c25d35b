using System.Security.Cryptography;
using System.Text;

namespace Collector.Evidence.Warc;

/// <summary>
/// Record ids derived from what the record stands for (a capture id and the record's role in it), so that the WARC of a
/// capture exported twice is the same bytes with the same ids: a copy made later can be compared with an earlier one.
/// </summary>
public static class WarcRecordIds
{
    public static string For(string scope, string role)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes("collector-warc-record\n" + scope + "\n" + role), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // version 8: name-based, vendor-defined (RFC 9562)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        var hex = Convert.ToHexStringLower(bytes);
        return $"<urn:uuid:{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}>";
    }
}
