using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Collector.Evidence.Wacz;
using Collector.Evidence.Warc;
using Microsoft.Extensions.Time.Testing;

namespace Collector.Evidence.Tests;

public sealed class WaczTests
{
    private static async Task<(string Path, TempDir Dir)> WriteAsync(int pages)
    {
        var dir = new TempDir();
        var all = Enumerable.Range(1, pages).Select(i => EvidenceWorld.PostPage(i.ToString(System.Globalization.CultureInfo.InvariantCulture), at: EvidenceWorld.T0.AddMinutes(i))).ToList();
        var bytes = all.SelectMany(p => p.Bytes).GroupBy(b => b.Key).ToDictionary(g => g.Key, g => g.First().Value);
        var path = dir.File("x.wacz");
        await WaczWriter.WriteAsync(EvidenceWorld.Async(all.Select(p => p.Capture)), EvidenceWorld.Source(bytes), path, "test",
            new FakeTimeProvider(EvidenceWorld.T0.AddHours(1)), TestContext.Current.CancellationToken);
        return (path, dir);
    }

    [Fact]
    public async Task WriteAsync_ThreeCaptures_IndexFindsEveryPageAtItsOffset()
    {
        var (path, dir) = await WriteAsync(3);
        using var _ = dir;
        using var zip = ZipFile.OpenRead(path);
        var warc = Read(zip, "archive/data.warc.gz");
        var index = Text(zip, "indexes/index.cdxj").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(CdxjLine.Parse).ToList();
        var pages = Text(zip, "pages/pages.jsonl").Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Contains("\"format\":\"json-pages-1.0\"", pages[0]);
        Assert.Equal(4, pages.Length);
        foreach (var pageLine in pages.Skip(1))
        {
            using var page = JsonDocument.Parse(pageLine);
            var url = page.RootElement.GetProperty("url").GetString()!;
            var line = Assert.Single(index, l => l.Key == Surt.Of(url) && l.Fields.Mime == "text/html");
            var record = WarcReader.ReadAt(warc, long.Parse(line.Fields.Offset, System.Globalization.CultureInfo.InvariantCulture), long.Parse(line.Fields.Length, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(url, record.TargetUri);
            Assert.Equal("response", record.Type);
            Assert.Empty(record.CheckDigests());
            Assert.Equal(line.Fields.Digest, record["WARC-Payload-Digest"]);
            Assert.Equal("200", line.Fields.Status);
        }

        Assert.Equal(index.Select(l => l.ToString()).Order(StringComparer.Ordinal), index.Select(l => l.ToString()));
        Assert.Contains(index, l => l.Key.StartsWith("urn:screenshot:", StringComparison.Ordinal) && l.Fields.Mime == "image/png");
        Assert.Contains(index, l => l.Fields.Url == "https://api.example.test/posts/2.json" && l.Fields.Mime == "application/json");
    }

    [Fact]
    public async Task WriteAsync_Datapackage_HashesEveryFileAndItsDigestHolds()
    {
        var (path, dir) = await WriteAsync(2);
        using var _ = dir;
        using var zip = ZipFile.OpenRead(path);
        var packageBytes = Read(zip, "datapackage.json");
        using var package = JsonDocument.Parse(packageBytes);
        using var digest = JsonDocument.Parse(Read(zip, "datapackage-digest.json"));

        Assert.Equal("data-package", package.RootElement.GetProperty("profile").GetString());
        Assert.Equal("1.1.1", package.RootElement.GetProperty("wacz_version").GetString());
        var resources = package.RootElement.GetProperty("resources").EnumerateArray().ToList();
        Assert.Equal(["archive/data.warc.gz", "indexes/index.cdxj", "pages/pages.jsonl"], resources.Select(r => r.GetProperty("path").GetString()));
        foreach (var r in resources)
        {
            var bytes = Read(zip, r.GetProperty("path").GetString()!);
            Assert.Equal("sha256:" + EvidenceWorld.Sha(bytes), r.GetProperty("hash").GetString());
            Assert.Equal(bytes.LongLength, r.GetProperty("bytes").GetInt64());
        }

        Assert.Equal("sha256:" + Convert.ToHexStringLower(SHA256.HashData(packageBytes)), digest.RootElement.GetProperty("hash").GetString());
        var warcEntry = zip.GetEntry("archive/data.warc.gz")!;
        Assert.Equal(warcEntry.Length, warcEntry.CompressedLength); // stored, so replay can read records by range
    }

    [Fact]
    public async Task WriteAsync_IndependentPythonCheck_FollowsEveryOffsetAndDigest()
    {
        var python = Which("python3");
        Assert.SkipWhen(python is null, "python3 is not installed: the independent structural check cannot run");
        var (path, dir) = await WriteAsync(4);
        using var _ = dir;
        var script = Path.Combine(AppContext.BaseDirectory, "wacz_check.py");

        var (code, output) = await RunAsync(python!, script, path);

        Assert.True(code == 0, output);
        Assert.StartsWith("ok 4 pages 29 records", output);
    }

    [Theory]
    [InlineData("https://www.Example.com/Path/x?b=2&a=1", "com,example)/path/x?a=1&b=2")]
    [InlineData("http://127.0.0.1:8123/list/1.html", "1,0,0,127:8123)/list/1.html")]
    [InlineData("https://example.com:443/", "com,example)/")]
    [InlineData("https://www2.sub.example.org/a", "org,example,sub)/a")]
    [InlineData("urn:screenshot:https://example.com/", "urn:screenshot:https://example.com/")]
    public void Of_Url_MatchesReplayWebPageKeys(string url, string expected) => Assert.Equal(expected, Surt.Of(url));

    internal static byte[] Read(ZipArchive zip, string name)
    {
        using var stream = zip.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    internal static string Text(ZipArchive zip, string name) => System.Text.Encoding.UTF8.GetString(Read(zip, name));

    internal static string? Which(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists);

    internal static async Task<(int Code, string Output)> RunAsync(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout + await stderr);
    }
}
