using System.IO.Compression;
using System.Text;
using Collector.Evidence.Wacz;
using Collector.Evidence.Warc;
using Collector.Model;
using Microsoft.Extensions.Time.Testing;

namespace Collector.Evidence.Tests;

/// <summary>
/// Captures that replay: POST requests keep their bodies and get index keys of their own (the warcio/pywb convention),
/// and images the page loaded and the capture kept are written as full responses under the page's URL.
/// </summary>
public sealed class ReplayableCaptureTests : IDisposable
{
    private readonly TempDir dir = new();

    public void Dispose() => dir.Dispose();

    [Theory]
    [InlineData("""{"abc": "def", "a": 4}""", "abc=def&a=4")]
    [InlineData("""{"abc": "def", "a": 4, "foo": {"bar": "123", "a": "5"}}""", "abc=def&a=4&bar=123&a.2_=5")]
    [InlineData("""{"query": "q Page", "variables": {"after": "c:10", "first": 10, "on": true, "x": null}}""", "query=q+Page&after=c%3A10&first=10&on=True&x=None")]
    public void Extract_JsonBody_FollowsTheIndexersQueryForm(string json, string expected) =>
        Assert.Equal(expected, PostQuery.Extract("application/json", Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void Extract_FormAndBinaryBodies_DecodedOrBase64()
    {
        Assert.Equal("a=1 2&b=ü", PostQuery.Extract("application/x-www-form-urlencoded", "a=1+2&b=%C3%BC"u8));
        Assert.Equal("__wb_post_data=AAEC", PostQuery.Extract("application/octet-stream", new byte[] { 0, 1, 2 }));
        Assert.Equal("?__wb_method=post&a=1", PostQuery.AppendFor("https://q.test/graphql", "POST", "application/json", """{"a":1}"""u8));
        Assert.Equal("&__wb_method=post&a=1", PostQuery.AppendFor("https://q.test/graphql?op=x", "POST", "application/json", """{"a":1}"""u8));
        Assert.Null(PostQuery.AppendFor("https://q.test/", "GET", null, []));
    }

    [Fact]
    public async Task Wacz_TwoPostsToOneUrl_RequestBodiesKeptAndIndexedApart()
    {
        var (capture, bytes) = EvidenceWorld.PostPage("1");
        var pages = new[] { """{"query":"answers","variables":{"after":"10"}}""", """{"query":"answers","variables":{"after":"20"}}""" };
        var exchanges = capture.Exchanges.ToList();
        foreach (var (body, i) in pages.Select((b, i) => (b, i)))
        {
            var answer = Encoding.UTF8.GetBytes($"{{\"page\":{i}}}");
            bytes[EvidenceWorld.Sha(answer)] = answer;
            exchanges.Add(new HttpExchange
            {
                Url = "https://www.quora.test/graphql/gql_para_POST?q=AnswersQuery", Method = "POST", Status = 200, ContentType = "application/json",
                BodySha256 = EvidenceWorld.Sha(answer), RequestBody = Encoding.UTF8.GetBytes(body), At = capture.FetchedAt.AddSeconds(i + 1),
                RequestHeaders = [new("content-type", "application/json")], ResponseHeaders = [new("content-type", "application/json")],
            });
        }

        var (index, warc) = await WriteAsync(capture with { Exchanges = exchanges }, bytes);

        var posts = index.Where(l => l.Fields.Method == "POST").ToList();
        Assert.Equal(2, posts.Count);
        Assert.Equal(2, posts.Select(p => p.Key).Distinct().Count());
        Assert.Contains(posts, p => p.Key == "test,quora)/graphql/gql_para_post?__wb_method=post&after=10&q=answersquery&query=answers");
        Assert.All(posts, p => Assert.Equal("https://www.quora.test/graphql/gql_para_POST?q=AnswersQuery", p.Fields.Url));
        var requests = warc.Where(r => r.Type == WarcTypes.Request && r.TargetUri!.Contains("graphql", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.EndsWith("\r\n\r\n" + (r == requests[0] ? pages[0] : pages[1]), Encoding.UTF8.GetString(r.Block), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Wacz_ImageLoadedByThePageAndKept_WrittenAsFullResponseAndIndexed()
    {
        var (capture, bytes) = EvidenceWorld.PostPage("1");
        var image = "https://i.pinimg.test/236x/ab/cd/pin.png";
        bytes[EvidenceWorld.Sha(EvidenceWorld.Png)] = EvidenceWorld.Png;
        var media = new ArtifactRef { Kind = ArtifactKinds.Media, Sha256 = EvidenceWorld.Sha(EvidenceWorld.Png), Length = EvidenceWorld.Png.Length, ContentType = "image/png", Url = image };
        var withImage = capture with
        {
            Artifacts = [.. capture.Artifacts, media],
            Exchanges = [.. capture.Exchanges, new HttpExchange { Url = image, Status = 200, ContentType = "image/png", ResponseHeaders = [new("content-type", "image/png")], At = capture.FetchedAt }],
        };

        var (index, warc) = await WriteAsync(withImage, bytes);

        var response = Assert.Single(warc, r => r.Type == WarcTypes.Response && r.TargetUri == image);
        Assert.DoesNotContain(response.Fields, f => f.Key == "WARC-Truncated");
        Assert.True(response.Block.AsSpan().EndsWith(EvidenceWorld.Png));
        Assert.DoesNotContain(warc, r => r.Type == WarcTypes.Resource && r.TargetUri == image);
        Assert.Contains(index, l => l.Fields.Url == image && l.Fields.Mime == "image/png" && l.Fields.Status == "200");
    }

    [Fact]
    public async Task Wacz_StylesheetAndScriptKept_WrittenAsFullResponsesAndIndexed()
    {
        var (capture, bytes) = EvidenceWorld.PostPage("1");
        var css = Encoding.UTF8.GetBytes("body { margin: 0 }");
        var js = Encoding.UTF8.GetBytes("window.x = 1;");
        var cssUrl = "https://s.pinimg.test/webapp/app.css";
        var jsUrl = "https://s.pinimg.test/webapp/app.js";
        bytes[EvidenceWorld.Sha(css)] = css;
        bytes[EvidenceWorld.Sha(js)] = js;
        ArtifactRef Kept(byte[] b, string type, string url) => new() { Kind = ArtifactKinds.Subresource, Sha256 = EvidenceWorld.Sha(b), Length = b.Length, ContentType = type, Url = url };
        HttpExchange Loaded(string type, string url) => new() { Url = url, Status = 200, ContentType = type, ResponseHeaders = [new("content-type", type)], At = capture.FetchedAt };
        var page = capture with
        {
            Artifacts = [.. capture.Artifacts, Kept(css, "text/css", cssUrl), Kept(js, "text/javascript", jsUrl)],
            Exchanges = [.. capture.Exchanges, Loaded("text/css", cssUrl), Loaded("text/javascript", jsUrl)],
        };

        var (index, warc) = await WriteAsync(page, bytes);

        foreach (var (url, body, mime) in new[] { (cssUrl, css, "text/css"), (jsUrl, js, "text/javascript") })
        {
            var response = Assert.Single(warc, r => r.Type == WarcTypes.Response && r.TargetUri == url);
            Assert.DoesNotContain(response.Fields, f => f.Key == "WARC-Truncated");
            Assert.True(response.Block.AsSpan().EndsWith(body));
            Assert.DoesNotContain(warc, r => r.Type == WarcTypes.Resource && r.TargetUri == url);
            Assert.Contains(index, l => l.Fields.Url == url && l.Fields.Mime == mime && l.Fields.Status == "200");
        }
    }

    private async Task<(List<CdxjLine> Index, List<ParsedWarcRecord> Warc)> WriteAsync(Capture capture, Dictionary<string, byte[]> bytes)
    {
        var path = dir.File($"c-{Guid.NewGuid():N}.wacz");
        await WaczWriter.WriteAsync(EvidenceWorld.Async([capture]), EvidenceWorld.Source(bytes), path, "test",
            new FakeTimeProvider(EvidenceWorld.T0.AddHours(1)), TestContext.Current.CancellationToken);
        using var zip = ZipFile.OpenRead(path);
        List<CdxjLine> index;
        using (var reader = new StreamReader(zip.GetEntry("indexes/index.cdxj")!.Open()))
        {
            index = (await reader.ReadToEndAsync(TestContext.Current.CancellationToken)).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(CdxjLine.Parse).ToList();
        }

        using var warc = new MemoryStream();
        using (var s = zip.Entries.First(e => e.FullName.StartsWith("archive/", StringComparison.Ordinal)).Open())
        {
            await s.CopyToAsync(warc, TestContext.Current.CancellationToken);
        }

        return (index, WarcReader.ReadAll(warc.ToArray()).ToList());
    }
}
