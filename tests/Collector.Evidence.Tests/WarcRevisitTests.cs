using System.IO.Compression;
using Collector.Evidence.Wacz;
using Collector.Evidence.Warc;
using Collector.Model;
using Microsoft.Extensions.Time.Testing;

namespace Collector.Evidence.Tests;

/// <summary>
/// Payloads a WARC already holds are written again as revisit records (WARC/1.1 identical-payload-digest), not dropped
/// and not repeated: the same page in a later capture, the same picture under another URL.
/// </summary>
public sealed class WarcRevisitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WriteAsync_SamePageAgainAndOnePictureUnderTwoUrls_LaterCopiesAreRevisitsOfTheFirst()
    {
        using var dir = new TempDir();
        var (first, bytes) = Board("cap-a", EvidenceWorld.T0);
        var (again, _) = Board("cap-b", EvidenceWorld.T0.AddHours(1));
        var path = dir.File("x.wacz");

        await WaczWriter.WriteAsync(EvidenceWorld.Async(new[] { first, again }), EvidenceWorld.Source(bytes), path, "revisits", new FakeTimeProvider(EvidenceWorld.T0), Ct);

        using var zip = ZipFile.OpenRead(path);
        var warc = WaczTests.Read(zip, "archive/data.warc.gz");
        var records = WarcReader.ReadAll(warc);
        var revisits = records.Where(r => r.Type == WarcTypes.Revisit).ToList();
        // capture a: the second URL of the picture; capture b: its page and both picture URLs
        Assert.Equal([PinB, Page, PinA, PinB], revisits.Select(r => r.TargetUri));
        Assert.Equal([Page, PinA], records.Where(r => r.Type == WarcTypes.Response).Select(r => r.TargetUri)); // each payload in full once
        var pageAgain = revisits[1];
        var pageFirst = records.Single(r => r.Type == WarcTypes.Response && r.TargetUri == Page);
        Assert.Equal(WarcRevisits.IdenticalPayloadProfile, pageAgain["WARC-Profile"]);
        Assert.Equal(pageFirst["WARC-Record-ID"], pageAgain["WARC-Refers-To"]);
        Assert.Equal(Page, pageAgain["WARC-Refers-To-Target-URI"]);
        Assert.Equal(pageFirst["WARC-Date"], pageAgain["WARC-Refers-To-Date"]);
        Assert.Equal(pageFirst["WARC-Payload-Digest"], pageAgain["WARC-Payload-Digest"]);
        Assert.Equal(200, pageAgain.HttpStatus);
        Assert.True(pageAgain.Payload.IsEmpty, "a revisit carries the HTTP headers, not the payload again");
        Assert.All(records, r => Assert.Empty(r.CheckDigests()));
        Assert.Empty(WarcRevisits.Check(records));
        var index = WaczTests.Text(zip, "indexes/index.cdxj").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(CdxjLine.Parse).ToList();
        Assert.Equal(4, index.Count(l => l.Fields.Mime == "warc/revisit"));
        Assert.Contains(index, l => l.Fields.Url == Page && l.Fields.Mime == "warc/revisit" && l.Timestamp == "20260301130000");
        var pages = WaczTests.Text(zip, "pages/pages.jsonl");
        Assert.Contains("\"id\":\"cap-b\"", pages, StringComparison.Ordinal); // the later capture is still a page of its own
    }

    [Fact]
    public async Task Check_RevisitPointingAtNoEarlierRecord_IsReported()
    {
        var (capture, bytes) = Board("cap-a", EvidenceWorld.T0);
        using var output = new MemoryStream();
        var file = await CaptureWarcFile.StartAsync(output, EvidenceWorld.Source(bytes), "x.warc.gz", EvidenceWorld.T0, "test", Ct);
        await file.AddAsync(capture, Ct);
        var records = WarcReader.ReadAll(output.ToArray()).ToList();
        var at = records.FindIndex(r => r.Type == WarcTypes.Revisit);
        records[at] = records[at] with
        {
            Fields = [.. records[at].Fields.Select(f => f.Key == "WARC-Refers-To" ? new KeyValuePair<string, string>(f.Key, "<urn:uuid:00000000-0000-0000-0000-000000000000>") : f)],
        };

        var problem = Assert.Single(WarcRevisits.Check(records));

        Assert.EndsWith("which no earlier record of the file is", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WaczCheck_Revisits_IndependentCheckerAcceptsThem()
    {
        var python = WaczTests.Which("python3");
        Assert.SkipWhen(python is null, "python3 is not installed");
        using var dir = new TempDir();
        var (first, bytes) = Board("cap-a", EvidenceWorld.T0);
        var (again, _) = Board("cap-b", EvidenceWorld.T0.AddHours(1));
        var path = dir.File("x.wacz");
        await WaczWriter.WriteAsync(EvidenceWorld.Async(new[] { first, again }), EvidenceWorld.Source(bytes), path, "revisits", new FakeTimeProvider(EvidenceWorld.T0), Ct);

        var (code, output) = await WaczTests.RunAsync(python!, Path.Combine(AppContext.BaseDirectory, "wacz_check.py"), path);

        Assert.True(code == 0, output);
        Assert.StartsWith("ok 2 pages", output, StringComparison.Ordinal);
    }

    private const string Page = "https://www.pinterest.test/campaign/board/";
    private const string PinA = "https://i.pinimg.test/236x/01/pin-1.png";
    private const string PinB = "https://i.pinimg.test/236x/02/pin-2.png";

    /// <summary>A board whose two pins show the same picture under two URLs (the page and picture bytes the same each time).</summary>
    private static (Capture Capture, Dictionary<string, byte[]> Bytes) Board(string id, DateTimeOffset at)
    {
        var html = System.Text.Encoding.UTF8.GetBytes($"<!doctype html><html><body><h1>Campaign board</h1><img src=\"{PinA}\"><img src=\"{PinB}\"></body></html>");
        var png = EvidenceWorld.Png;
        var bytes = new Dictionary<string, byte[]> { [EvidenceWorld.Sha(html)] = html, [EvidenceWorld.Sha(png)] = png };
        HttpExchange Exchange(string url, byte[] body, string type) => new()
        {
            Url = url, Status = 200, ContentType = type, BodySha256 = EvidenceWorld.Sha(body), At = at, ResponseHeaders = [new("content-type", type)],
        };
        var capture = new Capture
        {
            Id = id, RequestUrl = Page, FinalUrl = Page, HttpStatus = 200, FetchedAt = at, RenderMode = RenderMode.Browser, Platform = "generic",
            Artifacts =
            [
                new ArtifactRef { Kind = ArtifactKinds.Raw, Sha256 = EvidenceWorld.Sha(html), Length = html.Length, ContentType = "text/html", Url = Page },
                new ArtifactRef { Kind = ArtifactKinds.Media, Sha256 = EvidenceWorld.Sha(png), Length = png.Length, ContentType = "image/png", Url = PinA },
                new ArtifactRef { Kind = ArtifactKinds.Media, Sha256 = EvidenceWorld.Sha(png), Length = png.Length, ContentType = "image/png", Url = PinB },
            ],
            Exchanges = [Exchange(Page, html, "text/html"), Exchange(PinA, png, "image/png"), Exchange(PinB, png, "image/png")],
        };
        return (capture, bytes);
    }
}
