using System.Security.Cryptography;

namespace Collector.Evidence.Warc;

/// <summary>
/// Digests as "sha256:&lt;lower-case hex&gt;": the form warcio.js and Browsertrix write for SHA-256 and the annotated WARC 1.1
/// spec recommends (base 16 for digests whose base 32 form would need padding), read by pywb and ReplayWeb.page.
/// </summary>
public static class WarcDigest
{
    public const string Prefix = "sha256:";

    public static string Of(ReadOnlySpan<byte> bytes) => Prefix + Hex(SHA256.HashData(bytes));

    public static string Hex(ReadOnlySpan<byte> hash) => Convert.ToHexStringLower(hash);

    public static string Sha256Hex(ReadOnlySpan<byte> bytes) => Hex(SHA256.HashData(bytes));

    /// <summary>The hex part of "sha256:…" (or the text itself when it has no prefix).</summary>
    public static string HexOf(string digest) =>
        digest.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) ? digest[Prefix.Length..].ToLowerInvariant() : digest.ToLowerInvariant();
}
