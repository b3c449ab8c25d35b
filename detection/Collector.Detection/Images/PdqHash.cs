using System.Globalization;
using System.Numerics;

namespace Collector.Detection.Images;

/// <summary>
/// A 256-bit PDQ hash and its quality (0-100). Bit k has value 2^k: word <c>k / 64</c>, bit <c>k % 64</c>.
/// The hex form is the reference one: 64 lower-case digits, most significant first (DCT row 15 first).
/// </summary>
public readonly record struct PdqHash(ulong W0, ulong W1, ulong W2, ulong W3, int Quality)
{
    /// <summary>Meta's suggested match threshold.</summary>
    public const int MatchDistance = 31;

    /// <summary>Hashes of quality below this are unreliable (the reference drops quality 49 and under).</summary>
    public const int MinUsefulQuality = 50;

    public bool IsUseful => Quality >= MinUsefulQuality;

    public int HammingDistance(PdqHash other) =>
        BitOperations.PopCount(W0 ^ other.W0) + BitOperations.PopCount(W1 ^ other.W1)
        + BitOperations.PopCount(W2 ^ other.W2) + BitOperations.PopCount(W3 ^ other.W3);

    public int Norm => BitOperations.PopCount(W0) + BitOperations.PopCount(W1)
        + BitOperations.PopCount(W2) + BitOperations.PopCount(W3);

    public bool GetBit(int k) => ((Word(k / 64) >> (k % 64)) & 1UL) != 0;

    /// <summary>The 16-bit word holding DCT row <paramref name="u"/> (bit v = column v).</summary>
    public int Slot(int u) => (int)((Word(u / 4) >> (u % 4 * 16)) & 0xFFFF);

    public ulong Word(int i) => i switch { 0 => W0, 1 => W1, 2 => W2, _ => W3 };

    public string ToHex() => string.Create(CultureInfo.InvariantCulture, $"{W3:x16}{W2:x16}{W1:x16}{W0:x16}");

    public override string ToString() => ToHex();

    public static PdqHash Parse(string hex, int quality = 100)
    {
        if (hex is null || hex.Length != 64)
        {
            throw new FormatException($"a PDQ hash is 64 hex digits, got '{hex}'");
        }

        return new PdqHash(
            ulong.Parse(hex.AsSpan(48, 16), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            ulong.Parse(hex.AsSpan(32, 16), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            ulong.Parse(hex.AsSpan(16, 16), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            ulong.Parse(hex.AsSpan(0, 16), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            quality);
    }

    /// <summary>Builds a hash from 256 bits (index k = 16·u + v).</summary>
    public static PdqHash FromBits(ReadOnlySpan<bool> bits, int quality)
    {
        Span<ulong> w = stackalloc ulong[4];
        for (var k = 0; k < 256; k++)
        {
            if (bits[k])
            {
                w[k / 64] |= 1UL << (k % 64);
            }
        }

        return new PdqHash(w[0], w[1], w[2], w[3], quality);
    }
}
