using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Collector.Evidence.Wacz;
using Collector.Evidence.Warc;
using Collector.Model;

namespace Collector.Interop.Tests;

/// <summary>
/// warcio.js reads Collector's revisit records (WARC/1.1 identical-payload-digest): the same page captured again and one
/// picture under two URLs. The check script follows each revisit to the record it names and is shown failing on a
/// revisit that names no record.
/// </summary>
public sealed class WarcioRevisitTests
{
    private const string Page = "https://www.pinterest.test/campaign/board/";
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Html = Encoding.UTF8.GetBytes("<!doctype html><html><body><h1>Board</h1><img src=\"/a.png\"><img src=\"/b.png\"></body></html>");
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Revisits_ReadByWarcio_EachFollowsToTheRecordItNames()
    {
        using var dir = new TempDir();
        var wacz = Path.Combine(dir.Path, "x.wacz");
        await WaczWriter.WriteAsync(Async(Board("cap-a", T0), Board("cap-b", T0.AddHours(1))), Source, wacz, "revisits", TimeProvider.System, Ct);
        var warc = Path.Combine(dir.Path, "data.warc.gz");
        using (var zip = ZipFile.OpenRead(wacz))
        {
            zip.GetEntry("archive/data.warc.gz")!.ExtractToFile(warc);
        }

        var result = await CheckAsync(warc);
        var (indexCode, index) = await ThirdPartyTools.RunAsync(ThirdPartyTools.NodeWith("warcio"),
            [Path.Combine(ThirdPartyTools.ToolsDir, "node_modules", ".bin", "warcio"), "index", warc]);

        Assert.True(result["problems"]!.AsArray().Count == 0, result.ToJsonString());
        Assert.Equal(4, result["revisits"]!.GetValue<int>()); // cap-a's second picture URL; cap-b's page and both picture URLs
        Assert.True(indexCode == 0, index);
        Assert.Equal(4, index.Split('\n').Count(l => l.Contains("\"revisit\"", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task RevisitCheck_RevisitNamingNoRecord_IsReported()
    {
        using var dir = new TempDir();
        var warc = Path.Combine(dir.Path, "broken.warc.gz");
        await using (var output = File.Create(warc))
        {
            var writer = new WarcWriter(output);
            var (block, offset) = HttpBlocks.Response(Exchange(Page, Html, "text/html", T0), Html);
            var response = new WarcRecord
            {
                Type = WarcTypes.Response, RecordId = WarcRecordIds.For("x", "response/0"), Date = T0, TargetUri = Page,
                ContentType = "application/http; msgtype=response", Block = block, PayloadOffset = offset,
            };
            var absent = response with { RecordId = WarcRecordIds.For("never-written", "response/0") };
            await writer.WriteAsync(response, Ct);
            await writer.WriteAsync(WarcRevisits.Of(response with { RecordId = WarcRecordIds.For("y", "response/0") }, absent, WarcRevisits.PayloadDigestOf(response)!), Ct);
        }

        var result = await CheckAsync(warc);

        Assert.Contains(result["problems"]!.AsArray(), p => p!.GetValue<string>().EndsWith("revisit refers to no earlier record", StringComparison.Ordinal));
    }

    private static async Task<JsonNode> CheckAsync(string warc)
    {
        var (code, output) = await ThirdPartyTools.NodeCheckAsync("warcio", "warc-digests.mjs", warc);
        Assert.True(code == 0, output);
        return JsonNode.Parse(output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Single())!;
    }

    private static Capture Board(string id, DateTimeOffset at) => new()
    {
        Id = id, RequestUrl = Page, FinalUrl = Page, HttpStatus = 200, FetchedAt = at, RenderMode = RenderMode.Browser, Platform = "generic",
        Artifacts = [new ArtifactRef { Kind = ArtifactKinds.Raw, Sha256 = Sha(Html), Length = Html.Length, ContentType = "text/html", Url = Page }],
        Exchanges = [Exchange(Page, Html, "text/html", at), Exchange(Page + "a.png", Png, "image/png", at), Exchange(Page + "b.png", Png, "image/png", at)],
    };

    private static HttpExchange Exchange(string url, byte[] body, string type, DateTimeOffset at) => new()
    {
        Url = url, Status = 200, ContentType = type, BodySha256 = Sha(body), At = at, ResponseHeaders = [new("content-type", type)],
    };

    private static Task<byte[]?> Source(string sha, CancellationToken _) =>
        Task.FromResult<byte[]?>(sha == Sha(Html) ? Html : sha == Sha(Png) ? Png : null);

    private static string Sha(byte[] b) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(b));

    private static async IAsyncEnumerable<Capture> Async(params Capture[] captures)
    {
        foreach (var c in captures)
        {
            await Task.Yield();
            yield return c;
        }
    }
}
