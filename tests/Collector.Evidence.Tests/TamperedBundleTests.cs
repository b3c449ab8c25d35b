using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Collector.Evidence.Bundles;
using Collector.Model;
using Collector.Storage;
using Collector.Storage.Tests;

namespace Collector.Evidence.Tests;

/// <summary>
/// Bundles and tampering: a bundle exported after any database edit is refused or fails verification; a bundle edited
/// after export (even with manifest.json re-hashed) fails verification because its custody entries and anchored head
/// still name what was sealed; unsafe entry names and oversized entries are refused unread.
/// </summary>
public sealed class TamperedBundleTests : IDisposable
{
    private static readonly PostKey[] Selected = [new("reddit", "p1"), new("reddit", "p2"), new("reddit", "p3"), new("reddit", "i1")];
    private readonly string folder = Directory.CreateTempSubdirectory("collector-bundle-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string ZipPath => Path.Combine(folder, "case.zip");

    public static TheoryData<string, string, string> RecordEdits => SealedArchive.RecordEdits;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Export_UntouchedArchive_BundleVerifiesWithAnchoredHead()
    {
        using var archive = await SealedArchive.BuildAsync(Ct);

        await ExportAsync(archive);
        var result = CaseBundleVerifier.Verify(ZipPath);

        Assert.True(result.Valid, string.Join("\n", result.Problems));
        Assert.Contains(result.Notes, n => n.StartsWith("chain head: entry ", StringComparison.Ordinal) && n.Contains("anchored", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(RecordEdits))]
    public async Task Export_AfterDatabaseEdit_RefusesOrBundleFails(string kind, string sql, string expected)
    {
        using var archive = await SealedArchive.BuildAsync(Ct);
        archive.Sql(sql);

        BundleRefusedException? refused = null;
        try
        {
            await ExportAsync(archive);
        }
        catch (BundleRefusedException e)
        {
            refused = e;
        }

        if (refused is not null)
        {
            Assert.Contains(refused.Problems, p => p.ToString().Contains(expected, StringComparison.Ordinal));
        }
        else
        {
            Assert.False(CaseBundleVerifier.Verify(ZipPath).Valid, $"{kind}: exported, and the bundle verifies");
        }
    }

    [Fact]
    public async Task Verify_PostTextChangedAndManifestRehashed_Fails()
    {
        using var archive = await SealedArchive.BuildAsync(Ct);
        await ExportAsync(archive);

        Rewrite(files =>
        {
            var path = BundlePaths.Post(new PostKey("reddit", "p1"));
            var post = JsonNode.Parse(files[path])!;
            post["versions"]![1]!["post"]!["text"] = "words never posted";
            files[path] = Encoding.UTF8.GetBytes(post.ToJsonString());
        });
        var result = CaseBundleVerifier.Verify(ZipPath);

        Assert.False(result.Valid);
        Assert.Contains(result.Problems, p => p.StartsWith("post version reddit:p1/2 differs from what custody entry 3 (capture c2) sealed", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Problems, p => p.StartsWith("altered file", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_PostFileAndItsManifestLineDropped_Fails()
    {
        using var archive = await SealedArchive.BuildAsync(Ct);
        await ExportAsync(archive);

        Rewrite(files => files.Remove(BundlePaths.Post(new PostKey("reddit", "p2"))));
        var result = CaseBundleVerifier.Verify(ZipPath);

        Assert.Contains(result.Problems, p => p.StartsWith("post version reddit:p2/1 is sealed by the export entry", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_CaptureDroppedWithItsFilesAndManifestLines_Fails()
    {
        using var archive = await SealedArchive.BuildAsync(Ct);
        await ExportAsync(archive);

        Rewrite(files =>
        {
            files.Remove(BundlePaths.Capture("c2"));
            files.Remove(BundlePaths.Warc("c2"));
        });
        var result = CaseBundleVerifier.Verify(ZipPath);

        Assert.Contains($"capture c2: its custody entry 3 is in the bundle but {BundlePaths.Capture("c2")} is not", result.Problems);
    }

    [Theory]
    [InlineData("../outside.txt")]
    [InlineData("/etc/planted")]
    [InlineData("posts/../../x.json")]
    [InlineData("C:/windows/x")]
    public async Task Verify_UnsafeEntryName_RefusedUnread(string name)
    {
        using var archive = await SealedArchive.BuildAsync(Ct);
        await ExportAsync(archive);
        using (var zip = ZipFile.Open(ZipPath, ZipArchiveMode.Update))
        {
            await using var entry = await zip.CreateEntry(name).OpenAsync(Ct);
            await entry.WriteAsync("planted"u8.ToArray(), Ct);
        }

        var result = CaseBundleVerifier.Verify(ZipPath);

        Assert.Contains($"unsafe entry name: '{name}' (absolute, '..' or backslash path): not read", result.Problems);
        Assert.False(File.Exists(Path.Combine(folder, "outside.txt")));
    }

    [Fact]
    public async Task Verify_EntryOverTheSizeLimit_RefusedWithoutReadingItAll()
    {
        using var archive = await SealedArchive.BuildAsync(Ct);
        await ExportAsync(archive);
        using (var zip = ZipFile.Open(ZipPath, ZipArchiveMode.Update))
        {
            await using var entry = await zip.CreateEntry("artifacts/" + new string('a', 64) + ".bin").OpenAsync(Ct);
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 8; i++)
            {
                await entry.WriteAsync(zeros, Ct);
            }
        }

        var result = CaseBundleVerifier.Verify(ZipPath, new BundleReader.Limits(MaxEntryBytes: 1 << 20, MaxParsedBytes: 1 << 20, MaxTotalBytes: 1L << 30));

        Assert.Contains(result.Problems, p => p.StartsWith("entry too large: artifacts/aaaa", StringComparison.Ordinal));
    }

    private async Task ExportAsync(SealedArchive archive)
    {
        await using var opened = await archive.OpenAsync(Ct);
        await CaseBundleWriter.WriteAsync(opened, new BundleSelection { Posts = Selected }, ZipPath, TimeProvider.System, Ct);
    }

    /// <summary>Edits the bundle's files, then re-hashes manifest.json to match (what a careful forger would do).</summary>
    private void Rewrite(Action<Dictionary<string, byte[]>> edit)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using (var zip = ZipFile.OpenRead(ZipPath))
        {
            foreach (var e in zip.Entries)
            {
                using var s = e.Open();
                using var copy = new MemoryStream();
                s.CopyTo(copy);
                files[e.FullName] = copy.ToArray();
            }
        }

        edit(files);
        var manifest = JsonNode.Parse(files[BundleManifest.FileName])!;
        var listed = new JsonArray();
        foreach (var (path, bytes) in files.Where(f => f.Key != BundleManifest.FileName).OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            listed.Add(new JsonObject { ["path"] = path, ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(bytes)), ["bytes"] = bytes.LongLength });
        }

        manifest["files"] = listed;
        files[BundleManifest.FileName] = Encoding.UTF8.GetBytes(manifest.ToJsonString());
        File.Delete(ZipPath);
        using var output = ZipFile.Open(ZipPath, ZipArchiveMode.Create);
        foreach (var (path, bytes) in files)
        {
            using var s = output.CreateEntry(path).Open();
            s.Write(bytes);
        }
    }
}
