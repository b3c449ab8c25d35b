using Collector.Detection;
using Collector.Detection.Output;

namespace Collector.Web.Tests;

/// <summary>
/// The small archive with a detection output written by the detector's own writers: one chain (p1 then its reply p3),
/// one flagged account (handle_p1, a language switch citing p1) and one network edge.
/// </summary>
public sealed class DetectionFixture : ServeFixture
{
    protected override bool AllowActions => true;

    protected override async Task<string?> WriteDetectionAsync(string folder)
    {
        var dir = Path.Combine(folder, "detect-out");
        var t = SmallArchive.T0;
        var chain = new RepostChain
        {
            Id = "chain-1",
            Origin = new PostRef("reddit", "p1"),
            Posts =
            [
                new ChainPost { Platform = "reddit", Id = "p1", PublishedAt = t, Author = "handle_p1", Role = "origin", MatchedBy = ["text"] },
                new ChainPost { Platform = "reddit", Id = "p3", PublishedAt = t.AddHours(1), Author = "handle_p3", Role = "repost", MatchedBy = ["text"] },
            ],
            Platforms = ["reddit"],
            CrossPlatform = false,
            SpreadSeconds = 3600,
        };
        var evidence = new EvidencePost("reddit", "p1", t, null, null);
        var account = new AccountFinding
        {
            Platform = "reddit",
            Handle = "handle_p1",
            Flags = [AccountFlags.LanguageSwitch],
            Evidence = new AccountEvidence
            {
                PostCount = 1,
                HourOfDay = new int[24],
                Weekday = new int[7],
                LanguageSwitch = new LanguageSwitchEvidence
                {
                    LanguageBefore = "es", LanguageAfter = "en", DominanceBefore = 1, DominanceAfter = 1, SwitchedAt = t, DormantDays = 30,
                    TopicOverlap = 0.1, TopicBefore = [], TopicAfter = [], LastBefore = [], FirstAfter = [evidence],
                },
            },
        };
        var result = new DetectionResult
        {
            Chains = [chain],
            Accounts = [account],
            Network = new CoordinationNetwork
            {
                Window = TimeSpan.FromHours(1), WindowEstimated = false, ReportWindows = [TimeSpan.FromHours(1)], MinEdgeWeight = 1,
                Nodes = [new NetworkNode("reddit:handle_p1", "reddit", "handle_p1", 0, 1, 1), new NetworkNode("reddit:handle_p3", "reddit", "handle_p3", 0, 1, 1)],
                Edges = [new NetworkEdge { Source = "reddit:handle_p1", Target = "reddit:handle_p3", Weight = 1, WeightsByWindow = [1], Chains = ["chain-1"] }],
                Communities = [new Community(0, ["reddit:handle_p1", "reddit:handle_p3"], ["reddit"], 1)],
            },
            Stats = new DetectionStats(),
            TimeZone = "UTC",
            PlatformHourProfiles = new Dictionary<string, double[]> { ["reddit"] = new double[24] },
        };
        await DetectionWriters.WriteAllAsync(result, dir);
        return dir;
    }
}
