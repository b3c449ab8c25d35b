using Collector.Detection.Worlds.Independent;

namespace Collector.Detection.Tests;

/// <summary>Five seeds of the independent world, each generated and detected once for the whole class.</summary>
public sealed class IndependentWorldRuns
{
    public static readonly int[] Seeds = [11, 23, 37, 41, 59];

    public IndependentWorldRuns()
    {
        foreach (var seed in Seeds)
        {
            var world = IndependentWorldGenerator.Generate(new IndependentWorldOptions { Seed = seed });
            var result = DetectionEngine.Run(world.Posts);
            Scores[seed] = (world, WorldScore.Of(result, world.Record));
        }
    }

    public Dictionary<int, (IndependentWorld World, WorldScore Score)> Scores { get; } = [];
}

/// <summary>
/// Detection against a world written without looking at the detector (bench/Collector.Detection.Worlds/Independent):
/// the issue's bar on every seed, not pooled. Chains (B-cubed precision and recall ≥ 0.95), origins (≥ 0.9), no decoy
/// flagged, and each account flag's F1 ≥ 0.9 on each seed and over the five. The shift flag reaches it on seeds 37 and
/// 59 through its second stage (workers with 9-20 sittings tested against the working week of a shift group the first
/// stage found; see bench/README.md), not through a lower bar.
/// </summary>
public sealed class IndependentWorldTests(IndependentWorldRuns runs, ITestOutputHelper output) : IClassFixture<IndependentWorldRuns>
{
    private static readonly string[] AllFlags = [AccountFlags.ShiftPattern, AccountFlags.LanguageSwitch, AccountFlags.OffTopicReplies, AccountFlags.Coordinated];

    public static TheoryData<int> Seeds => new(IndependentWorldRuns.Seeds);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Run_IndependentWorld_ChainsOriginsAndDecoysMeetTheBarOnEachSeed(int seed)
    {
        var (world, score) = runs.Scores[seed];
        output.WriteLine($"seed {seed}: {world.Posts.Count} posts, {world.Record.Accounts.Count} accounts");
        output.WriteLine(score.ToString());

        Assert.True(score.ChainRecall >= 0.95, $"chain recall: {score}");
        Assert.True(score.ChainPrecision >= 0.95, $"chain precision: {score}");
        Assert.True(score.OriginAccuracy >= 0.9, $"origins: {score}");
        Assert.Empty(score.DecoysFlagged);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Run_IndependentWorld_EachFlagF1MeetsTheBarOnEachSeed(int seed)
    {
        var score = runs.Scores[seed].Score;
        foreach (var flag in AllFlags)
        {
            var f = score.Flags[flag];
            output.WriteLine($"seed {seed} {flag}: {f}");
            Assert.True(F1(f) >= 0.9, $"seed {seed} {flag}: {f}");
        }
    }

    [Theory]
    [InlineData(AccountFlags.ShiftPattern)]
    [InlineData(AccountFlags.LanguageSwitch)]
    [InlineData(AccountFlags.OffTopicReplies)]
    [InlineData(AccountFlags.Coordinated)]
    public void Run_IndependentWorld_EachFlagF1AtLeast0_9OverFiveSeeds(string flag)
    {
        var scores = runs.Scores.Values.Select(r => r.Score.Flags[flag]).ToList();
        var pooled = new FlagScore(scores.Sum(s => s.TruePositives), scores.Sum(s => s.FalsePositives), scores.Sum(s => s.FalseNegatives));
        output.WriteLine($"{flag}: pooled {pooled}; per seed {string.Join(", ", scores)}");

        Assert.True(pooled.TruePositives >= 10, $"{flag}: the world plants enough accounts to judge ({pooled})");
        Assert.True(F1(pooled) >= 0.9, $"{flag}: {pooled}");
    }

    /// <summary>F1 as 2TP / (2TP + FP + FN): exact in floating point where P = R = 0.9 (18 / 20).</summary>
    private static double F1(FlagScore f) =>
        f.TruePositives + f.FalsePositives + f.FalseNegatives == 0 ? 1 : 2.0 * f.TruePositives / ((2.0 * f.TruePositives) + f.FalsePositives + f.FalseNegatives);
}
