using System.Text;
using Collector.Evidence.Wacz;
using Collector.Model;
using Microsoft.Extensions.Time.Testing;

namespace Collector.Evidence.Tests;

/// <summary>
/// Opens an exported WACZ in ReplayWeb.page (its real replay engine, in headless Chromium) and reads the replayed page.
/// Needs the client set up once by replay/setup.sh DIR and COLLECTOR_REPLAY_DIR=DIR (tests/run.sh does both through
/// .ci/lib.sh's ensure_replay_client); skips otherwise.
/// </summary>
public sealed class ReplayTests
{
    [Fact]
    public async Task WriteAsync_Export_ReplaysInReplayWebPage()
    {
        var (root, node) = ReplayClient();
        var pages = new[] { EvidenceWorld.PostPage("1", text: "Replayed from the archive"), EvidenceWorld.PostPage("2") };
        var bytes = pages.SelectMany(p => p.Bytes).GroupBy(b => b.Key).ToDictionary(g => g.Key, g => g.First().Value);
        var site = Path.Combine(root, "site");
        await WaczWriter.WriteAsync(EvidenceWorld.Async(pages.Select(p => p.Capture)), EvidenceWorld.Source(bytes), Path.Combine(site, "x.wacz"), "replay test",
            new FakeTimeProvider(EvidenceWorld.T0), TestContext.Current.CancellationToken);

        var (code, output) = await WaczTests.RunAsync(node, Path.Combine(root, "replay.js"), site, pages[0].Capture.FinalUrl, "Replayed from the archive");

        Assert.True(code == 0, output);
        Assert.Contains("text: Replayed from the archive", output);
    }

    /// <summary>A board of pins whose pictures the page loaded and the capture kept: in replay every picture renders.</summary>
    [Fact]
    public async Task Replay_BoardWithPictures_EveryImageRenders()
    {
        var (root, node) = ReplayClient();
        var url = "https://www.pinterest.test/campaign/board/";
        var pins = Enumerable.Range(1, 3).Select(i => $"https://i.pinimg.test/236x/0{i}/pin-{i}.png").ToList();
        var html = "<!doctype html><html><body><h1>Campaign board</h1>" + string.Concat(pins.Select(p => $"<img src=\"{p}\" alt=\"pin\">")) + "</body></html>";
        var page = Encoding.UTF8.GetBytes(html);
        var bytes = new Dictionary<string, byte[]> { [EvidenceWorld.Sha(page)] = page, [EvidenceWorld.Sha(EvidenceWorld.Png)] = EvidenceWorld.Png };
        var capture = Page("board", url, page) with
        {
            Artifacts = [Raw(page, url), .. pins.Select(p => new ArtifactRef { Kind = ArtifactKinds.Media, Sha256 = EvidenceWorld.Sha(EvidenceWorld.Png), Length = EvidenceWorld.Png.Length, ContentType = "image/png", Url = p })],
            Exchanges = [Document(url, page), .. pins.Select(p => new HttpExchange { Url = p, Status = 200, ContentType = "image/png", ResponseHeaders = [new("content-type", "image/png")], At = EvidenceWorld.T0 })],
        };

        var output = await ReplayAsync(root, node, [capture], bytes, url, "Campaign board", minImages: 3);

        Assert.True(output.Contains("images: 3 of 3 rendered", StringComparison.Ordinal), output);
    }

