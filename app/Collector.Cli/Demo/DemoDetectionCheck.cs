using System.Globalization;
using Collector.Detection;
using Collector.Model;
using Collector.Simulator.World;

namespace Collector.Cli.Demo;

/// <summary>
/// Detection held against the simulated world's record: each planted chain complete (one chain holds every archived
/// post of it and nothing of another), split (two or more chains hold two or more of its posts), merged (its chain also
/// holds two or more posts of another planted chain) or missed; chains holding no planted post (false chains); and per
/// flag the precision and recall against the world's shift workers, repurposed accounts, off-topic repliers and (for
/// coordinated) the campaign accounts that posted in two or more planted chains.
/// </summary>
public sealed record DemoDetectionCheck
{
    public required int PlantedChains { get; init; }
    public required int Complete { get; init; }
    public required int Split { get; init; }
    public required int Merged { get; init; }
    public required int Missed { get; init; }
    public required int FalseChains { get; init; }
    public required IReadOnlyDictionary<string, DemoFlagScore> Flags { get; init; }

    /// <param name="authors">Every archived post's author handle by post key (platform:id).</param>
    public static DemoDetectionCheck Of(DetectionResult result, GroundTruth truth, IReadOnlyDictionary<string, string?> authors)
    {
        var plantedOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var t = 0; t < truth.Chains.Count; t++)
        {
            foreach (var key in truth.Chains[t].Posts)
            {
                plantedOf[key.ToString()] = t;
            }
        }

        var held = result.Chains.Select(c => c.Posts.Select(p => new PostKey(p.Platform, p.Id).ToString())
            .Where(plantedOf.ContainsKey).GroupBy(k => plantedOf[k]).ToDictionary(g => g.Key, g => g.Count())).ToList();
        int complete = 0, split = 0, merged = 0, missed = 0;
        for (var t = 0; t < truth.Chains.Count; t++)
        {
            var archived = truth.Chains[t].Posts.Count(k => authors.ContainsKey(k.ToString()));
            var holding = held.Select((h, c) => (Chain: c, Count: h.GetValueOrDefault(t))).Where(x => x.Count >= 2).OrderByDescending(x => x.Count).ToList();
            if (holding.Count == 0)
            {
                missed++;
                continue;
            }

            split += holding.Count > 1 ? 1 : 0;
            var mixes = held[holding[0].Chain].Any(h => h.Key != t && h.Value >= 2);
            merged += mixes ? 1 : 0;
            complete += holding.Count == 1 && !mixes && holding[0].Count >= archived ? 1 : 0;
        }

        var chainsOfAccount = truth.Chains
            .SelectMany((chain, t) => chain.Posts.Select(k => (Author: authors.GetValueOrDefault(k.ToString()), Platform: k.Platform, Chain: t)))
            .Where(x => x.Author is not null)
            .GroupBy(x => Account(x.Platform, x.Author!), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Chain).Distinct().Count(), StringComparer.Ordinal);
        var campaign = truth.ShiftWorkers.Concat(truth.Repurposed).Concat(truth.OffTopicRepliers).Select(a => Account(a.Platform, a.Handle)).ToHashSet(StringComparer.Ordinal);
        var expected = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal)
        {
            [AccountFlags.ShiftPattern] = truth.ShiftWorkers.Select(a => Account(a.Platform, a.Handle)).ToHashSet(StringComparer.Ordinal),
            [AccountFlags.LanguageSwitch] = truth.Repurposed.Select(a => Account(a.Platform, a.Handle)).ToHashSet(StringComparer.Ordinal),
            [AccountFlags.OffTopicReplies] = truth.OffTopicRepliers.Select(a => Account(a.Platform, a.Handle)).ToHashSet(StringComparer.Ordinal),
            [AccountFlags.Coordinated] = campaign.Where(a => chainsOfAccount.GetValueOrDefault(a) >= 2).ToHashSet(StringComparer.Ordinal),
        };
        var flags = expected.ToDictionary(e => e.Key, e =>
        {
            var flagged = result.Accounts.Where(a => a.Flags.Contains(e.Key)).Select(a => Account(a.Platform, a.Handle)).ToHashSet(StringComparer.Ordinal);
            return new DemoFlagScore(e.Value.Count, flagged.Count, flagged.Count(e.Value.Contains), [.. e.Value.Except(flagged).Order(StringComparer.Ordinal)]);
        }, StringComparer.Ordinal);

        return new DemoDetectionCheck
        {
            PlantedChains = truth.Chains.Count,
            Complete = complete,
            Split = split,
            Merged = merged,
            Missed = missed,
            FalseChains = held.Count(h => h.Count == 0),
            Flags = flags,
        };
    }

    /// <summary>One line per measure, for the demo's summary.</summary>
    public IEnumerable<string> Lines()
    {
        yield return string.Create(CultureInfo.InvariantCulture,
            $"planted chains {PlantedChains}: {Complete} complete, {Split} split, {Merged} merged, {Missed} missed; {FalseChains} chains hold no planted post");
        foreach (var (flag, score) in Flags)
        {
            var missed = score.Missed.Count == 0 ? string.Empty : $" (missed: {string.Join(", ", score.Missed)})";
            yield return string.Create(CultureInfo.InvariantCulture,
                $"{flag}: precision {score.Precision:0.00}, recall {score.Recall:0.00} ({score.Correct} of {score.Expected} found, {score.Flagged} flagged){missed}");
        }
    }

    private static string Account(string platform, string handle) => platform + ":" + handle.TrimStart('@');
}

/// <summary>One flag against the world: accounts expected, flagged, flagged and expected, and the expected ones not flagged.</summary>
public sealed record DemoFlagScore(int Expected, int Flagged, int Correct, IReadOnlyList<string> Missed)
{
    public double Precision => Flagged == 0 ? (Expected == 0 ? 1 : 0) : (double)Correct / Flagged;

    public double Recall => Expected == 0 ? 1 : (double)Correct / Expected;
}
