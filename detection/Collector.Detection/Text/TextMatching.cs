using System.Collections.Concurrent;

namespace Collector.Detection.Text;

/// <summary>
/// Text matching on its own, for benchmarks and tools: the grouping detection uses (exact, then MinHash/LSH candidates
/// verified on real shingle sets), and an exhaustive reference that finds every matching pair without LSH.
/// </summary>
public static class TextMatching
{
    /// <summary>A group id per text; equal ids mean duplicate or near-duplicate texts (-1 for texts too short to match).</summary>
    public static int[] Group(IReadOnlyList<string?> texts, DetectionOptions? options = null)
    {
        options ??= new DetectionOptions();
        var features = Featurize(texts, options);
        var groups = new NearDuplicateFinder(options).Group(features);
        var ids = new int[texts.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = features[i].IsMatchable ? groups.Find(i) : -1;
        }

        return ids;
    }

    /// <summary>
    /// Every pair (i &lt; j) that passes the near-duplicate test, found without LSH (an inverted index over all word
    /// shingles: a copy with a typo every few words still shares most of them).
    /// </summary>
    public static IReadOnlyList<(int A, int B)> ExhaustivePairs(IReadOnlyList<string?> texts, DetectionOptions? options = null)
    {
        options ??= new DetectionOptions();
        var features = Featurize(texts, options);
        var postings = new Dictionary<uint, List<int>>();
        for (var i = 0; i < features.Length; i++)
        {
            foreach (var s in features[i].Shingles)
            {
                if (!postings.TryGetValue(s, out var list))
                {
                    postings[s] = list = [];
                }

                list.Add(i);
            }
        }

        var found = new ConcurrentBag<(int, int)>();
        Parallel.For(0, features.Length, () => new int[features.Length], (i, _, counts) =>
        {
            var touched = new List<int>();
            foreach (var s in features[i].Shingles)
            {
                foreach (var j in postings[s])
                {
                    if (j > i && counts[j]++ == 0)
                    {
                        touched.Add(j);
                    }
                }
            }

            foreach (var j in touched)
            {
                counts[j] = 0;
                if (ShingleSimilarity.IsNearDuplicate(features[i], features[j], options))
                {
                    found.Add((i, j));
                }
            }

            return counts;
        }, _ => { });
        return [.. found];
    }

    private static TextFeatures[] Featurize(IReadOnlyList<string?> texts, DetectionOptions options)
    {
        var featurizer = new TextFeaturizer(options);
        var features = new TextFeatures[texts.Count];
        Parallel.For(0, texts.Count, i => features[i] = featurizer.Featurize(null, texts[i]));
        return features;
    }
}
