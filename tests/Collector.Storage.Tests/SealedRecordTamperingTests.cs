namespace Collector.Storage.Tests;

/// <summary>
/// The tamper suite: each kind of record edit and each kind of artifact change, one at a time on a freshly built archive
/// (<see cref="SealedArchive"/>); verification must fail and name what was changed (table, key; hashes where they apply).
/// </summary>
public sealed class SealedRecordTamperingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, string> RecordEdits => SealedArchive.RecordEdits;

    [Theory]
    [MemberData(nameof(RecordEdits))]
    public async Task Verify_RecordEdited_NamesIt(string kind, string sql, string expected)
    {
        using var archive = await SealedArchive.BuildAsync(Ct);
        Assert.True((await archive.VerifyAsync(Ct)).IsClean, "the untouched archive verifies clean");

        archive.Sql(sql);
        var result = await archive.VerifyAsync(Ct);

        Assert.False(result.IsClean, kind + " went unnoticed");
        Assert.Contains(result.Problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_CompressedArtifactFileContentChanged_ReportsItAltered()
    {
        using var archive = await SealedArchive.BuildAsync(Ct, filePerArtifact: true);
        var file = archive.ArtifactFile(archive.Html, gz: true);
        var bytes = await File.ReadAllBytesAsync(file, Ct);
        bytes[bytes.Length / 2] ^= 0x40;
        await File.WriteAllBytesAsync(file, bytes, Ct);

        var problem = Assert.Single((await archive.VerifyAsync(Ct)).Problems);

        Assert.StartsWith($"altered artifact {archive.Html.Sha256}: ", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_GzipHeaderByteChangedInOwnFile_ReportsStoredBytesChanged()
    {
        using var archive = await SealedArchive.BuildAsync(Ct, filePerArtifact: true);
        var file = archive.ArtifactFile(archive.Html, gz: true);
        var bytes = await File.ReadAllBytesAsync(file, Ct);
        bytes[4] ^= 0x01; // MTIME: the content still decompresses the same
        await File.WriteAllBytesAsync(file, bytes, Ct);

        var problem = Assert.Single((await archive.VerifyAsync(Ct)).Problems);

        Assert.StartsWith($"altered artifact {archive.Html.Sha256}: stored bytes changed: expected sha256 ", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Verify_ByteAppendedToArtifactFile_ReportsIt(bool compressed)
    {
        using var archive = await SealedArchive.BuildAsync(Ct, filePerArtifact: true);
        var artifact = compressed ? archive.Html : archive.Png;
        await using (var file = new FileStream(archive.ArtifactFile(artifact, compressed), FileMode.Append))
        {
            file.WriteByte(0);
        }

        var problem = Assert.Single((await archive.VerifyAsync(Ct)).Problems);

        Assert.StartsWith($"altered artifact {artifact.Sha256}: ", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_ArtifactFileDeleted_ReportsItMissing()
    {
        using var archive = await SealedArchive.BuildAsync(Ct, filePerArtifact: true);
        File.Delete(archive.ArtifactFile(archive.Png, gz: false));

        var problem = Assert.Single((await archive.VerifyAsync(Ct)).Problems);

        Assert.StartsWith($"missing artifact {archive.Png.Sha256}", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_StrayFileAdded_ReportsIt()
    {
        using var archive = await SealedArchive.BuildAsync(Ct);
        await File.WriteAllTextAsync(Path.Combine(archive.ArtifactRoot, "planted.html"), "<p>never captured</p>", Ct);

        var problem = Assert.Single((await archive.VerifyAsync(Ct)).Problems);

        Assert.StartsWith("artifacts planted.html: stray file in the artifact folder", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_TemporaryLeftoverInFlightAndOrphanedFile_CleansTheLeftoverKeepsTheLiveOneNotesTheOrphan()
    {
        using var archive = await SealedArchive.BuildAsync(Ct, filePerArtifact: true);
        var dir = Path.GetDirectoryName(archive.ArtifactFile(archive.Png, gz: false))!;
        var leftover = Path.Combine(dir, "." + archive.Png.Sha256 + ".0123.tmp");
        await File.WriteAllTextAsync(leftover, "half written", Ct);
        File.SetLastWriteTimeUtc(leftover, File.GetLastWriteTimeUtc(leftover).AddHours(-1)); // left by a writer that died
        var inFlight = Path.Combine(dir, "." + archive.Png.Sha256 + ".4567.tmp"); // a live writer's, being written now
        await File.WriteAllTextAsync(inFlight, "being written", Ct);
        var orphan = "an artifact written just before a kill"u8.ToArray();
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(orphan));
        Directory.CreateDirectory(Path.Combine(archive.ArtifactRoot, sha[..2], sha[2..4]));
        await File.WriteAllBytesAsync(Path.Combine(archive.ArtifactRoot, sha[..2], sha[2..4], sha), orphan, Ct);

        var result = await archive.VerifyAsync(Ct);

        Assert.True(result.IsClean, string.Join("\n", result.Problems));
        Assert.Equal([leftover], result.RemovedTemporaryFiles);
        Assert.False(File.Exists(leftover));
        Assert.True(File.Exists(inFlight));
        Assert.Contains(result.Notes, n => n.Contains("orphaned file", StringComparison.Ordinal) && n.Contains(sha, StringComparison.Ordinal));
    }
}
