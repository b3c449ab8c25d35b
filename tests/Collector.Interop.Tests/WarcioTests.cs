using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;

namespace Collector.Interop.Tests;

/// <summary>warcio.js reads every WARC Collector wrote (the WACZ's and the case bundle's); every record's digests hold.</summary>
[Collection(CollectedArchiveCollection.Name)]
public sealed class WarcioTests(CollectedArchive collected)
{
    [Fact]
    public async Task EveryWarc_ReadByWarcio_IndexesAndEveryDigestHolds()
    {
        using var dir = new TempDir();
        var warcs = Extract(collected.Wacz, dir.Path, "wacz").Concat(Extract(collected.Bundle, dir.Path, "bundle")).ToList();

        var results = await CheckAsync(warcs);
        var (indexCode, index) = await ThirdPartyTools.RunAsync(ThirdPartyTools.NodeWith("warcio"),
            [Path.Combine(ThirdPartyTools.ToolsDir, "node_modules", ".bin", "warcio"), "index", .. warcs]);

        Assert.Contains(warcs, w => w.Contains("wacz", StringComparison.Ordinal));
        Assert.Contains(warcs, w => w.Contains("bundle", StringComparison.Ordinal));
        Assert.All(results, r => Assert.True(r["problems"]!.AsArray().Count == 0, r.ToJsonString()));
        Assert.All(results, r => Assert.Contains("response", r["types"]!.AsArray().Select(t => t!.GetValue<string>())));
        Assert.True(indexCode == 0, index);
        Assert.Equal(results.Sum(r => r["records"]!.GetValue<int>()), index.Split('\n').Count(l => l.StartsWith('{')));
    }

    [Fact]
    public async Task WarcioDigestCheck_AlteredPayload_IsReported()
    {
        using var dir = new TempDir();
        var warc = Extract(collected.Wacz, dir.Path, "wacz").First();
        var plain = Path.Combine(dir.Path, "altered.warc");
        await using (var input = new GZipStream(File.OpenRead(warc), CompressionMode.Decompress))
        await using (var output = File.Create(plain))
        {
            await input.CopyToAsync(output, TestContext.Current.CancellationToken);
        }

        var bytes = await File.ReadAllBytesAsync(plain, TestContext.Current.CancellationToken);
        var at = Encoding.Latin1.GetString(bytes).IndexOf("<html", StringComparison.OrdinalIgnoreCase);
        Assert.True(at > 0, "a response with an HTML payload to alter");
        bytes[at + 1] = (byte)'X';
        await File.WriteAllBytesAsync(plain, bytes, TestContext.Current.CancellationToken);

        var result = Assert.Single(await CheckAsync([plain]));

        Assert.Contains(result["problems"]!.AsArray(), p => p!.GetValue<string>().EndsWith("WARC-Block-Digest does not hold", StringComparison.Ordinal));
        Assert.Contains(result["problems"]!.AsArray(), p => p!.GetValue<string>().EndsWith("WARC-Payload-Digest does not hold", StringComparison.Ordinal));
    }

    private static async Task<List<JsonNode>> CheckAsync(IReadOnlyList<string> warcs)
    {
        var (code, output) = await ThirdPartyTools.NodeCheckAsync("warcio", "warc-digests.mjs", [.. warcs]);
        Assert.True(code == 0, output);
        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!)];
    }

    /// <summary>Every WARC inside a zip (WACZ or bundle), written out under <paramref name="dir"/>.</summary>
    private static List<string> Extract(string zipPath, string dir, string prefix)
    {
        using var zip = ZipFile.OpenRead(zipPath);
        var paths = new List<string>();
        foreach (var entry in zip.Entries.Where(e => e.Name.EndsWith(".warc", StringComparison.Ordinal) || e.Name.EndsWith(".warc.gz", StringComparison.Ordinal)))
        {
            var path = Path.Combine(dir, $"{prefix}-{paths.Count}-{entry.Name}");
            entry.ExtractToFile(path);
            paths.Add(path);
        }

        return paths;
    }
}
