using Collector.Evidence.Wacz;
using Microsoft.Extensions.Time.Testing;

namespace Collector.Evidence.Tests;

/// <summary>
/// Opens an exported WACZ in ReplayWeb.page (its real replay engine, in headless Chromium) and reads the replayed page.
/// Needs the client set up once by replay/setup.sh DIR and COLLECTOR_REPLAY_DIR=DIR; skips otherwise.
/// </summary>
public sealed class ReplayTests
{
    [Fact]
    public async Task WriteAsync_Export_ReplaysInReplayWebPage()
    {
        var root = Environment.GetEnvironmentVariable("COLLECTOR_REPLAY_DIR");
        Assert.SkipWhen(string.IsNullOrEmpty(root) || !File.Exists(Path.Combine(root, "replay.js")),
            "ReplayWeb.page is not set up: run tests/Collector.Evidence.Tests/replay/setup.sh DIR and set COLLECTOR_REPLAY_DIR=DIR");
        var node = WaczTests.Which("node");
        Assert.SkipWhen(node is null || !File.Exists("/usr/lib/chromium/chromium"), "node or Chromium is not installed");
        var pages = new[] { EvidenceWorld.PostPage("1", text: "Replayed from the archive"), EvidenceWorld.PostPage("2") };
        var bytes = pages.SelectMany(p => p.Bytes).GroupBy(b => b.Key).ToDictionary(g => g.Key, g => g.First().Value);
        var site = Path.Combine(root!, "site");
        await WaczWriter.WriteAsync(EvidenceWorld.Async(pages.Select(p => p.Capture)), EvidenceWorld.Source(bytes), Path.Combine(site, "x.wacz"), "replay test",
            new FakeTimeProvider(EvidenceWorld.T0), TestContext.Current.CancellationToken);

        var (code, output) = await WaczTests.RunAsync(node!, Path.Combine(root!, "replay.js"), site, pages[0].Capture.FinalUrl, "Replayed from the archive");

        Assert.True(code == 0, output);
        Assert.Contains("text: Replayed from the archive", output);
    }
}
