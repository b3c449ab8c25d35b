using System.Diagnostics;
using System.Globalization;
using Collector.Parsers;
using Collector.Parsers.Tests;

namespace Collector.Bench;

/// <summary>
/// The opt-in fuzz run: every platform parser gets N mutations (default 10,000) of its real captures in ../shared/fixtures
/// (truncations, byte flips, deep nesting, duplicated and removed slices; seeded, so a crash repeats) and must never reach
/// the parser base's catch-all (<see cref="ParseResult.ParseError"/>). Prints per platform the mutations, seconds, and every
/// distinct crash. Each capture is read under its own URL (from its expected file) and under a foreign host in turn
/// (<see cref="CaptureUrls"/>). Usage: fuzz [--mutations N] [--platform P] [--seed S]. Exit 1 when any parser crashed.
/// </summary>
public static class FuzzBench
{
    public static Task<int> RunAsync(string[] args)
    {
        var mutations = BenchSupport.Number(args, "--mutations", 10_000);
        var seed = BenchSupport.Number(args, "--seed", 19);
        var only = args.SkipWhile(a => a != "--platform").Skip(1).FirstOrDefault();
        var fixtures = BenchSupport.Shared("fixtures");
        if (fixtures is null)
        {
            Console.Error.WriteLine("fuzz bench: ../shared/fixtures not found next to the repository");
            return Task.FromResult(2);
        }

        var crashed = 0;
        foreach (var parser in BuiltInParsers.Create().Where(p => only is null || p.Platform == only))
        {
            var folder = Path.Combine(fixtures, parser.Platform == "x" ? "twitter" : parser.Platform);
            var files = Directory.Exists(folder)
                ? Directory.EnumerateFiles(folder).Where(f => f.EndsWith(".html", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList()
                : [];
            if (files.Count == 0)
            {
                Console.WriteLine($"{parser.Platform,-10} no captures");
                continue;
            }

            var bodies = files.Select(f => (Name: Path.GetFileName(f), Body: File.ReadAllText(f), Json: f.EndsWith(".json", StringComparison.Ordinal))).ToList();
            var urls = BenchSupport.RepositoryRoot() is { } repo ? CaptureUrls.Read(repo) : new Dictionary<string, Uri>();
            var random = new Random(seed);
            var crashes = new Dictionary<string, string>(StringComparer.Ordinal);
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < mutations; i++)
            {
                var (name, body, json) = bodies[i % bodies.Count];
                var (mutation, mutated) = CaptureMutator.Mutate(body, random);
                var url = CaptureUrls.For(urls, $"{Path.GetFileName(folder)}/{name}", i / bodies.Count);
                var result = parser.Parse(new PageInput { Url = url, Body = mutated, ContentType = json ? "application/json" : "text/html" });
                if (result.ParseError is { } error)
                {
                    var cut = error.IndexOf(" at ", StringComparison.Ordinal);
                    crashes.TryAdd(cut < 0 ? error : error[..cut], $"{name} {mutation} at {url}; {(cut < 0 ? "" : error[(cut + 1)..])}");
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{parser.Platform,-10} {mutations,7} mutations of {bodies.Count} captures in {watch.Elapsed.TotalSeconds,6:F1} s: {crashes.Count} distinct crashes"));
            foreach (var (error, example) in crashes)
            {
                Console.WriteLine($"    {error}  (e.g. {example})");
            }

            crashed += crashes.Count;
        }

        return Task.FromResult(crashed == 0 ? 0 : 1);
    }
}
