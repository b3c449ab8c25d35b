using System.Diagnostics;
using System.Globalization;
using Collector.Detection;
using Collector.Detection.Synthetic;
using Collector.Detection.Worlds.Independent;

namespace Collector.Bench;

/// <summary>
/// Detection quality on both synthetic worlds, five seeds each: the old world (written with the detector) scored by its
/// own scorer, and the independent world (written without looking at the detector) by the B-cubed scorer.
/// usage: worlds [--seeds 11,23,37,41,59] [--old-posts 10000]
/// </summary>
public static class WorldsBench
{
    public static Task<int> RunAsync(string[] args)
    {
        int[] seeds = [11, 23, 37, 41, 59];
        var oldPosts = 10_000;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--seeds": seeds = [.. args[++i].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))]; break;
                case "--old-posts": oldPosts = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default:
                    Console.Error.WriteLine($"worlds bench: unknown argument '{args[i]}'");
                    Console.Error.WriteLine("usage: worlds [--seeds 11,23,37,41,59] [--old-posts 10000]");
                    return Task.FromResult(2);
            }
        }

        string[] flags = [AccountFlags.ShiftPattern, AccountFlags.LanguageSwitch, AccountFlags.OffTopicReplies, AccountFlags.Coordinated];
        foreach (var seed in seeds)
        {
            var world = WorldGenerator.Generate(WorldOptions.ForPosts(oldPosts, seed));
            var result = DetectionEngine.Run(world.Posts);
            Console.WriteLine(Inv($"old world seed {seed}, {world.Posts.Count:N0} posts: chains {TruthScorer.Chains(result, world.Truth)}; ")
                + string.Join("; ", flags.Select(f => $"{f} {TruthScorer.Flag(result, world.Truth, f)}")));
        }

        foreach (var seed in seeds)
        {
            var clock = Stopwatch.StartNew();
            var world = IndependentWorldGenerator.Generate(new IndependentWorldOptions { Seed = seed });
            var result = DetectionEngine.Run(world.Posts);
            var score = WorldScore.Of(result, world.Record);
            Console.WriteLine(Inv($"independent world seed {seed}, {world.Posts.Count:N0} posts, {world.Record.Accounts.Count:N0} accounts ({clock.Elapsed.TotalSeconds:0.0} s): {score}"));
            foreach (var decoy in score.DecoysFlagged)
            {
                Console.WriteLine("  decoy flagged: " + decoy);
            }
        }

        return Task.FromResult(0);
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
