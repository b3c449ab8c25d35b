namespace Collector.Detection.Synthetic;

/// <summary>Precision and recall of one kind of finding against the planted truth.</summary>
public sealed record Score(int Found, int Expected, int Correct, double Precision, double Recall)
{
    public static Score Of(int found, int expected, int correctFound, int recalled) =>
        new(found, expected, correctFound, found == 0 ? 1 : (double)correctFound / found, expected == 0 ? 1 : (double)recalled / expected);

    public override string ToString() =>
        FormattableString.Invariant($"P={Precision:0.000} R={Recall:0.000} (found {Found}, expected {Expected})");
}

/// <summary>Scores a detection result against a synthetic world's truth.</summary>
public static class TruthScorer
{
    /// <summary>A detected chain is right when at least this share of its posts come from one planted item.</summary>
    public const double MinPurity = 0.8;

    /// <summary>A planted item is found when one right chain holds at least this share of its posts.</summary>
    public const double MinCoverage = 0.5;

    public static Score Chains(DetectionResult result, WorldTruth truth)
    {
        var itemOf = new Dictionary<(string, string), string>();
        foreach (var (item, posts) in truth.Chains)
        {
            foreach (var p in posts)
            {
                itemOf[(p.Platform, p.Id)] = item;
            }
        }

        var correct = 0;
        var recalled = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chain in result.Chains)
        {
            var majority = chain.Posts
                .GroupBy(p => itemOf.GetValueOrDefault((p.Platform, p.Id)) ?? string.Empty)
                .OrderByDescending(g => g.Count())
                .First();
            if (majority.Key.Length == 0 || (double)majority.Count() / chain.Posts.Count < MinPurity)
            {
                continue;
            }

            correct++;
            if ((double)majority.Count() / truth.Chains[majority.Key].Count >= MinCoverage)
            {
                recalled.Add(majority.Key);
            }
        }

        return Score.Of(result.Chains.Count, truth.Chains.Count, correct, recalled.Count);
    }

    /// <summary>Post pairs in the same chain, against pairs in the same planted item.</summary>
    public static Score Pairs(DetectionResult result, WorldTruth truth)
    {
        var itemOf = new Dictionary<(string, string), string>();
        foreach (var (item, posts) in truth.Chains)
        {
            foreach (var p in posts)
            {
                itemOf[(p.Platform, p.Id)] = item;
            }
        }

        long found = 0, correct = 0;
        var recalledPairs = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var chain in result.Chains)
        {
            found += (long)chain.Posts.Count * (chain.Posts.Count - 1) / 2;
            foreach (var g in chain.Posts.GroupBy(p => itemOf.GetValueOrDefault((p.Platform, p.Id))).Where(g => g.Key is not null))
            {
                long n = g.Count();
                correct += n * (n - 1) / 2;
            }
        }

        var expected = truth.Chains.Values.Sum(l => (long)l.Count * (l.Count - 1) / 2);
        return new Score((int)Math.Min(int.MaxValue, found), (int)Math.Min(int.MaxValue, expected), (int)Math.Min(int.MaxValue, correct),
            found == 0 ? 1 : (double)correct / found, expected == 0 ? 1 : (double)correct / expected);
    }

    public static Score Flag(DetectionResult result, WorldTruth truth, string flag)
    {
        var found = result.Accounts.Where(a => a.Flags.Contains(flag)).Select(a => a.Platform + ":" + a.Handle).ToHashSet(StringComparer.Ordinal);
        var expected = truth.Accounts.Where(kv => kv.Value.Contains(flag)).Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal);
        var hit = found.Count(expected.Contains);
        return Score.Of(found.Count, expected.Count, hit, hit);
    }
}
