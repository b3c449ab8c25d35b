using System.Text.Json;

namespace Collector.Parsers.Tests;

/// <summary>
/// The URL each real capture was saved from, as its hand-read expected file names it (fixture path → url), so mutated
/// captures are also parsed under their own URL: the branches a permalink, a profile or a wall URL opens (subjects read
/// from the URL, permalink-only layers) get fuzzed too, not only a page under a foreign host.
/// </summary>
public static class CaptureUrls
{
    /// <summary>A foreign host: the page is read as a saved copy (origins rebased), with no subject in its URL.</summary>
    public static readonly Uri Foreign = new("https://www.example.com/p/x/");

    /// <summary>Fixture path relative to ../shared/fixtures ("tiktok/….html") → the URL it was captured from.</summary>
    public static IReadOnlyDictionary<string, Uri> Read(string repoRoot)
    {
        var urls = new Dictionary<string, Uri>(StringComparer.Ordinal);
        var platforms = Path.Combine(repoRoot, "tests", "Collector.Parsers.Tests", "Platforms");
        foreach (var file in Directory.Exists(platforms) ? Directory.EnumerateFiles(platforms, "*.json", SearchOption.AllDirectories) : [])
        {
            using var expected = JsonDocument.Parse(File.ReadAllText(file));
            var e = expected.RootElement;
            if (e.TryGetProperty("fixture", out var fixture) && e.TryGetProperty("url", out var url) && Uri.TryCreate(url.GetString(), UriKind.Absolute, out var uri))
            {
                urls.TryAdd(fixture.GetString()!, uri);
            }
        }

        return urls;
    }

    /// <summary>Mutation <paramref name="i"/> of a capture: under its own URL on even turns (when known), under <see cref="Foreign"/> on odd ones.</summary>
    public static Uri For(IReadOnlyDictionary<string, Uri> urls, string fixture, int i) =>
        i % 2 == 0 && urls.TryGetValue(fixture, out var own) ? own : Foreign;
}
