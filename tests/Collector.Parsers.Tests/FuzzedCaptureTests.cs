using Collector.Model;
using Collector.Parsers.Tests.Platforms;

namespace Collector.Parsers.Tests;

/// <summary>
/// Every platform parser, fed its real captures mutated (cut short, bytes flipped, brackets nested deep, a slice
/// duplicated), never reaches the parser base's catch-all: a crash is a bug, even though production would survive it.
/// A modest number of mutations per capture here (seeded, so a failure repeats); bench/ runs 10,000 per platform.
/// </summary>
public class FuzzedCaptureTests
{
    private const int MutationsPerCapture = 12;

    public static TheoryData<string> Platforms()
    {
        var data = new TheoryData<string>();
        foreach (var parser in BuiltInParsers.Create())
        {
            data.Add(parser.Platform);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Platforms))]
    public void Parse_MutatedRealCaptures_NeverReachCatchAll(string platform)
    {
        var fixtures = Path.GetFullPath(Path.Combine(ExpectedPageCheck.RepoRoot(), "..", "shared", "fixtures"));
        Assert.SkipWhen(!Directory.Exists(fixtures), $"real captures absent: {fixtures} does not exist");
        var folder = Path.Combine(fixtures, platform == "x" ? "twitter" : platform);
        Assert.SkipWhen(!Directory.Exists(folder), $"no captures for {platform} in {fixtures}");
        var parser = BuiltInParsers.Create().Single(p => p.Platform == platform);
        var random = new Random(19);
        var urls = CaptureUrls.Read(ExpectedPageCheck.RepoRoot());
        var crashes = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder).Where(f => f.EndsWith(".html", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var body = File.ReadAllText(file);
            for (var i = 0; i < MutationsPerCapture; i++)
            {
                var (name, mutated) = CaptureMutator.Mutate(body, random);
                var url = CaptureUrls.For(urls, $"{Path.GetFileName(folder)}/{Path.GetFileName(file)}", i);
                var result = parser.Parse(new PageInput { Url = url, Body = mutated, ContentType = file.EndsWith(".json", StringComparison.Ordinal) ? "application/json" : "text/html" });
                if (result.ParseError is not null)
                {
                    crashes.Add($"{Path.GetFileName(file)} {name} at {url}: {result.ParseError}");
                }
            }
        }

        Assert.True(crashes.Count == 0, string.Join("\n", crashes.Take(10)));
    }
}