    /// <summary>Answers paged in by two POSTs to one GraphQL URL that differ only in their bodies: replay serves each its own.</summary>
    [Fact]
    public async Task Replay_AnswersPagedByPost_EachPageReplaysItsOwnAnswer()
    {
        var (root, node) = ReplayClient();
        var url = "https://www.quora.test/What-is-the-campaign";
        var api = "https://www.quora.test/graphql/gql_para_POST?q=AnswersQuery";
        var html = "<!doctype html><html><body><h1>Question</h1><div id=\"answers\"></div><script>"
            + "async function more(after){const r=await fetch('/graphql/gql_para_POST?q=AnswersQuery',{method:'POST',headers:{'content-type':'application/json'},"
            + "body:JSON.stringify({query:'answers',variables:{after:after}})});const j=await r.json();"
            + "document.getElementById('answers').insertAdjacentHTML('beforeend','<p>'+j.text+'</p>');}"
            + "more('10').then(()=>more('20'));</script></body></html>";
        var page = Encoding.UTF8.GetBytes(html);
        var bytes = new Dictionary<string, byte[]> { [EvidenceWorld.Sha(page)] = page };
        var exchanges = new List<HttpExchange> { Document(url, page) };
        foreach (var (after, text) in new[] { ("10", "Answer from page one"), ("20", "Answer from page two") })
        {
            var answer = Encoding.UTF8.GetBytes($"{{\"text\":\"{text}\"}}");
            bytes[EvidenceWorld.Sha(answer)] = answer;
            exchanges.Add(new HttpExchange
            {
                Url = api, Method = "POST", Status = 200, ContentType = "application/json", BodySha256 = EvidenceWorld.Sha(answer), At = EvidenceWorld.T0,
                RequestBody = Encoding.UTF8.GetBytes($"{{\"query\":\"answers\",\"variables\":{{\"after\":\"{after}\"}}}}"),
                RequestHeaders = [new("content-type", "application/json")], ResponseHeaders = [new("content-type", "application/json")],
            });
        }

        var capture = Page("answers", url, page) with { Artifacts = [Raw(page, url)], Exchanges = exchanges };

        var output = await ReplayAsync(root, node, [capture], bytes, url, "Answer from page two", minImages: 0);

        Assert.Contains("Answer from page one", output, StringComparison.Ordinal);
    }

    private static (string Root, string Node) ReplayClient()
    {
        var root = Environment.GetEnvironmentVariable("COLLECTOR_REPLAY_DIR");
        Assert.SkipWhen(string.IsNullOrEmpty(root) || !File.Exists(Path.Combine(root, "replay.js")),
            "ReplayWeb.page is not set up: run tests/Collector.Evidence.Tests/replay/setup.sh DIR and set COLLECTOR_REPLAY_DIR=DIR");
        var node = WaczTests.Which("node");
        Assert.SkipWhen(node is null || !File.Exists("/usr/lib/chromium/chromium"), "node or Chromium is not installed");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "replay", "replay.js"), Path.Combine(root!, "replay.js"), overwrite: true);
        return (root!, node!);
    }

    private static async Task<string> ReplayAsync(string root, string node, Capture[] captures, Dictionary<string, byte[]> bytes, string url, string text, int minImages)
    {
        var site = Path.Combine(root, "site");
        await WaczWriter.WriteAsync(EvidenceWorld.Async(captures), EvidenceWorld.Source(bytes), Path.Combine(site, "x.wacz"), "replay test",
            new FakeTimeProvider(EvidenceWorld.T0), TestContext.Current.CancellationToken);
        var (code, output) = await WaczTests.RunAsync(node, Path.Combine(root, "replay.js"), site, url, text,
            minImages.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(code == 0, output);
        return output;
    }

    private static Capture Page(string id, string url, byte[] html) => new()
    {
        Id = id, RequestUrl = url, FinalUrl = url, HttpStatus = 200, FetchedAt = EvidenceWorld.T0, RenderMode = RenderMode.Browser, Platform = "generic",
    };

    private static ArtifactRef Raw(byte[] html, string url) =>
        new() { Kind = ArtifactKinds.Raw, Sha256 = EvidenceWorld.Sha(html), Length = html.Length, ContentType = "text/html; charset=utf-8", Url = url };

    private static HttpExchange Document(string url, byte[] html) => new()
    {
        Url = url, Status = 200, ContentType = "text/html; charset=utf-8", BodySha256 = EvidenceWorld.Sha(html), At = EvidenceWorld.T0,
        ResponseHeaders = [new("content-type", "text/html; charset=utf-8")],
    };
}
