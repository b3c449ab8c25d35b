using System.Diagnostics;
using System.Globalization;
using Collector.Parsers;
using Collector.Parsers.Common;
using Lingua;

namespace Collector.Bench;

/// <summary>
/// Language detection speed: the texts of every post in ../shared/fixtures, each detected (a) as the parsers do it
/// (<see cref="LanguageDetection.Resolve"/>: script rules, then the table scorers checked against Lingua at load) and (b)
/// through Lingua's public API alone (<c>DetectLanguageOf</c> on the same detector). Prints samples/s of both and how
/// often they agree (they must: the scorers stand down when they do not). Usage: language [--rounds N].
/// </summary>
public static class LanguageBench
{
    public static Task<int> RunAsync(string[] args)
    {
        var rounds = BenchSupport.Number(args, "--rounds", 3);
        var fixtures = BenchSupport.Shared("fixtures");
        if (fixtures is null)
        {
            Console.Error.WriteLine("language bench: ../shared/fixtures not found next to the repository");
            return Task.FromResult(2);
        }

        var registry = ParserRegistry.CreateDefault();
        var samples = new List<string>();
        foreach (var file in Directory.EnumerateFiles(fixtures, "*.*", SearchOption.AllDirectories).Where(f => f.EndsWith(".html", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal)))
        {
            var platform = Path.GetFileName(Path.GetDirectoryName(file)!) is "twitter" ? "x" : Path.GetFileName(Path.GetDirectoryName(file)!);
            if (registry.ForPlatform(platform) is null)
            {
                continue;
            }

            var page = new PageInput { Url = new Uri("https://www.example.com/p/x/"), Body = File.ReadAllText(file), ContentType = file.EndsWith(".json", StringComparison.Ordinal) ? "application/json" : "text/html" };
            samples.AddRange(registry.Parse(page, platform).Posts.Select(p => p.Text).OfType<string>()
                .Select(LanguageDetection.Sample).Where(s => s.Length >= LanguageDetection.MinimumLength));
        }

        // Warm-up: models and tables load once (and the scorers' agreement check runs).
        foreach (var sample in samples)
        {
            LanguageDetection.Resolve(sample);
            LanguageDetection.DetectorFor(sample).DetectLanguageOf(sample);
        }

        var ours = Time(rounds, samples, s => LanguageDetection.Resolve(s));
        var lingua = Time(rounds, samples, s => LanguageDetection.DetectorFor(s).DetectLanguageOf(s));
        var agree = samples.Count(s =>
        {
            var a = LanguageDetection.Resolve(s);
            var b = LanguageDetection.DetectorFor(s).DetectLanguageOf(s);
            return a == (b == Language.Unknown ? null : b.IsoCode6391().ToString().ToLowerInvariant());
        });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{samples.Count} samples (post texts of the fixtures, cut as the parsers cut them)\nparsers' path (scripts, checked tables): {ours,10:F0} samples/s\nLingua public API alone:                 {lingua,10:F0} samples/s\nagreement: {agree}/{samples.Count}"));
        return Task.FromResult(0);
    }

    private static double Time(int rounds, List<string> samples, Action<string> detect)
    {
        var watch = Stopwatch.StartNew();
        for (var r = 0; r < rounds; r++)
        {
            foreach (var sample in samples)
            {
                detect(sample);
            }
        }

        return rounds * samples.Count / Math.Max(watch.Elapsed.TotalSeconds, 1e-6);
    }
}
