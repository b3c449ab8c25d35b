using Collector.Detection.Worlds.Independent;

namespace Collector.Detection.Tests;

/// <summary>
/// Detection against a world written without looking at the detector (bench/Collector.Detection.Worlds/Independent):
/// the bar for chains, origins and decoys on every seed (the account flags' figures are printed).
/// </summary>
public sealed class IndependentWorldTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(11)]
    [InlineData(23)]
    [InlineData(37)]
    public void Run_IndependentWorld_ChainsOriginsAndDecoysMeetTheBar(int seed)
    {
        var world = IndependentWorldGenerator.Generate(new IndependentWorldOptions { Seed = seed });
        var result = DetectionEngine.Run(world.Posts);
        var score = WorldScore.Of(result, world.Record);
        output.WriteLine($"seed {seed}: {world.Posts.Count} posts, {world.Record.Accounts.Count} accounts");
        output.WriteLine(score.ToString());
        foreach (var decoy in score.DecoysFlagged)
        {
            output.WriteLine("decoy flagged: " + decoy);
        }

        Assert.True(score.ChainRecall >= 0.95, $"chain recall: {score}");
        Assert.True(score.ChainPrecision >= 0.95, $"chain precision: {score}");
        Assert.True(score.OriginAccuracy >= 0.9, $"origins: {score}");
        Assert.Empty(score.DecoysFlagged);
    }
}
