using System.Globalization;
using Collector.Detection.Behaviour;
using Collector.Detection.Output;

namespace Collector.Detection;

/// <summary>One threshold of a run: its value, and whether it was estimated from the archive or is a documented constant (and why).</summary>
public sealed record ThresholdUsed(string Name, string Value, bool Estimated, string Basis);

/// <summary>Every threshold a run used, for the report's method section and detection.json.</summary>
internal static class ThresholdsUsedBuilder
{
    public static IReadOnlyList<ThresholdUsed> Build(DetectionOptions o, CoordinationNetwork network, ShiftPatternDetector? shifts)
    {
        var lshRecall = 1 - Math.Pow(1 - Math.Pow(o.JaccardThreshold, o.LshRows), o.LshBands);
        var list = new List<ThresholdUsed>
        {
            new("shortest text", Inv($"{o.MinTokens} words, {o.MinCjkChars} CJK characters"), false,
                "shorter texts recur between strangers by chance (\"so true\", \"thanks for sharing\"): a copy of them proves nothing"),
            new("near-duplicate", Inv($"Jaccard ≥ {o.JaccardThreshold:0.00} of word {o.WordShingleSize}-shingles or of character {Text.TextFeaturizer.CharacterShingleSize}-grams, or containment ≥ {o.ContainmentThreshold:0.00} of word shingles with ≥ {o.MinContainmentShingles} shingles"), false,
                "resemblance and containment as Broder (1997, \"On the resemblance and containment of documents\") defines them; 0.8 keeps copies with a few edits or decorations and keeps apart texts that only share a topic; character 3-grams (the q-grams of Gravano et al. 2001's approximate string joins) keep a copy with a typo every few words, which loses two word shingles a slip"),
            new("LSH", Inv($"{o.LshBands} bands × {o.LshRows} rows of 128 MinHashes"), false,
                Inv($"a pair at the threshold becomes a candidate with probability 1-(1-J^r)^b = {lshRecall:0.0000}; candidates are verified on the real similarity")),
            new("link/image concentration", Inv($"≥ {o.MinShareConcentration:0.00} of its posts within {WindowLabel.Of(o.LinkConcentrationWindow)} (links) / {WindowLabel.Of(o.ImageConcentrationWindow)} (images)"), false,
                "big news and memes spread over days among strangers; a campaign posts its link in a burst"),
            new("widely shared key", Inv($"≥ {o.ViralMinAccounts} accounts: ties only repeat co-sharers"), false,
                "CooRnet's rule that coordination is repeated co-sharing (Giglietto et al. 2020): popularity alone ties no stranger"),
            new("image match", Inv($"PDQ Hamming ≤ {o.PdqMaxDistance}, quality ≥ {o.PdqMinQuality}"), false,
                "the PDQ authors' recommended match distance and quality floor (Facebook ThreatExchange, hashing/pdq)"),
            new("coordination window", WindowLabel.Of(network.Window), network.WindowEstimated,
                network.WindowEstimated
                    ? "estimated from this archive as CooRnet does: the 0.1 quantile, over chains, of the time until half of a chain's accounts had posted"
                    : "set in the options"),
            new("repeated", Inv($"≥ {o.MinEdgeWeight} shared chains (co-posting within the window, or co-appearing at all)"), false,
                "once is chance; \"repeatedly\" is at least twice"),
            new("team size", Inv($"co-appearances counted in chains of ≤ {Network.CoordinationNetworkBuilder.MaxTeam} accounts"), false,
                "a chain shared by more accounts is popular content, not one team; its pairs count only within the window (and pairs grow as the square)"),
            new("community", Inv($"≥ {o.MinCommunitySize} accounts"), false, "a pair is a coincidence or a friendship; a team is three or more"),
            new("language switch", Inv($"≥ {o.LanguageMinSegment} posts a side, dominance ≥ {o.LanguageMinDominance:0.00} before and ≤ {1 - o.LanguageMinDominance:0.00} after, topic overlap ≤ 0.2 or dormant ≥ {o.DormancyGap.TotalDays:0} days or a silence the account's own pace makes improbable ((n-1)·e^(-rate·gap) < {LanguageSwitchDetector.DormancyLevel})"), false,
                "five posts a side keep one mislabelled post from making a switch; dominance 0.8 tolerates one in five"),
            new("off-topic replies", Inv($"≥ {o.OffTopicMinRepeats} near-identical replies under different posts"), false, "the same message dropped under three unrelated posts is a pattern, not a conversation"),
        };

        if (shifts is not null)
        {
            list.Add(new ThresholdUsed("shift evidence", Inv($"-log10 chance ≥ {shifts.MinEvidence:0.00} ({shifts.Tested:N0} accounts tested)"), true,
                Inv($"Holm's step-down procedure (Holm 1979) over the accounts tested at family-wise error {ShiftPatternDetector.FamilyAlpha}: fewer than one ordinary account in twenty archives flagged; each flag's confidence = 1 - its Holm-adjusted chance")));
            list.Add(new ThresholdUsed("ordinary rest-day share", Inv($"{shifts.OrdinaryRestShare:0.000}"), true,
                Inv($"ordinary accounts' share of sittings on their two quietest consecutive days, from this archive; a shift worker's rest days hold at most {ShiftPatternDetector.MaxRestRatio:0.0} of that (an effect size, not a significance level: near-silence on the rest days; the figure below shows where it falls among this archive's accounts)")));
            list.Add(new ThresholdUsed("break", Inv($"≥ {ShiftPatternDetector.MinBreakMinutes} minutes; sittings {ShiftPatternDetector.SittingGapMinutes} minutes apart"), false,
                "30 minutes is the statutory rest break of a 6-9 hour working day (Germany's ArbZG §4, under EU Directive 2003/88/EC art. 4)"));
            list.Add(new ThresholdUsed("shift group match", Inv($"-log10 chance ≥ {shifts.GroupMinEvidence:0.00} ({shifts.GroupAccounts:N0} accounts the first stage did not flag × {shifts.GroupsTested} groups with a shared break (of {shifts.GroupsFound} found) = {shifts.GroupTests:N0} tests; {shifts.GroupFlagged} flagged)"), true,
                Inv($"second stage: each account the first stage did not flag, tested against the working week of each shift group it found (the quarter hours any member works in on the group's working days), a hypothesis fixed before the account is looked at; its chance is an ordinary account's share of that week (archive or platform, the larger) to the power of its sittings, every sitting inside and none in the group's breaks, nights or rest days; Holm at family-wise error {ShiftPatternDetector.FamilyAlpha} over the pairs (each stage holds 5%: at most 10% for both, and 5% when no account is a shift worker, as the second stage runs only after the first has flagged)")));
            list.Add(new ThresholdUsed("shift floor", Inv($"{o.ShiftMinPosts} sittings"), false, "with fewer, no schedule can clear the estimated evidence bar"));
        }

        return list;
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
