using System.Text.Json;
using Collector.Parsers.Layers;
using Collector.Parsers.Tests.Platforms;

namespace Collector.Parsers.Tests.Layers;

/// <summary>
/// The drift guard on real pages: for every post every reader reads from every real capture (the captures the
/// hand-read expected files name), <c>parse --explain</c> names where each field it has came from: a layer and a
/// JSON path or selector, not the bare layer. A reader added without its field paths fails here.
/// </summary>
public class ExplainCoverageTests
{
    public static TheoryData<string> PlatformFolders()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.EnumerateDirectories(Path.Combine(ExpectedPageCheck.RepoRoot(), "tests", "Collector.Parsers.Tests", "Platforms")).Order(StringComparer.Ordinal))
        {
            if (Directory.Exists(Path.Combine(dir, "Expected")))
            {
                data.Add(Path.GetFileName(dir));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PlatformFolders))]
    public void Parse_EveryRealCapture_NamesAPathForEveryFieldOfEveryPost(string folder)
    {
        var root = ExpectedPageCheck.RepoRoot();
        var fixtures = Path.GetFullPath(Path.Combine(root, "..", "shared", "fixtures"));
        Assert.SkipWhen(!Directory.Exists(fixtures), $"real captures absent: {fixtures} does not exist");
        var parser = BuiltInParsers.Create().Single(p => string.Equals(p.Platform, folder, StringComparison.OrdinalIgnoreCase));
        var missing = new List<(string File, string Field, string Line)>();
        var posts = 0;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "tests", "Collector.Parsers.Tests", "Platforms", folder, "Expected"), "*.json").Order(StringComparer.Ordinal))
        {
            using var expected = JsonDocument.Parse(File.ReadAllText(file));
            var fixture = Path.Combine(fixtures, expected.RootElement.GetProperty("fixture").GetString()!);
            if (!File.Exists(fixture))
            {
                continue;
            }

            var result = parser.Parse(new PageInput
            {
                Url = new Uri(expected.RootElement.GetProperty("url").GetString()!),
                Body = File.ReadAllText(fixture),
                ContentType = fixture.EndsWith(".json", StringComparison.Ordinal) ? "application/json" : "text/html",
            });
            foreach (var post in result.Posts)
            {
                posts++;
                var sources = result.FieldSources.GetValueOrDefault(post.Id);
                foreach (var (field, _) in ParseExplanation.Fields(post))
                {
                    var source = sources?.GetValueOrDefault(field) ?? (field.StartsWith("author.", StringComparison.Ordinal) ? sources?.GetValueOrDefault("author") : null);
                    if (source is null || !source.Contains(": ", StringComparison.Ordinal))
                    {
                        missing.Add((Path.GetFileName(file), field, $"{Path.GetFileName(file)} {post.Id} {field}: {source ?? "(no path)"}"));
                    }
                }
            }
        }

        Assert.SkipWhen(posts == 0, $"no real capture of {folder} present in {fixtures}");
        Assert.True(missing.Count == 0, $"{missing.Count} fields without a path, e.g.:\n{string.Join("\n", missing.DistinctBy(m => (m.File, m.Field)).Take(40).Select(m => m.Line))}");
    }
}
