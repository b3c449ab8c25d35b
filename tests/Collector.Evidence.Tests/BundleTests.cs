using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Collector.Evidence.Bundles;
using Collector.Evidence.Timestamps;
using Collector.Model;
using Collector.Storage;

namespace Collector.Evidence.Tests;

/// <summary>Case bundles from a real SQLite archive whose runs a loopback RFC 3161 authority stamped.</summary>
public sealed class BundleTests : IAsyncLifetime
{
    private readonly TempDir dir = new();
    private LoopbackTimestampAuthority tsa = null!;
    private IArchive archive = null!;

    public async ValueTask InitializeAsync()
    {
        tsa = await LoopbackTimestampAuthority.StartAsync();
        var edited = EvidenceWorld.PostPage("1", runId: "run-2", at: EvidenceWorld.T0.AddDays(1), text: "Edited by the campaign");
        archive = await EvidenceWorld.ArchiveWithAsync(dir.Path,
        [
            EvidenceWorld.PostPage("1"),
            (edited.Capture with { Id = "cap1b" }, edited.Bytes),
            EvidenceWorld.PostPage("2"),
        ]);
        await EvidenceWorld.StampRunsAsync(archive, tsa, "run-1", "run-2");
    }

    public async ValueTask DisposeAsync()
    {
        await archive.DisposeAsync();
        await tsa.DisposeAsync();
        dir.Dispose();
    }

    private async Task<string> BundleAsync(params PostKey[] posts)
    {
        var path = dir.File($"case-{Guid.NewGuid():N}.zip");
        await CaseBundleWriter.WriteAsync(archive, new BundleSelection { Posts = posts }, path, TimeProvider.System, TestContext.Current.CancellationToken);
        return path;
    }

    /// <summary>Rewrites the bundle with <paramref name="change"/> applied to its files (null removes one).</summary>
    private string Tamper(string path, Func<string, byte[], byte[]?> change)
    {
        var output = dir.File($"bad-{Guid.NewGuid():N}.zip");
        using var source = ZipFile.OpenRead(path);
        using var target = ZipFile.Open(output, ZipArchiveMode.Create);
        foreach (var entry in source.Entries)
        {
            using var read = entry.Open();
            using var copy = new MemoryStream();
            read.CopyTo(copy);
            if (change(entry.FullName, copy.ToArray()) is { } bytes)
            {
                using var write = target.CreateEntry(entry.FullName).Open();
                write.Write(bytes);
            }
        }

        return output;
    }

