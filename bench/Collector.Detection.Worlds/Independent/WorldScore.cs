using System.Globalization;
using Collector.Model;

namespace Collector.Detection.Worlds.Independent;

/// <summary>
/// How a detection run compares with the world's record. Chains are scored as a clustering with B-cubed precision and
/// recall (Bagga and Baldwin 1998; Amigó et al. 2009): every post that is planted or that the detector put in a chain
/// is an item; a post's precision is the share of its chain that belongs to its story, its recall the share of its story
/// that landed in its chain; posts left out of every chain are singletons. Stories are also counted as complete (one
/// chain holds at least 90% of the story and is at least 90% that story), split, merged or missed.
/// </summary>
public sealed record WorldScore
{
    public required double ChainPrecision { get; init; }
    public required double ChainRecall { get; init; }
    public required double OriginAccuracy { get; init; }
    public required int Stories { get; init; }
    public required int Complete { get; init; }
    public required int Split { get; init; }
    public required int Merged { get; init; }
    public required int Missed { get; init; }
    public required int FalseChains { get; init; }
    public required IReadOnlyDictionary<string, FlagScore> Flags { get; init; }
    public required IReadOnlyList<string> DecoysFlagged { get; init; }

    public static WorldScore Of(DetectionResult result, WorldRecord record)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(record);
        var storyOf = new Dictionary<PostKey, int>();
        for (var s = 0; s < record.Stories.Count; s++)
        {
            foreach (var member in record.Stories[s].Members)
            {
                storyOf[member] = s;
            }
        }

        var chainOf = new Dictionary<PostKey, int>();
        for (var c = 0; c < result.Chains.Count; c++)
        {
            foreach (var post in result.Chains[c].Posts)
            {
                chainOf[new PostKey(post.Platform, post.Id)] = c;
            }
        }

        // |chain ∩ story| for every pair that meets
        var overlap = new Dictionary<(int Chain, int Story), int>();
        foreach (var (key, c) in chainOf)
        {
            if (storyOf.TryGetValue(key, out var s))
            {
                overlap[(c, s)] = overlap.GetValueOrDefault((c, s)) + 1;
            }
        }

        double precision = 0, recall = 0;
        var items = storyOf.Keys.Union(chainOf.Keys).ToList();
        foreach (var key in items)
        {
            var inChain = chainOf.TryGetValue(key, out var c);
            var inStory = storyOf.TryGetValue(key, out var s);
            var shared = inChain && inStory ? overlap[(c, s)] : 1;
            precision += inChain ? (double)shared / result.Chains[c].Posts.Count : 1;
            recall += inStory ? (double)shared / record.Stories[s].Members.Count : 1;
        }

        int complete = 0, split = 0, merged = 0, missed = 0, originsRight = 0, found = 0;
        for (var s = 0; s < record.Stories.Count; s++)
        {
            var story = record.Stories[s];
            var holding = overlap.Where(o => o.Key.Story == s && o.Value >= 2).OrderByDescending(o => o.Value).ToList();
            if (holding.Count == 0)
            {
                missed++;
                continue;
            }

            found++;
            var best = holding[0];
            var chain = result.Chains[best.Key.Chain];
            if (new PostKey(chain.Origin.Platform, chain.Origin.Id) == story.Origin)
            {
                originsRight++;
            }

            if (holding.Count > 1)
            {
                split++;
            }

            if (overlap.Any(o => o.Key.Chain == best.Key.Chain && o.Key.Story != s && o.Value >= 2))
            {
                merged++;
            }

            if (best.Value >= 0.9 * story.Members.Count && best.Value >= 0.9 * chain.Posts.Count)
            {
                complete++;
            }
        }

        var falseChains = Enumerable.Range(0, result.Chains.Count).Count(c => !overlap.Keys.Any(k => k.Chain == c));
        var flagged = result.Accounts.ToDictionary(a => new AccountKey(a.Platform, a.Handle), a => a.Flags);
        var flags = new[] { AccountFlags.ShiftPattern, AccountFlags.LanguageSwitch, AccountFlags.OffTopicReplies, AccountFlags.Coordinated }
            .ToDictionary(f => f, f => FlagScore.Of(f, record, flagged), StringComparer.Ordinal);
        var decoys = record.Accounts.Where(a => a.Value.Role == AccountRole.Decoy && flagged.TryGetValue(a.Key, out var f) && f.Count > 0)
            .Select(a => $"{a.Key} ({a.Value.DecoyKind}: {string.Join('+', flagged[a.Key])})").ToList();
        return new WorldScore
        {
            ChainPrecision = items.Count == 0 ? 1 : precision / items.Count,
            ChainRecall = items.Count == 0 ? 1 : recall / items.Count,
            OriginAccuracy = found == 0 ? 0 : (double)originsRight / found,
            Stories = record.Stories.Count,
            Complete = complete,
            Split = split,
            Merged = merged,
            Missed = missed,
            FalseChains = falseChains,
            Flags = flags,
            DecoysFlagged = decoys,
        };
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"chains P {ChainPrecision:0.000} R {ChainRecall:0.000}, origins {OriginAccuracy:0.000}; stories {Stories}: complete {Complete}, split {Split}, merged {Merged}, missed {Missed}; false chains {FalseChains}; ")
        + string.Join("; ", Flags.Select(f => $"{f.Key} {f.Value}")) + $"; decoys flagged {DecoysFlagged.Count}";
}

/// <summary>One flag's precision, recall and F1 over the accounts the world gives an answer for.</summary>
public sealed record FlagScore(int TruePositives, int FalsePositives, int FalseNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);
    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);
    public double F1 => TruePositives + FalsePositives + FalseNegatives == 0 ? 1 : Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static FlagScore Of(string flag, WorldRecord record, IReadOnlyDictionary<AccountKey, IReadOnlyList<string>> flagged)
    {
        int tp = 0, fp = 0, fn = 0;
        foreach (var (key, account) in record.Accounts)
        {
            if (!account.Flags.TryGetValue(flag, out var expected))
            {
                continue;
            }

            var raised = flagged.TryGetValue(key, out var f) && f.Contains(flag);
            tp += expected && raised ? 1 : 0;
            fp += !expected && raised ? 1 : 0;
            fn += expected && !raised ? 1 : 0;
        }

        return new FlagScore(tp, fp, fn);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"P {Precision:0.00} R {Recall:0.00} F1 {F1:0.00} ({TruePositives}/{TruePositives + FalseNegatives})");
}
