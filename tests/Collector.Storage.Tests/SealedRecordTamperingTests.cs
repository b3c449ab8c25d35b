namespace Collector.Storage.Tests;

/// <summary>
/// The tamper suite: each kind of record edit and each kind of artifact change, one at a time on a freshly built archive
/// (<see cref="SealedArchive"/>); verification must fail and name what was changed (table, key; hashes where they apply).
/// </summary>
public sealed class SealedRecordTamperingTests
{
    private const string P1 = "(SELECT pk FROM posts WHERE post_id = 'p1')";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, string> RecordEdits => new()
    {
        { "post row", "UPDATE posts SET last_seen = last_seen + 1 WHERE post_id = 'p2'", "posts reddit:p2: last_seen disagrees with its latest observation" },
        { "post version count", "UPDATE posts SET version_count = 1 WHERE post_id = 'p1'", "posts reddit:p1: version_count disagrees with its versions" },
        { "version text", $"UPDATE versions SET json = replace(json, 'first text', 'first texT') WHERE post_pk = {P1} AND number = 1", "versions reddit:p1/1: stored record differs from what custody entry 2 (capture c1) sealed: expected " },
        { "version time", $"UPDATE versions SET first_seen = first_seen + 10000000 WHERE post_pk = {P1} AND number = 2", "versions reddit:p1/2: stored record differs from what custody entry 3 (capture c2) sealed" },
        { "imported version", "UPDATE versions SET json = replace(json, 'imported text', 'imported texT') WHERE capture_id IS NULL", "versions reddit:i1/1: stored record differs from what custody entry 5 (import other.jsonl) sealed" },
        { "observation edited", $"UPDATE observations SET likes = 999 WHERE post_pk = {P1} AND capture_id = 'c2'", "observations reddit:p1/c2: stored record differs from what custody entry 3 (capture c2) sealed" },
        { "observation deleted", "DELETE FROM observations WHERE capture_id = 'c2' AND post_pk = (SELECT pk FROM posts WHERE post_id = 'p2')", "observations reddit:p2/c2: sealed by custody entry 3 (capture c2) but no longer stored" },
        { "observation added", $"INSERT INTO observations(post_pk, at, capture_id, ordinal, version, changed) VALUES ({P1}, 1, 'c3', 0, 2, 0)", "observations reddit:p1/c3: no custody entry seals this record" },
        { "capture status", "UPDATE captures SET json = replace(json, '\"httpStatus\":200', '\"httpStatus\":500') WHERE id = 'c1'", "captures c1: stored record differs from what custody entry 2 (capture c1) sealed" },
        { "capture time", "UPDATE captures SET fetched_at = fetched_at + 1000 WHERE id = 'c2'", "captures c2: stored record differs from what custody entry 3 (capture c2) sealed" },
        { "capture url", "UPDATE captures SET final_url = 'https://elsewhere.test/' WHERE id = 'c1'", "captures c1: stored record differs" },
        { "capture deleted", "DELETE FROM captures WHERE id = 'c2'", "captures c2: sealed by custody entry 3 (capture c2) but no longer stored" },
        { "tombstone added", "UPDATE posts SET tombstone_reason = 'removed', tombstone_at = 1, tombstone_capture = 'c2' WHERE post_id = 'p2'", "tombstones reddit:p2: no custody entry seals this record" },
        { "tombstone removed", "UPDATE posts SET tombstone_reason = NULL, tombstone_at = NULL, tombstone_capture = NULL WHERE post_id = 'p3'", "tombstones reddit:p3: sealed by custody entry 4 (capture c3) but no longer stored" },
        { "run edited", "UPDATE runs SET json = replace(json, 'succeeded', 'failed')", "runs run-1: stored record differs from what custody entry 7 (run-end run-1) sealed" },
        { "artifact row", "UPDATE artifacts SET stored_length = stored_length + 1 WHERE kind = 'screenshot'", "artifacts " },
        { "custody entry edited", "UPDATE custody SET detail = 'nothing to see' WHERE seq = 3", "custody entry 3 altered: stored hash " },
        { "custody entry deleted", "DELETE FROM custody WHERE seq = 3", "custody entry 3 is missing (sequence jumps from 2 to 4)" },
        { "custody entries reordered", "UPDATE custody SET seq = -seq WHERE seq IN (2, 3); UPDATE custody SET seq = 3 WHERE seq = -2; UPDATE custody SET seq = 2 WHERE seq = -3", "reordered" },
        { "custody tail truncated after an anchor", "DELETE FROM custody WHERE seq = (SELECT max(seq) FROM custody)", "custody log is shorter than its anchor" },
    };

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
    public async Task Verify_CompressedArtifactContentChanged_ReportsItAltered()
    {
        using var archive = await SealedArchive.BuildAsync(Ct);
        var file = archive.ArtifactFile(archive.Html, gz: true);
        var bytes = await File.ReadAllBytesAsync(file, Ct);
        bytes[bytes.Length / 2] ^= 0x40;
        await File.WriteAllBytesAsync(file, bytes, Ct);

        var problem = Assert.Single((await archive.VerifyAsync(Ct)).Problems);

        Assert.StartsWith($"altered artifact {archive.Html.Sha256}: ", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_GzipHeaderByteChanged_ReportsStoredBytesChanged()
    {
        using var archive = await SealedArchive.BuildAsync(Ct);
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
    public async Task Verify_ByteAppendedToArtifact_ReportsIt(bool compressed)
    {
        using var archive = await SealedArchive.BuildAsync(Ct);
        var artifact = compressed ? archive.Html : archive.Png;
        await using (var file = new FileStream(archive.ArtifactFile(artifact, compressed), FileMode.Append))
        {
            file.WriteByte(0);
        }

        var problem = Assert.Single((await archive.VerifyAsync(Ct)).Problems);

        Assert.StartsWith($"altered artifact {artifact.Sha256}: ", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_ArtifactDeleted_ReportsItMissing()
    {
        using var archive = await SealedArchive.BuildAsync(Ct);
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
    public async Task Verify_TemporaryLeftoverAndOrphanedFile_CleansTheOneAndNotesTheOther()
    {
        using var archive = await SealedArchive.BuildAsync(Ct);
        var dir = Path.GetDirectoryName(archive.ArtifactFile(archive.Png, gz: false))!;
        var leftover = Path.Combine(dir, "." + archive.Png.Sha256 + ".0123.tmp");
        await File.WriteAllTextAsync(leftover, "half written", Ct);
        var orphan = "an artifact written just before a kill"u8.ToArray();
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(orphan));
        Directory.CreateDirectory(Path.Combine(archive.ArtifactRoot, sha[..2], sha[2..4]));
        await File.WriteAllBytesAsync(Path.Combine(archive.ArtifactRoot, sha[..2], sha[2..4], sha), orphan, Ct);

        var result = await archive.VerifyAsync(Ct);

        Assert.True(result.IsClean, string.Join("\n", result.Problems));
        Assert.Equal([leftover], result.RemovedTemporaryFiles);
        Assert.False(File.Exists(leftover));
        Assert.Contains(result.Notes, n => n.Contains("orphaned file", StringComparison.Ordinal) && n.Contains(sha, StringComparison.Ordinal));
    }
}
