using Collector.Detection.Synthetic;

namespace Collector.Detection.Tests;

public sealed class SyntheticWorldTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(7)]
    [InlineData(1234)]
    public void Run_SyntheticWorld_ChainsAndFlagsMatchTruth(int seed)
    {
        var world = WorldGenerator.Generate(WorldOptions.ForPosts(10_000, seed));
        var result = DetectionEngine.Run(world.Posts);

        var chains = TruthScorer.Chains(result, world.Truth);
        var pairs = TruthScorer.Pairs(result, world.Truth);
        output.WriteLine($"posts {world.Posts.Count}, chains {chains}, pairs {pairs}");
        foreach (var flag in new[] { AccountFlags.ShiftPattern, AccountFlags.LanguageSwitch, AccountFlags.OffTopicReplies, AccountFlags.Coordinated })
        {
            var score = TruthScorer.Flag(result, world.Truth, flag);
            output.WriteLine($"{flag}: {score}");
            Assert.True(score.Expected > 0, flag + " has planted accounts");
            Assert.True(score.Precision >= 0.9 && score.Recall >= 0.9, $"{flag}: {score}");
        }

        output.WriteLine(string.Join(", ", result.Stats.StageSeconds.Select(kv => $"{kv.Key}={kv.Value}s")));
        Assert.True(chains.Precision >= 0.9, $"chain precision {chains}");
        Assert.True(chains.Recall >= 0.9, $"chain recall {chains}");
    }
}
