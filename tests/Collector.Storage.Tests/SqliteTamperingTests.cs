using System.Text;
using Collector.Model;
using Collector.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Collector.Storage.Tests;

/// <summary>Each kind of tampering with a SQLite archive is caught by the verifier with a precise message.</summary>
public sealed class SqliteTamperingTests : IDisposable
{
    private readonly TempFolder folder = new();

    private string DbPath => Path.Combine(folder.Path, "a.db");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Verify_UntouchedArchive_IsClean()
    {
        await BuildAsync();

        var result = await VerifyAsync();

        Assert.Empty(result.Problems);
        Assert.Equal(2, result.ArtifactsChecked);
        Assert.Equal(4, result.CustodyEntries);
    }

    [Fact]
    public async Task Verify_OneByteFlippedInUncompressedArtifact_ReportsExpectedAndActualHash()
    {
        var (_, png) = await BuildAsync();
        var (pack, offset, length) = StoredBytes.InPack(DbPath, png.Sha256);
        StoredBytes.Flip(DbPath, png.Sha256);
        var actual = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            (await File.ReadAllBytesAsync(pack, Ct)).AsSpan((int)offset, (int)length)));

        var problem = Assert.Single((await VerifyAsync()).Problems);

        Assert.Equal($"altered artifact {png.Sha256}: expected sha256 {png.Sha256}, actual {actual} ({pack}@{offset})", problem);
    }

    [Fact]
    public async Task Verify_OneByteFlippedInCompressedArtifact_ReportsItAltered()
    {
        var (html, _) = await BuildAsync();
        var (pack, offset, _) = StoredBytes.InPack(DbPath, html.Sha256);
        var stored = await File.ReadAllBytesAsync(pack, Ct);
        Assert.True(stored[offset] == 0x1f && stored[offset + 1] == 0x8b, "text artifacts are stored gzip-compressed");
        StoredBytes.Flip(DbPath, html.Sha256);

        var problem = Assert.Single((await VerifyAsync()).Problems);

        Assert.StartsWith($"altered artifact {html.Sha256}: expected sha256 {html.Sha256}, ", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_ArtifactFileDeleted_ReportsMissingArtifact()
    {
        var (_, png) = await BuildAsync();
        StoredBytes.ToFilePerArtifact(DbPath);
        File.Delete(Path.Combine(DbPath + ".artifacts", png.Sha256[..2], png.Sha256[2..4], png.Sha256));

        var problem = Assert.Single((await VerifyAsync()).Problems);

        Assert.StartsWith($"missing artifact {png.Sha256}", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_CustodyEntryDeleted_ReportsMissingEntryAndBrokenLink()
    {
        await BuildAsync();
        Sql("DELETE FROM custody WHERE seq = 2");

        var problems = (await VerifyAsync()).Problems;

        Assert.Contains("custody entry 2 is missing (sequence jumps from 1 to 3)", problems);
        Assert.Contains(problems, p => p.StartsWith("broken link at custody entry 3:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("capture c2 has no custody entry", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_TwoCustodyEntriesSwapped_ReportsThemReordered()
    {
        await BuildAsync();
        Sql("""
            UPDATE custody SET seq = -2 WHERE seq = 2;
            UPDATE custody SET seq = 2 WHERE seq = 3;
            UPDATE custody SET seq = 3 WHERE seq = -2;
            """);

        var problems = (await VerifyAsync()).Problems;

        Assert.Contains(problems, p => p.StartsWith("custody entry 2 reordered: its content was written as entry 3", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("custody entry 3 reordered: its content was written as entry 2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_CustodyEntryEdited_ReportsItAltered()
    {
        await BuildAsync();
        Sql("UPDATE custody SET detail = 'nothing to see' WHERE seq = 2");

        var problems = (await VerifyAsync()).Problems;

        Assert.Contains(problems, p => p.StartsWith("custody entry 2 altered: stored hash ", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Contains("reordered", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_LastCustodyEntryDeleted_ReportsCaptureWithoutEntryAndItsRecords()
    {
        await BuildAsync();
        Sql("DELETE FROM custody WHERE seq = 4");

        var problems = (await VerifyAsync()).Problems;

        Assert.Equal("capture c4 has no custody entry (custody entries removed?)", problems[0]);
        Assert.All(problems.Skip(1), p => Assert.Contains("belongs to capture c4, which has no custody entry", p, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Put_ExistingArtifactFile_IsNeverRewritten()
    {
        var (_, png) = await BuildAsync();
        StoredBytes.ToFilePerArtifact(DbPath);
        var file = Path.Combine(DbPath + ".artifacts", png.Sha256[..2], png.Sha256[2..4], png.Sha256);
        var before = File.GetLastWriteTimeUtc(file);
        File.SetLastWriteTimeUtc(file, before.AddDays(-1));

        await using (var archive = await OpenAsync())
        {
            await archive.Artifacts.PutAsync(new ArtifactContent(ArtifactKinds.Screenshot, PngBytes(), "image/png"), Ct);
        }

        Assert.Equal(before.AddDays(-1), File.GetLastWriteTimeUtc(file));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(file)!));
        Assert.False(Directory.Exists(Path.Combine(DbPath + ".artifacts", "packs")), "stored once already: not written again to a pack");
    }

    [Fact]
    public async Task Put_StoredInAnEarlierSession_NotAppendedAgain()
    {
        var (_, png) = await BuildAsync();
        var pack = StoredBytes.InPack(DbPath, png.Sha256).Pack;
        var before = await File.ReadAllBytesAsync(pack, Ct);

        await using (var archive = await OpenAsync())
        {
            await archive.Artifacts.PutAsync(new ArtifactContent(ArtifactKinds.Screenshot, PngBytes(), "image/png"), Ct);
        }

        Assert.Equal([pack], Directory.GetFiles(Path.GetDirectoryName(pack)!));
        Assert.Equal(before, await File.ReadAllBytesAsync(pack, Ct));
    }

    [Fact]
    public async Task Put_LaterSession_AppendsToANewPackNeverToAnEarlierOne()
    {
        var (_, png) = await BuildAsync();
        var first = StoredBytes.InPack(DbPath, png.Sha256).Pack;
        var before = await File.ReadAllBytesAsync(first, Ct);
        var more = Enumerable.Range(0, 40).Select(i => Encoding.UTF8.GetBytes($"later artifact {i}")).ToList();

        await using (var archive = await OpenAsync())
        {
            var stored = await Task.WhenAll(more.Select(b => archive.Artifacts.PutAsync(new ArtifactContent(ArtifactKinds.Screenshot, b, "image/png"), Ct)));
            foreach (var (reference, bytes) in stored.Zip(more))
            {
                await using var read = await archive.Artifacts.OpenReadAsync(reference.Sha256, Ct);
                using var copy = new MemoryStream();
                await read!.CopyToAsync(copy, Ct);
                Assert.Equal(bytes, copy.ToArray());
            }
        }

        Assert.Equal(before, await File.ReadAllBytesAsync(first, Ct));
        var second = Assert.Single(Directory.GetFiles(Path.GetDirectoryName(first)!), p => p != first);
        Assert.All(more, b => Assert.Equal(second, StoredBytes.InPack(DbPath, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(b))).Pack));
        Assert.Empty((await VerifyAsync()).Problems);
    }

    private async Task<(ArtifactRef Html, ArtifactRef Png)> BuildAsync()
    {
        await using var archive = await OpenAsync();
        var html = await archive.Artifacts.PutAsync(new ArtifactContent(ArtifactKinds.Raw,
            Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 400).Select(i => $"<p>paragraph {i}</p>"))), "text/html"), Ct);
        var png = await archive.Artifacts.PutAsync(new ArtifactContent(ArtifactKinds.Screenshot, PngBytes(), "image/png"), Ct);
        for (var i = 1; i <= 4; i++)
        {
            var capture = TestData.Capture($"c{i}", TestData.T0.AddMinutes(i), TestData.Post($"p{i}")) with { Artifacts = i == 1 ? [html, png] : [html] };
            await archive.RecordCaptureAsync(capture, CaptureContext.None, Ct);
        }

        return (html, png);
    }

    private static byte[] PngBytes()
    {
        var bytes = new byte[3000];
        new Random(7).NextBytes(bytes);
        return bytes;
    }

    private async Task<IArchive> OpenAsync() => await new SqliteArchiveBackend(TimeProvider.System).OpenAsync("sqlite:" + DbPath, Ct);

    private async Task<ArchiveVerification> VerifyAsync()
    {
        await using var archive = await OpenAsync();
        return await ArchiveVerifier.VerifyAsync(archive, Ct);
    }

    private void Sql(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={DbPath};Pooling=false");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
