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

    public static async Task<DemoOutcome> SummarizeAsync(
        IArchive archive, DetectionResult result, GroundTruth truth, IReadOnlyList<CycleReport> changes, ArchiveVerification verification,
        IReadOnlyList<string> tokenProblems, string reportDir, string wacz, bool waczOk, string? bundle, bool bundleOk, CancellationToken cancellationToken)
    {
        var byPlatform = new SortedDictionary<string, int>(StringComparer.Ordinal);
        int versioned = 0, tombstoned = 0;
        await foreach (var post in archive.QueryPostsAsync(new PostQuery(), cancellationToken))
        {
            byPlatform[post.Post.Platform] = byPlatform.GetValueOrDefault(post.Post.Platform) + 1;
            versioned += post.VersionCount > 1 ? 1 : 0;
            tombstoned += post.Tombstone is null ? 0 : 1;
        }

        var found = truth.Chains.Count(t => result.Chains.Any(c => Overlap(c, t) >= 2));
        var crossPlatform = result.Chains.Count(c => c.CrossPlatform);
        var edited = changes.Sum(c => c.Edited.Count);
        var deleted = changes.Sum(c => c.Deleted.Count);
        var report = Path.Combine(reportDir, "report.html");
        var s = new StringBuilder();
        s.AppendLine(CultureInfo.InvariantCulture, $"Collected   {byPlatform.Values.Sum()} posts: {string.Join(", ", byPlatform.Select(p => $"{p.Key} {p.Value}"))}");
        s.AppendLine(CultureInfo.InvariantCulture, $"Changed     {versioned} posts have more than one version (the world edited {edited})");
        s.AppendLine(CultureInfo.InvariantCulture, $"Deleted     {tombstoned} posts carry a tombstone (the world deleted {deleted})");
        s.AppendLine(CultureInfo.InvariantCulture, $"Chains      {result.Chains.Count} repost chains, {crossPlatform} across platforms; planted campaign chains found: {found} of {truth.Chains.Count}");
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
            Ok = verification.IsClean && tokenProblems.Count == 0 && waczOk && bundleOk && crossPlatform > 0,
            ReportPath = report,
        };
    }

    private static int Overlap(RepostChain chain, CampaignChain truth)
    {
        var keys = truth.Posts.Select(p => p.ToString()).ToHashSet(StringComparer.Ordinal);
        return chain.Posts.Count(p => keys.Contains(new PostKey(p.Platform, p.Id).ToString()));
    }
}
