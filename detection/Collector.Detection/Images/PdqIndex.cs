using Collector.Detection.Chains;

namespace Collector.Detection.Images;

/// <summary>
/// Groups PDQ hashes within a Hamming distance with a multi-index: the 256 bits are cut into 16 words of 16 bits; two
/// hashes at distance 31 or less agree on some word to within one bit (pigeonhole), so probing each word and its 16
/// one-bit neighbours finds every candidate, and each candidate is checked on the full distance.
/// </summary>
internal static class PdqIndex
{
    private const int Words = 16;

    /// <summary>Union-find over the indices of <paramref name="hashes"/> joining every pair within <paramref name="maxDistance"/>.</summary>
    public static UnionFind Group(IReadOnlyList<PdqHash> all, int maxDistance)
    {
        var result = new UnionFind(all.Count);
        var firstOf = new Dictionary<(ulong, ulong, ulong, ulong), int>();
        var distinct = new List<PdqHash>();
        var distinctIndex = new List<int>();
        for (var i = 0; i < all.Count; i++)
        {
            var key = (all[i].W0, all[i].W1, all[i].W2, all[i].W3);
            if (firstOf.TryGetValue(key, out var first))
            {
                result.Union(first, i);
            }
            else
            {
                firstOf.Add(key, i);
                distinct.Add(all[i]);
                distinctIndex.Add(i);
            }
        }

        var near = GroupDistinct(distinct, maxDistance);
        for (var d = 0; d < distinct.Count; d++)
        {
            result.Union(distinctIndex[d], distinctIndex[near.Find(d)]);
        }

        return result;
    }

    private static UnionFind GroupDistinct(List<PdqHash> hashes, int maxDistance)
    {
        var groups = new UnionFind(hashes.Count);
        if (hashes.Count < 2)
        {
            return groups;
        }

        if (maxDistance > 31)
        {
            // Outside the pigeonhole guarantee of the index: compare every pair.
            for (var i = 0; i < hashes.Count; i++)
            {
                for (var j = i + 1; j < hashes.Count; j++)
                {
                    if (hashes[i].HammingDistance(hashes[j]) <= maxDistance)
                    {
                        groups.Union(i, j);
                    }
                }
            }

            return groups;
        }

        var offsets = new int[Words][];
        var items = new int[Words][];
        for (var w = 0; w < Words; w++)
        {
            var counts = new int[65537];
            for (var i = 0; i < hashes.Count; i++)
            {
                counts[hashes[i].Slot(w) + 1]++;
            }

            for (var k = 1; k < counts.Length; k++)
            {
                counts[k] += counts[k - 1];
            }

            var fill = (int[])counts.Clone();
            var list = new int[hashes.Count];
            for (var i = 0; i < hashes.Count; i++)
            {
                list[fill[hashes[i].Slot(w)]++] = i;
            }

            offsets[w] = counts;
            items[w] = list;
        }

        for (var i = 0; i < hashes.Count; i++)
        {
            var h = hashes[i];
            for (var w = 0; w < Words; w++)
            {
                var slot = h.Slot(w);
                for (var flip = -1; flip < 16; flip++)
                {
                    var probe = flip < 0 ? slot : slot ^ (1 << flip);
                    var from = offsets[w][probe];
                    var to = offsets[w][probe + 1];
                    for (var k = from; k < to; k++)
                    {
                        var j = items[w][k];
                        if (j > i && groups.Find(i) != groups.Find(j) && h.HammingDistance(hashes[j]) <= maxDistance)
                        {
                            groups.Union(i, j);
                        }
                    }
                }
            }
        }

        return groups;
    }
}
