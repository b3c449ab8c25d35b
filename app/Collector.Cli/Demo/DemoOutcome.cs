using System.Globalization;
using System.Text;
using Collector.Detection;
using Collector.Model;
using Collector.Simulator.World;
using Collector.Storage;

namespace Collector.Cli.Demo;

/// <summary>What the demo did, checked against the simulated world's ground truth, as a short summary.</summary>
public sealed record DemoOutcome
{
    public required string Summary { get; init; }

    /// <summary>True when the archive verified, the evidence packages hold, and a planted chain was found across platforms.</summary>
    public required bool Ok { get; init; }

    public required string ReportPath { get; init; }

    public required DemoCheck Check { get; init; }

    public static async Task<DemoOutcome> SummarizeAsync(
        IArchive archive, DetectionResult result, GroundTruth truth, IReadOnlyList<CycleReport> changes, ArchiveVerification verification,
        IReadOnlyList<string> tokenProblems, string reportDir, string wacz, bool waczOk, string? bundle, bool bundleOk, CancellationToken cancellationToken)
    {
        var byPlatform = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var authors = new Dictionary<string, string?>(StringComparer.Ordinal);
        await foreach (var post in archive.QueryPostsAsync(new PostQuery(), cancellationToken))
        {
            byPlatform[post.Post.Platform] = byPlatform.GetValueOrDefault(post.Post.Platform) + 1;
            authors[post.Post.Key.ToString()] = post.Post.Author?.Handle ?? post.Post.Author?.Id ?? post.Post.Author?.Name;
        }

        var detection = DemoDetectionCheck.Of(result, truth, authors);
        var check = await DemoCheck.RunAsync(archive, changes, cancellationToken) with { Detection = detection };
        await File.WriteAllTextAsync(Path.Combine(reportDir, DemoCheck.FileName), CollectorJson.Serialize(check), cancellationToken);

        var found = truth.Chains.Count(t => result.Chains.Any(c => Overlap(c, t) >= 2));
        var crossPlatform = result.Chains.Count(c => c.CrossPlatform);
        var edited = changes.Sum(c => c.Edited.Count);
        var deleted = changes.Sum(c => c.Deleted.Count);
        var report = Path.Combine(reportDir, "report.html");
        var s = new StringBuilder();
        s.AppendLine(CultureInfo.InvariantCulture, $"Collected   {byPlatform.Values.Sum()} posts: {string.Join(", ", byPlatform.Select(p => $"{p.Key} {p.Value}"))}");
        s.AppendLine(CultureInfo.InvariantCulture, $"Changed     {check.EditsNoticed} of the {check.EditsArchived} archived posts the world edited have a new version (it edited {edited}){Claims(check.SpuriousVersions, "with versions nobody made")}");
        var missedReplies = check.DeletionsMissed.Count(m => m.EndsWith("(comment)", StringComparison.Ordinal));
        var dropped = missedReplies > 0 ? $"; {missedReplies} were replies their thread dropped without a trace" : string.Empty;
        s.AppendLine(CultureInfo.InvariantCulture, $"Deleted     {check.DeletionsNoticed} of the {check.DeletionsArchived} archived posts the world deleted carry a tombstone (it deleted {deleted}){dropped}{Claims(check.FalseTombstones, "tombstoned though never deleted")}");
        s.AppendLine(CultureInfo.InvariantCulture, $"Chains      {result.Chains.Count} repost chains, {crossPlatform} across platforms; planted campaign chains found: {found} of {truth.Chains.Count}");
        foreach (var line in detection.Lines())
        {
            s.AppendLine(CultureInfo.InvariantCulture, $"  vs world  {line}");
        }

        foreach (var chain in result.Chains.Where(c => c.CrossPlatform).OrderByDescending(c => c.Posts.Count).Take(3))
        {
            s.AppendLine(CultureInfo.InvariantCulture, $"              {chain.Id}: {chain.Posts.Count} posts, {string.Join(" → ", chain.Platforms)}, spread over {TimeSpan.FromSeconds(chain.SpreadSeconds).TotalHours:0.#} h");
        }

        s.AppendLine(CultureInfo.InvariantCulture, $"Accounts    {result.Accounts.Count} flagged ({string.Join(", ", result.Accounts.SelectMany(a => a.Flags).GroupBy(f => f).Select(g => $"{g.Key} {g.Count()}"))})");
        s.AppendLine(CultureInfo.InvariantCulture, $"Verify      {(verification.IsClean ? "clean" : "PROBLEMS: " + string.Join("; ", verification.Problems.Take(3)))}: {verification.ArtifactsChecked} artifacts, {verification.CustodyEntries} custody entries; timestamps {(tokenProblems.Count == 0 ? "valid" : string.Join("; ", tokenProblems.Take(2)))}");
        s.AppendLine(CultureInfo.InvariantCulture, $"Evidence    {(waczOk ? wacz : "WACZ export failed")}; {(bundle is null ? "no cross-platform chain to bundle" : bundleOk ? bundle + " (verifies)" : "bundle failed")}");
        s.AppendLine(CultureInfo.InvariantCulture, $"Report      {report}");
        return new DemoOutcome
        {
            Summary = s.ToString(),
            Check = check,
            Ok = verification.IsClean && tokenProblems.Count == 0 && waczOk && bundleOk && crossPlatform > 0,
            ReportPath = report,
        };
    }

    private static string Claims(IReadOnlyList<string> keys, string what) =>
        keys.Count == 0 ? string.Empty : $"; {keys.Count} {what}: {string.Join(", ", keys.Take(3))}{(keys.Count > 3 ? ", ..." : string.Empty)}";

    private static int Overlap(RepostChain chain, CampaignChain truth)
    {
        var keys = truth.Posts.Select(p => p.ToString()).ToHashSet(StringComparer.Ordinal);
        return chain.Posts.Count(p => keys.Contains(new PostKey(p.Platform, p.Id).ToString()));
    }
}
