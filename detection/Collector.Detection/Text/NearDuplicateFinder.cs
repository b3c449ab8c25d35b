using Collector.Detection.Chains;

namespace Collector.Detection.Text;

/// <summary>
/// Groups texts that are exact duplicates after normalization or near-duplicates: MinHash (128 permutations) with LSH
/// banding plus a lead-token key for truncated copies gives candidates, and every candidate is verified on the real
/// shingle sets before it ties two texts.
/// </summary>
internal sealed class NearDuplicateFinder(DetectionOptions options)
{
    /// <summary>In a crowded LSH bucket each member is compared with this many following members (and the first).</summary>
    private const int BucketWindow = 12;

    public int Candidates { get; private set; }

    public int Verified { get; private set; }

    /// <summary>Union-find over the indices of <paramref name="features"/>, joining duplicate and near-duplicate texts.</summary>
    public UnionFind Group(IReadOnlyList<TextFeatures> features)
    {
        var groups = new UnionFind(features.Count);
        var firstByExact = new Dictionary<ulong, int>();
        var representatives = new List<int>();
        for (var i = 0; i < features.Count; i++)
        {
            var f = features[i];
            if (!f.IsMatchable)
            {
                continue;
            }

            if (firstByExact.TryGetValue(f.ExactKey, out var first))
            {
                groups.Union(first, i);
            }
            else
            {
                firstByExact.Add(f.ExactKey, i);
                representatives.Add(i);
            }
        }

        var pairs = CandidatePairs(features, representatives);
        Candidates = pairs.Length;
        var accepted = new bool[pairs.Length];
        Parallel.For(0, pairs.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, p =>
        {
            var a = (int)(pairs[p] >> 32);
            var b = (int)(pairs[p] & 0xFFFFFFFF);
            accepted[p] = ShingleSimilarity.IsNearDuplicate(features[a], features[b], options);
        });

        var verified = 0;
        for (var p = 0; p < pairs.Length; p++)
        {
            if (accepted[p])
            {
                verified++;
                groups.Union((int)(pairs[p] >> 32), (int)(pairs[p] & 0xFFFFFFFF));
            }
        }

        Verified = verified;
        return groups;
    }

    private ulong[] CandidatePairs(IReadOnlyList<TextFeatures> features, List<int> reps)
    {
        var bands = options.LshBands;
        var rows = options.LshRows;
        var keys = new ulong[(bands + 1) * reps.Count];
        var hasher = new MinHasher();
        Parallel.For(0, reps.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            () => new uint[MinHasherConstants.Permutations],
            (r, _, signature) =>
            {
                var f = features[reps[r]];
                hasher.Signature(f.CharacterShingles, signature);
                for (var band = 0; band < bands; band++)
                {
                    var h = Hashing.Mix64((ulong)(band + 1) * 0x9E3779B97F4A7C15UL);
                    for (var row = 0; row < rows; row++)
                    {
                        h = Hashing.Combine(h, signature[(band * rows) + row]);
                    }

                    keys[(band * reps.Count) + r] = h;
                }

                keys[(bands * reps.Count) + r] = f.LeadKey;
                return signature;
            },
            _ => { });

        var perBand = new List<ulong>[bands + 1];
        Parallel.For(0, bands + 1, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, band =>
        {
            var bandKeys = new ulong[reps.Count];
            var members = new int[reps.Count];
            Array.Copy(keys, band * reps.Count, bandKeys, 0, reps.Count);
            for (var r = 0; r < members.Length; r++)
            {
                members[r] = reps[r];
            }

            Array.Sort(bandKeys, members);
            var found = new List<ulong>();
            var start = 0;
            while (start < bandKeys.Length)
            {
                var end = start + 1;
                while (end < bandKeys.Length && bandKeys[end] == bandKeys[start])
                {
                    end++;
                }

                if (end - start > 1 && bandKeys[start] != 0)
                {
                    AddBucketPairs(members.AsSpan(start, end - start), found);
                }

                start = end;
            }

            perBand[band] = found;
        });

        var all = new List<ulong>(perBand.Sum(l => l.Count));
        foreach (var list in perBand)
        {
            all.AddRange(list);
        }

        var array = all.ToArray();
        Array.Sort(array);
        var distinct = 0;
        for (var i = 0; i < array.Length; i++)
        {
            if (distinct == 0 || array[i] != array[distinct - 1])
            {
                array[distinct++] = array[i];
            }
        }

        return array[..distinct];
    }

    private static void AddBucketPairs(Span<int> bucket, List<ulong> found)
    {
        for (var i = 0; i < bucket.Length; i++)
        {
            var limit = Math.Min(bucket.Length, i + 1 + BucketWindow);
            for (var j = i + 1; j < limit; j++)
            {
                found.Add(Pair(bucket[i], bucket[j]));
            }

            if (i > BucketWindow)
            {
                found.Add(Pair(bucket[0], bucket[i]));
            }
        }
    }

    private static ulong Pair(int a, int b) => a < b ? ((ulong)(uint)a << 32) | (uint)b : ((ulong)(uint)b << 32) | (uint)a;
}
