using System.Diagnostics;
using System.Globalization;
using Collector.Detection;
using Collector.Detection.Synthetic;
using Collector.Detection.Text;

namespace Collector.Bench;

/// <summary>
/// Detection speed, memory and near-duplicate recall: generates synthetic worlds (default 100k and 1M posts), runs the
/// whole detection on each and prints posts/s, stage times and the process's peak memory; then checks the MinHash/LSH
/// text grouping against an exhaustive search on a random sample (default 20k posts).
/// Target on the 2-core machine: 1M posts in 60 s or less within 4 GB, recall 0.95 or more.
/// usage: detection [--posts 100000,1000000] [--sample 20000] [--seed 42]
/// </summary>
public static class DetectionBench
{
    public static Task<int> RunAsync(string[] args)
    {
        var sizes = new List<int> { 100_000, 1_000_000 };
        var sample = 20_000;
        var seed = 42;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--posts":
                    sizes = [.. args[++i].Split(',').Select(s => int.Parse(s.Replace("_", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture))];
                    break;
                case "--sample": sample = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--seed": seed = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default:
                    Console.Error.WriteLine($"detection bench: unknown argument '{args[i]}'");
                    Console.Error.WriteLine("usage: detection [--posts 100000,1000000] [--sample 20000] [--seed 42]");
                    return Task.FromResult(2);
            }
        }

        var ok = true;
        SyntheticWorld? last = null;
        foreach (var size in sizes.Order())
        {
            last = null;
            GC.Collect();
            var generate = Stopwatch.StartNew();
            var world = WorldGenerator.Generate(WorldOptions.ForPosts(size, seed));
            generate.Stop();
            GC.Collect();
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var run = Stopwatch.StartNew();
            var result = DetectionEngine.Run(world.Posts);
            run.Stop();
            var peak = Process.GetCurrentProcess().PeakWorkingSet64;
            var chains = TruthScorer.Chains(result, world.Truth);
            Console.WriteLine(Inv($"detection {world.Posts.Count:N0} posts: {run.Elapsed.TotalSeconds:0.0} s = {world.Posts.Count / run.Elapsed.TotalSeconds:N0} posts/s (world generated in {generate.Elapsed.TotalSeconds:0.0} s, {before / 1048576.0:N0} MB)"));
            Console.WriteLine("  stages (wall): " + string.Join(", ", result.Stats.StageSeconds.Select(kv => Inv($"{kv.Key} {kv.Value:0.00}s"))));
            Console.WriteLine("  stages (cpu):  " + string.Join(", ", result.Stats.StageCpuSeconds.Select(kv => Inv($"{kv.Key} {kv.Value:0.00}s"))));
            Console.WriteLine(Inv($"  peak working set {peak / 1048576.0:N0} MB; {result.Chains.Count:N0} chains, {result.Network.Nodes.Count:N0} network accounts, {result.Accounts.Count:N0} flagged"));
            Console.WriteLine(Inv($"  chains vs truth: {chains}"));
            foreach (var flag in new[] { AccountFlags.ShiftPattern, AccountFlags.LanguageSwitch, AccountFlags.OffTopicReplies, AccountFlags.Coordinated })
            {
                Console.WriteLine(Inv($"  {flag} vs truth: {TruthScorer.Flag(result, world.Truth, flag)}"));
            }

            if (size >= 1_000_000)
            {
                var inTime = run.Elapsed.TotalSeconds <= 60;
                var inMemory = peak <= 4L * 1024 * 1024 * 1024;
                Console.WriteLine($"  target 1M posts <= 60 s: {(inTime ? "met" : "MISSED")}; within 4 GB: {(inMemory ? "met" : "MISSED")}");
                ok &= inTime && inMemory;
            }

            last = world;
        }

        if (last is not null && sample > 0)
        {
            ok &= Recall(last, sample, seed);
        }

        return Task.FromResult(ok ? 0 : 1);
    }

    /// <summary>Near-duplicate recall: pairs the exhaustive search finds that the LSH grouping also puts together.</summary>
    private static bool Recall(SyntheticWorld world, int sample, int seed)
    {
        var random = new Random(seed);
        var texts = world.Posts.OrderBy(_ => random.Next()).Take(sample).Select(p => p.Post.Text).ToList();

        // A uniform sample of a big world holds few copies of one item; add whole planted items so the pairs are many.
        var byId = world.Posts.ToDictionary(p => (p.Post.Platform, p.Post.Id));
        foreach (var item in world.Truth.Chains.Values.Take(Math.Max(50, sample / 100)))
        {
            texts.AddRange(item.Select(p => byId[(p.Platform, p.Id)].Post.Text));
        }

        var clock = Stopwatch.StartNew();
        var groups = TextMatching.Group(texts);
        var lsh = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var exhaustive = TextMatching.ExhaustivePairs(texts);
        var brute = clock.Elapsed.TotalSeconds;
        var found = exhaustive.Count(p => groups[p.A] >= 0 && groups[p.A] == groups[p.B]);
        var recall = exhaustive.Count == 0 ? 1 : (double)found / exhaustive.Count;
        Console.WriteLine(Inv($"near-duplicate recall on {texts.Count:N0} texts: {recall:0.0000} ({found:N0} of {exhaustive.Count:N0} exhaustive pairs; LSH {lsh:0.00} s, exhaustive {brute:0.00} s); target 0.95: {(recall >= 0.95 ? "met" : "MISSED")}"));
        return recall >= 0.95;
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
