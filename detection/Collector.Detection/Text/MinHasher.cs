using System.Runtime.Intrinsics;

namespace Collector.Detection.Text;

/// <summary>128 MinHash permutations (h_p(x) = fmix(a_p·x + b_p)), computed eight at a time with vector instructions.</summary>
internal sealed class MinHasher
{
    private readonly Vector256<uint>[] a = new Vector256<uint>[MinHasherConstants.Permutations / 8];
    private readonly Vector256<uint>[] b = new Vector256<uint>[MinHasherConstants.Permutations / 8];

    public MinHasher(int seed = 0x5EED)
    {
        var random = new Random(seed);
        Span<uint> av = stackalloc uint[8];
        Span<uint> bv = stackalloc uint[8];
        for (var v = 0; v < a.Length; v++)
        {
            for (var i = 0; i < 8; i++)
            {
                av[i] = (uint)random.Next() | 1u;
                bv[i] = (uint)random.Next();
            }

            a[v] = Vector256.Create<uint>(av);
            b[v] = Vector256.Create<uint>(bv);
        }
    }

    /// <summary>Writes the 128 minimums of <paramref name="shingles"/> into <paramref name="signature"/>.</summary>
    public void Signature(ReadOnlySpan<uint> shingles, Span<uint> signature)
    {
        Span<Vector256<uint>> mins = stackalloc Vector256<uint>[MinHasherConstants.Permutations / 8];
        mins.Fill(Vector256.Create(uint.MaxValue));
        var c1 = Vector256.Create(0x85EBCA6Bu);
        var c2 = Vector256.Create(0xC2B2AE35u);
        foreach (var s in shingles)
        {
            var x = Vector256.Create(s);
            for (var v = 0; v < mins.Length; v++)
            {
                var h = (a[v] * x) + b[v];
                h ^= Vector256.ShiftRightLogical(h, 16);
                h *= c1;
                h ^= Vector256.ShiftRightLogical(h, 13);
                h *= c2;
                h ^= Vector256.ShiftRightLogical(h, 16);
                mins[v] = Vector256.Min(mins[v], h);
            }
        }

        for (var v = 0; v < mins.Length; v++)
        {
            mins[v].CopyTo(signature.Slice(v * 8, 8));
        }
    }
}

public static class MinHasherConstants
{
    public const int Permutations = 128;
}
