using System.Text;
using Collector.Evidence.Warc;
using Collector.Model;

namespace Collector.Evidence.Tests;

public sealed class WarcTests
{
    private static async Task<(byte[] File, IReadOnlyList<WrittenRecord> Written, Capture Capture)> WriteOneAsync()
    {
        var (capture, bytes) = EvidenceWorld.PostPage("1");
        using var output = new MemoryStream();
        var file = await CaptureWarcFile.StartAsync(output, EvidenceWorld.Source(bytes), "t.warc.gz", EvidenceWorld.T0, "test", TestContext.Current.CancellationToken);
        await file.AddAsync(capture, TestContext.Current.CancellationToken);
        return (output.ToArray(), file.Records, capture);
    }

    [Fact]
    public async Task WriteAsync_BrowserCapture_RecordsParseBackWithDigestsThatHold()
    {
        var (file, written, capture) = await WriteOneAsync();

        var records = WarcReader.ReadAll(file);

        Assert.Equal(written.Count, records.Count);
        Assert.Equal(["warcinfo", "response", "request", "response", "request", "resource", "resource", "metadata"], records.Select(r => r.Type));
        Assert.All(records, r => Assert.Empty(r.CheckDigests()));
        Assert.All(records, r => Assert.Equal("WARC/1.1", r.Version));
        Assert.All(records, r => Assert.Matches("^<urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}>$", r["WARC-Record-ID"]!));
        Assert.All(records, r => Assert.EndsWith("Z", r["WARC-Date"]));
        var page = records[1];
        Assert.Equal(capture.FinalUrl, page.TargetUri);
        Assert.Equal(200, page.HttpStatus);
        Assert.Equal("sha256:" + capture.Exchanges[0].BodySha256, page["WARC-Payload-Digest"]);
        Assert.Equal("sha256:" + capture.Exchanges[1].BodySha256, records[3]["WARC-Payload-Digest"]);
        Assert.Equal("https://api.example.test/posts/1.json", records[3].TargetUri);
    }

    [Fact]
    public async Task WriteAsync_RequestAndResponse_AreLinkedByConcurrentTo()
    {
        var (file, _, capture) = await WriteOneAsync();
        var records = WarcReader.ReadAll(file);

        var response = records[1];
        var request = records[2];
        Assert.Equal(request["WARC-Record-ID"], response["WARC-Concurrent-To"]);
        Assert.Equal(response["WARC-Record-ID"], request["WARC-Concurrent-To"]);
        Assert.StartsWith("GET /p/1?b=2&a=1 HTTP/1.1\r\nHost: www.example.test\r\n", Encoding.UTF8.GetString(request.Block));
        Assert.Equal(records[0]["WARC-Record-ID"], response["WARC-Warcinfo-ID"]);
        Assert.Equal("urn:screenshot:" + capture.FinalUrl, records[5].TargetUri);
        Assert.Equal("urn:dom:" + capture.FinalUrl, records[6].TargetUri);
        Assert.Equal(response["WARC-Record-ID"], records[5]["WARC-Concurrent-To"]);
        Assert.Equal(EvidenceWorld.Png, records[5].Block);
    }

    [Fact]
    public async Task WriteAsync_DecodedBody_StaleFramingHeadersKeptAsArchiveOrig()
    {
        var (file, _, capture) = await WriteOneAsync();
        var head = Encoding.UTF8.GetString(WarcReader.ReadAll(file)[1].Block).Split("\r\n\r\n")[0];

        Assert.Contains("X-Archive-Orig-content-encoding: br", head);
        Assert.Contains("X-Archive-Orig-content-length: 99", head);
        Assert.Contains($"Content-Length: {capture.Artifacts[0].Length}", head);
        Assert.Contains("set-cookie: a=1\r\nset-cookie: b=2", head);
        Assert.DoesNotContain("\r\ncontent-encoding:", head);
    }

    [Fact]
    public async Task ReadAt_EachWrittenOffset_ReturnsThatRecord()
    {
        var (file, written, _) = await WriteOneAsync();

        foreach (var w in written)
        {
            var record = WarcReader.ReadAt(file, w.Offset, w.Length);
            Assert.Equal(w.Record.RecordId, record["WARC-Record-ID"]);
            Assert.Equal(w.BlockDigest, record["WARC-Block-Digest"]);
        }

        Assert.Equal(file.Length, written[^1].Offset + written[^1].Length);
    }

    [Fact]
    public async Task CheckDigests_OneBodyByteAltered_ReportsBothDigests()
    {
        var (file, _, _) = await WriteOneAsync();
        var record = WarcReader.ReadAll(file)[1];
        var block = (byte[])record.Block.Clone();
        block[^5] ^= 1;

        var problems = (record with { Block = block }).CheckDigests();

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Contains("WARC-Block-Digest", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("WARC-Payload-Digest", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WriteAsync_SameCaptureTwice_GivesIdenticalBytes()
    {
        var first = await WriteOneAsync();
        var second = await WriteOneAsync();

        Assert.Equal(EvidenceWorld.Sha(first.File), EvidenceWorld.Sha(second.File));
    }

    [Fact]
    public async Task BuildAsync_HttpCaptureWithoutExchanges_RebuildsTheMainResponse()
    {
        var (capture, bytes) = EvidenceWorld.PostPage("2");
        capture = capture with { Exchanges = [], RenderMode = RenderMode.Http, Artifacts = [capture.Artifacts[0]] };

        var records = await CaptureWarcBuilder.BuildAsync(capture, EvidenceWorld.Source(bytes), null, TestContext.Current.CancellationToken);

        var response = Assert.Single(records, r => r.Type == WarcTypes.Response);
        Assert.Equal(capture.FinalUrl, response.TargetUri);
        Assert.Contains("text/html", Encoding.UTF8.GetString(response.Block.Span));
    }

    [Fact]
    public async Task BuildAsync_ArtifactMissingFromStore_ThrowsNamingIt()
    {
        var (capture, bytes) = EvidenceWorld.PostPage("3");
        var shot = capture.Artifacts.Single(a => a.Kind == ArtifactKinds.Screenshot);
        bytes.Remove(shot.Sha256);

        var e = await Assert.ThrowsAsync<MissingArtifactException>(() => CaptureWarcBuilder.BuildAsync(capture, EvidenceWorld.Source(bytes), null, TestContext.Current.CancellationToken));

        Assert.Equal(shot.Sha256, e.Sha256);
    }

    [Fact]
    public async Task BuildAsync_ExchangeWithoutKeptBody_MarkedTruncatedAndNotIndexed()
    {
        var (capture, bytes) = EvidenceWorld.PostPage("4");
        capture = capture with { Exchanges = [.. capture.Exchanges, new HttpExchange { Url = "https://www.example.test/site.css", Status = 200, ContentType = "text/css", At = capture.FetchedAt }] };
        using var output = new MemoryStream();
        var file = await CaptureWarcFile.StartAsync(output, EvidenceWorld.Source(bytes), "t.warc.gz", EvidenceWorld.T0, "test", TestContext.Current.CancellationToken);

        var written = await file.AddAsync(capture, TestContext.Current.CancellationToken);

        var css = Assert.Single(written, w => w.Record.Type == WarcTypes.Response && w.Record.TargetUri!.EndsWith(".css", StringComparison.Ordinal));
        Assert.Contains(new KeyValuePair<string, string>("WARC-Truncated", "unspecified"), css.Record.Fields);
        Assert.Null(Collector.Evidence.Wacz.CdxjLine.For(css, "x"));
        Assert.NotNull(Collector.Evidence.Wacz.CdxjLine.For(written[0], "x"));
    }
}
