using System.Diagnostics;
using System.Globalization;
using Collector.Parsers;

namespace Collector.Bench;

/// <summary>
/// Parses every real capture in ../shared/fixtures repeatedly with the parser of its platform and prints MB/s and posts/s
/// per platform and input kind (JSON vs HTML). Targets: 10 MB/s for every platform, 50 MB/s for JSON-backed ones.
/// MB/s is wall-clock; "cpu MB/s" divides by the process's CPU time over the same loop, which other processes on a shared
/// machine do not inflate (it includes GC and JIT threads, so it is never flattering). Usage: parsers [--rounds N] (at least N rounds and 1 s per platform; default 5).
/// </summary>
public static class ParserBench
{
    private static readonly Dictionary<string, (string Platform, string Url)> Folders = new(StringComparer.Ordinal)
    {
        ["reddit"] = ("reddit", "https://www.reddit.com/r/x/comments/abc/t/"),
        ["quora"] = ("quora", "https://www.quora.com/profile/x"),
        ["pinterest"] = ("pinterest", "https://www.pinterest.com/pin/1/"),
        ["telegram"] = ("telegram", "https://t.me/s/x"),
        ["twitter"] = ("x", "https://x.com/i/status/1"),
        ["youtube"] = ("youtube", "https://www.youtube.com/watch?v=x"),
        ["facebook"] = ("facebook", "https://m.facebook.com/story.php"),
        ["medium"] = ("medium", "https://medium.com/@x/y"),
        ["tumblr"] = ("tumblr", "https://x.tumblr.com/post/1"),
        ["blogger"] = ("blogger", "https://x.blogspot.com/2020/01/y.html"),
        ["pixiv"] = ("pixiv", "https://www.pixiv.net/en/artworks/1"),
        ["tiktok"] = ("tiktok", "https://www.tiktok.com/@x/video/1"),
        ["instagram"] = ("instagram", "https://www.instagram.com/p/x/"),
        ["bluesky"] = ("bluesky", "https://bsky.app/profile/x/post/y"),
        ["vk"] = ("vk", "https://api.vk.com/method/wall.get"),
    };

    /// <summary>Each platform runs at least this long (small groups would otherwise be timed below the CPU clock's 10 ms tick).</summary>
    private static readonly TimeSpan MinimumTime = TimeSpan.FromSeconds(1);

    public static Task<int> RunAsync(string[] args)
    {
        var rounds = BenchSupport.Number(args, "--rounds", 5);
        var fixtures = BenchSupport.Shared("fixtures");
        if (fixtures is null)
        {
            Console.Error.WriteLine("parsers bench: ../shared/fixtures not found next to the repository");
            return Task.FromResult(2);
        }

        var registry = ParserRegistry.CreateDefault();
        var pages = new List<(string Row, PageInput Page, string Platform)>();
        foreach (var (folder, (platform, url)) in Folders)
        {
            var dir = Path.Combine(fixtures, folder);
            if (!Directory.Exists(dir))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(dir).Where(f => !Path.GetFileName(f).StartsWith("robots", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                var json = file.EndsWith(".json", StringComparison.Ordinal);
                var page = new PageInput { Url = new Uri(url), Body = File.ReadAllText(file), ContentType = json ? "application/json" : "text/html" };
                pages.Add(($"{platform} ({(json ? "json" : "html")})", page, platform));
            }
        }

        // Warm-up outside the timing: the language models load once, and tiered JIT only compiles a method's optimized
        // code after ~30 calls and a short delay, so one pass would time unoptimized code for the first platforms.
        var warm = Stopwatch.StartNew();
        for (var pass = 0; pass < 3 || warm.Elapsed < TimeSpan.FromSeconds(2); pass++)
        {
            foreach (var (_, page, platform) in pages)
            {
                registry.Parse(page, platform);
            }
        }

        using var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"platform",-22} {"files",5} {"MB",8} {"MB/s",8} {"cpu MB/s",9} {"posts/s",10}"));
        foreach (var group in pages.GroupBy(p => p.Row).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            long chars = 0;
            long posts = 0;
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var done = 0;
            for (; done < rounds || watch.Elapsed < MinimumTime; done++)
            {
                foreach (var (_, page, platform) in group)
                {
                    posts += registry.Parse(page, platform).Posts.Count;
                    chars += page.Body.Length;
                }
            }

            watch.Stop();
            process.Refresh();
            var cpuSeconds = Math.Max((process.TotalProcessorTime - cpuBefore).TotalSeconds, 1e-6);
            var mb = chars / 1e6;
            var seconds = Math.Max(watch.Elapsed.TotalSeconds, 1e-6);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{group.Key,-22} {group.Count(),5} {mb / done,8:F2} {mb / seconds,8:F1} {mb / cpuSeconds,9:F1} {posts / seconds,10:F0}"));
        }

        return Task.FromResult(0);
    }
}