    [Fact]
    public async Task WriteAsync_PostWithTwoVersions_HoldsHistoryCapturesTokensAndVerifies()
    {
        var path = await BundleAsync(new PostKey("generic", "p1"));

        var result = CaseBundleVerifier.Verify(path);

        Assert.True(result.Valid, string.Join("\n", result.Problems));
        using var zip = ZipFile.OpenRead(path);
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("manifest.json", names);
        Assert.Contains("index.html", names);
        Assert.Contains("posts/generic/p1.json", names);
        Assert.Contains("captures/cap1/capture.warc.gz", names);
        Assert.Contains("captures/cap1b/capture.json", names);
        Assert.DoesNotContain("captures/cap2/capture.json", names);
        Assert.Equal(2, names.Count(n => n.EndsWith(".tst", StringComparison.Ordinal)));
        Assert.Contains(names, n => n.StartsWith("artifacts/", StringComparison.Ordinal) && n.EndsWith(".png", StringComparison.Ordinal));
        var history = Encoding.UTF8.GetString(Read(zip, "posts/generic/p1.json"));
        Assert.Contains("Edited by the campaign", history);
        var index = Encoding.UTF8.GetString(Read(zip, "index.html"));
        Assert.Contains("cap1b", index);
        Assert.Contains(Collector.Evidence.Warc.WarcInfo.Software, index);
        Assert.Contains(result.Notes, n => n.Contains("loopback TSA", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_OneByteAltered_NamesTheFileAndBothHashes()
    {
        var path = await BundleAsync(new PostKey("generic", "p1"));
        string? victim = null;
        var bad = Tamper(path, (name, bytes) =>
        {
            if (victim is null && name.EndsWith(".html", StringComparison.Ordinal) && name.StartsWith("artifacts/", StringComparison.Ordinal))
            {
                victim = name;
                bytes[bytes.Length / 2] ^= 1;
            }

            return bytes;
        });

        var result = CaseBundleVerifier.Verify(bad);

        Assert.False(result.Valid);
        var problem = Assert.Single(result.Problems);
        Assert.StartsWith($"altered file: {victim}: manifest.json says sha256 ", problem);
        Assert.Contains("the file hashes to ", problem);
    }

    [Fact]
    public async Task Verify_FileRemoved_NamesTheMissingFile()
    {
        var path = await BundleAsync(new PostKey("generic", "p1"));
        var bad = Tamper(path, (name, bytes) => name == "captures/cap1/capture.warc.gz" ? null : bytes);

        var result = CaseBundleVerifier.Verify(bad);

        Assert.False(result.Valid);
        Assert.StartsWith("missing file: captures/cap1/capture.warc.gz (listed in manifest.json", Assert.Single(result.Problems));
    }

    [Fact]
    public async Task Verify_TokenSwappedAndManifestFixedUp_ReportsTheImprintMismatch()
    {
        var path = await BundleAsync(new PostKey("generic", "p1"));
        BundleManifest manifest;
        using (var zip = ZipFile.OpenRead(path))
        {
            manifest = BundleManifest.Parse(Read(zip, "manifest.json"))!;
        }

        var run1 = manifest.Timestamps.Single(t => t.RunId == "run-1");
        var run2 = manifest.Timestamps.Single(t => t.RunId == "run-2");
        byte[]? run2Token = null;
        Tamper(path, (name, bytes) => { if (name == run2.Token) { run2Token = bytes; } return bytes; });
        // A careful forger puts run 2's token in place of run 1's and rewrites manifest.json to match.
        var fixedManifest = manifest with
        {
            Files = [.. manifest.Files.Select(f => f.Path == run1.Token ? f with { Sha256 = Convert.ToHexStringLower(SHA256.HashData(run2Token!)), Bytes = run2Token!.Length } : f)],
        };
        var bad = Tamper(path, (name, bytes) => name == run1.Token ? run2Token : name == "manifest.json" ? fixedManifest.ToBytes() : bytes);

        var result = CaseBundleVerifier.Verify(bad);

        Assert.False(result.Valid);
        var problem = Assert.Single(result.Problems);
        Assert.StartsWith($"timestamp {run1.Token} for {run1.Manifest}: message imprint ", problem);
        Assert.Contains("token belongs to other data", problem);
    }

    [Fact]
    public async Task Verify_ExtraFileAdded_NamesTheUnlistedFile()
    {
        var path = await BundleAsync(new PostKey("generic", "p2"));
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
        {
            using var w = zip.CreateEntry("captures/cap2/note.txt").Open();
            w.Write("planted"u8);
        }

        var result = CaseBundleVerifier.Verify(path);

        Assert.Equal("unlisted file: captures/cap2/note.txt is in the bundle but not in manifest.json", Assert.Single(result.Problems));
    }

    [Fact]
    public async Task Verify_CustodyEntryEdited_ReportsAlteredEntry()
    {
        var path = await BundleAsync(new PostKey("generic", "p2"));
        var bad = Tamper(path, (name, bytes) => name == "custody/entries.jsonl"
            ? Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace("\"action\":\"capture\"", "\"action\":\"capturE\"", StringComparison.Ordinal))
            : bytes);
        // keep manifest.json consistent so that only the chain check can catch it
        var custody = ReadFrom(bad, "custody/entries.jsonl");
        var manifest = BundleManifest.Parse(ReadFrom(bad, "manifest.json"))!;
        manifest = manifest with { Files = [.. manifest.Files.Select(f => f.Path == "custody/entries.jsonl" ? f with { Sha256 = Convert.ToHexStringLower(SHA256.HashData(custody)), Bytes = custody.Length } : f)] };
        var worse = Tamper(bad, (name, bytes) => name == "manifest.json" ? manifest.ToBytes() : bytes);

        var result = CaseBundleVerifier.Verify(worse);

        Assert.Contains(result.Problems, p => p.StartsWith("custody entry ", StringComparison.Ordinal) && p.Contains(" altered: stored hash ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WriteAsync_UnknownPost_ThrowsSelectionErrorNamingIt()
    {
        var e = await Assert.ThrowsAsync<BundleSelectionException>(() => BundleAsync(new PostKey("generic", "nope")));

        Assert.Equal("post generic:nope is not in the archive", e.Message);
    }

    [Fact]
    public async Task WriteAsync_ChainFromChainsJson_PacksEveryPostOfTheChain()
    {
        var chains = dir.File("chains.json");
        File.WriteAllText(chains, """{"chains":[{"id":"c-7","origin":{"platform":"generic","id":"p1"},"posts":[{"platform":"generic","id":"p1"},{"platform":"generic","id":"p2"}]}]}""");
        var path = dir.File("chain.zip");

        var summary = await CaseBundleWriter.WriteAsync(archive, new BundleSelection { Chains = ["c-7"], ChainsFile = chains }, path, TimeProvider.System, TestContext.Current.CancellationToken);

        Assert.Equal(2, summary.Posts);
        Assert.Equal(3, summary.Captures);
        Assert.True(CaseBundleVerifier.Verify(path).Valid);
    }

    [Fact]
    public async Task WriteAsync_AfterStampsAndExport_ArchiveStillVerifiesClean()
    {
        await BundleAsync(new PostKey("generic", "p1"));

        var result = await ArchiveVerifier.VerifyAsync(archive, TestContext.Current.CancellationToken);
        var (tokens, problems) = await ArchiveTimestampVerifier.VerifyAsync(archive, TestContext.Current.CancellationToken);

        Assert.True(result.IsClean, string.Join("\n", result.Problems));
        Assert.Equal(2, tokens);
        Assert.Empty(problems);
    }

    private static byte[] Read(ZipArchive zip, string name)
    {
        using var stream = zip.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static byte[] ReadFrom(string path, string name)
    {
        using var zip = ZipFile.OpenRead(path);
        return Read(zip, name);
    }
}
