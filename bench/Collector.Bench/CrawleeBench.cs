using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Collector.Bench;

/// <summary>
/// `crawlee`: Collector against Crawlee on the shared bench site, through ../shared/bench/compare.sh as shipped (same
/// generated site, same server, same machine, in turn). It calls compare.sh one round at a time, because the script's
/// own clean-up between rounds stops at Collector's artifact folder, and prints per round both engines' pages/s and
/// peak memory (Crawlee's process RSS at its end, Collector's process peak RSS), then the median ratio per mode
/// against its target (HTTP 2x, browser 1.5x).
/// usage: crawlee [--mode http|browser|both] [--rounds N] [--http-lists N] [--browser-lists N]
/// </summary>
public static class CrawleeBench
{
    private static readonly Dictionary<string, double> Targets = new(StringComparer.Ordinal) { ["http"] = 2.0, ["browser"] = 1.5 };

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var mode = BenchSupport.Text(args, "--mode", "both");
        var rounds = BenchSupport.Number(args, "--rounds", 3);
        var lists = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["http"] = BenchSupport.Number(args, "--http-lists", 25),
            ["browser"] = BenchSupport.Number(args, "--browser-lists", 3),
        };
        var root = BenchSupport.RepositoryRoot();
        var compare = BenchSupport.Shared(Path.Combine("bench", "compare.sh"));
        if (root is null || compare is null)
        {
            await Console.Error.WriteLineAsync("crawlee bench: ../shared/bench/compare.sh not found beside the repository; skipped");
            return 0;
        }

        var failed = 0;
        foreach (var m in mode == "both" ? new[] { "http", "browser" } : [mode])
        {
            if (!Targets.TryGetValue(m, out var target))
            {
                await Console.Error.WriteLineAsync($"crawlee bench: unknown mode '{m}' (http, browser or both)");
                return 2;
            }

            var ratios = new List<double>();
            for (var round = 1; round <= rounds; round++)
            {
                var result = await RoundAsync(compare, Path.Combine(root, "collector"), m, lists[m]);
                if (result is null)
                {
                    failed++;
                    continue;
                }

                ratios.Add(result.Ratio);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"crawlee {m} round {round}: Crawlee {result.PeerPagesPerSecond:F1} pages/s ({result.PeerRssMb} MB RSS), Collector {result.PagesPerSecond:F1} pages/s ({result.PeakRssMb} MB peak RSS), {result.Pages} pages, ratio {result.Ratio:F2}"));
            }

            if (ratios.Count > 0)
            {
                var median = Median(ratios);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"crawlee {m}: median ratio {median:F2} over {ratios.Count} rounds (target {target:F1}x: {(median >= target ? "met" : "missed")})"));
            }
        }

        return failed == 0 ? 0 : 1;
    }

    private static async Task<RoundResult?> RoundAsync(string compare, string collector, string mode, int lists)
    {
        var start = new ProcessStartInfo("bash", [compare, "--collector", collector, "--mode", mode, "--lists", lists.ToString(CultureInfo.InvariantCulture), "--rounds", "1"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        JsonElement? peer = null, ours = null;
        double? ratio = null;
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!line.StartsWith('{'))
            {
                continue;
            }

            var json = JsonDocument.Parse(line).RootElement;
            if (json.TryGetProperty("peer", out _))
            {
                peer = json;
            }
            else if (json.TryGetProperty("engine", out _))
            {
                ours = json.GetProperty("result");
            }
            else if (json.TryGetProperty("ratios", out var ratios) && ratios.GetArrayLength() > 0)
            {
                ratio = ratios[0].GetDouble();
            }
        }

        if (process.ExitCode != 0 || peer is null || ours is null || ratio is null)
        {
            await Console.Error.WriteLineAsync($"crawlee bench: compare.sh --mode {mode} failed (exit {process.ExitCode}): {Tail(await errors)}");
            return null;
        }

        var pages = ours.Value.GetProperty("pages").GetInt32();
        var seconds = ours.Value.GetProperty("seconds").GetDouble();
        return new RoundResult(
            pages,
            pages / seconds,
            ours.Value.TryGetProperty("peakRssMb", out var rss) ? rss.GetInt64() : 0,
            peer.Value.GetProperty("pages_per_s").GetDouble(),
            peer.Value.GetProperty("rss_mb").GetInt64(),
            ratio.Value);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static string Tail(string text) => text.Length <= 600 ? text.Trim() : text[^600..].Trim();

    private sealed record RoundResult(int Pages, double PagesPerSecond, long PeakRssMb, double PeerPagesPerSecond, long PeerRssMb, double Ratio);
}
