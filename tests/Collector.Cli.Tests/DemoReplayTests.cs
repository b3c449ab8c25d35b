using System.Diagnostics;
using System.Text.RegularExpressions;
using Collector.Cli.Demo;
using Collector.Model;
using Collector.Simulator;
using Collector.Simulator.Sites.Pinterest;
using Collector.Simulator.Sites.Quora;

namespace Collector.Cli.Tests;

/// <summary>
/// The demo's own captures replayed: the simulated Pinterest board and Quora question collected as the demo collects them
/// (its configuration, in a real Chromium, scrolled), verified, exported with `collector export --format wacz` and opened in
/// ReplayWeb.page (headless Chromium): the board's pictures render and the question's answers page in by their POSTs.
/// Needs the replay client (tests/run.sh sets COLLECTOR_REPLAY_DIR through .ci/lib.sh ensure_replay_client); skips otherwise.
/// </summary>
public sealed partial class DemoReplayTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DemoCaptures_ExportedAsWacz_ReplayTheBoardWithItsPicturesAndEveryPagedAnswer()
    {
        var (root, node) = ReplayClient();
        var dir = Directory.CreateTempSubdirectory("collector-demo-replay-");
        try
        {
            await using var sim = await SimulatedPlatforms.StartAsync(new SimulationOptions(), Ct);
            var state = sim.World.State;
            var board = state.Communities(SimPlatform.Pinterest).OrderByDescending(b => PinterestSite.Pins(state, b).Count).First();
            var question = state.On(SimPlatform.Quora).Where(p => p.Kind == PostKinds.Question).OrderByDescending(q => QuoraSite.LiveAnswers(state, q).Count).First();
            var answers = QuoraSite.LiveAnswers(state, question);
            Assert.True(answers.Count > QuoraSite.InlineAnswers + 3, "the question's answers take at least two POSTs to page in");
            var store = "sqlite:" + Path.Combine(dir.FullName, "archive.db");
            var config = Path.Combine(dir.FullName, "collector.json");
            await File.WriteAllTextAsync(config, DemoConfig.Build(sim, store, null), Ct);
            var boardUrl = sim.Url(SimPlatform.Pinterest, PinterestJson.BoardUrl(board)).AbsoluteUri;
            var questionUrl = sim.Url(SimPlatform.Quora, QuoraJson.QuestionPath(question)).AbsoluteUri;

            // as the demo's browser sources fetch them: rendered, scrolled up to 6 times (DemoConfig), each seed page once
            foreach (var (url, platform) in new[] { (boardUrl, "pinterest"), (questionUrl, "quora") })
            {
                await Cli("crawl", url, "--platform", platform, "--render", "browser", "--scroll", "6", "--max-pages", "1", "--config", config, "--store", store);
            }

            var verified = await Cli("verify", "--store", store, "--config", config);
            Assert.Matches(@"[1-9]\d* posts' text re-derived from 2 stored pages", verified);
            var site = Site(root, dir.FullName);
            await Cli("export", "--format", "wacz", "--out", Path.Combine(site, "x.wacz"), "--store", store);

            var pins = await ReplayAsync(node, root, site, boardUrl, "", scroll: false); // the first page of pins is in the board's HTML
            var images = Images().Match(pins);
            Assert.True(images.Success, pins);
            Assert.True(int.Parse(images.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= sim.Options.PageSize, pins);
            Assert.Equal(images.Groups[2].Value, images.Groups[1].Value); // every picture the replayed board shows renders

            var last = answers[^1].Text.Split('\n')[0];
            var paged = await ReplayAsync(node, root, site, questionUrl, last[..Math.Min(40, last.Length)], scroll: true);
            // each page of answers came from its own POST: none missing, none repeated in place of another
            Assert.All(answers, a => Assert.Contains(a.Text.Split('\n')[0][..Math.Min(30, a.Text.Split('\n')[0].Length)], paged, StringComparison.Ordinal));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static async Task<string> Cli(params string[] args)
    {
        var (code, stdout, stderr) = await CliSurfaceTests.RunAsync(args);
        Assert.True(code == 0, $"collector {string.Join(' ', args)} exited {code}\n{stdout}\n{stderr}");
        return stdout;
    }

    /// <summary>A site folder of its own (the client's files linked in), so that no other replay test's x.wacz is served.</summary>
    private static string Site(string root, string dir)
    {
        var site = Path.Combine(dir, "site");
        Directory.CreateDirectory(site);
        File.CreateSymbolicLink(Path.Combine(site, "ui.js"), Path.Combine(root, "site", "ui.js"));
        Directory.CreateSymbolicLink(Path.Combine(site, "replay"), Path.Combine(root, "site", "replay"));
        return site;
    }

    /// <summary>Runs the replay driver (it exits 0 only when the expected text shows) and returns what it printed.</summary>
    private static async Task<string> ReplayAsync(string node, string root, string site, string url, string text, bool scroll)
    {
        var script = Path.Combine(root, $"replay-{Guid.NewGuid():n}.js"); // beside the client's node_modules, and no other test's copy
        File.Copy(Path.Combine(AppContext.BaseDirectory, "replay", "replay.js"), script);
        try
        {
            var info = new ProcessStartInfo(node) { RedirectStandardOutput = true, RedirectStandardError = true, Environment = { ["REPLAY_TEXT_CHARS"] = "100000" } };
            foreach (var a in new[] { script, site, url, text, "0", scroll ? "1" : "0" })
            {
                info.ArgumentList.Add(a);
            }

            using var process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEndAsync(Ct);
            var stderr = process.StandardError.ReadToEndAsync(Ct);
            await process.WaitForExitAsync(Ct);
            var output = await stdout + await stderr;
            Assert.True(process.ExitCode == 0, $"replay of {url} expecting '{text}' exited {process.ExitCode}\n{output}");
            return output;
        }
        finally
        {
            File.Delete(script);
        }
    }

    private static (string Root, string Node) ReplayClient()
    {
        var root = Environment.GetEnvironmentVariable("COLLECTOR_REPLAY_DIR");
        Assert.SkipWhen(string.IsNullOrEmpty(root) || !File.Exists(Path.Combine(root, "site", "replay", "sw.js")),
            "ReplayWeb.page is not set up: run tests/Collector.Evidence.Tests/replay/setup.sh DIR and set COLLECTOR_REPLAY_DIR=DIR");
        var node = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, "node")).FirstOrDefault(File.Exists);
        Assert.SkipWhen(node is null || !File.Exists(RepoPaths.Chromium), "node or Chromium is not installed");
        return (root!, node!);
    }

    [GeneratedRegex(@"images: (\d+) of (\d+) rendered")]
    private static partial Regex Images();
}
