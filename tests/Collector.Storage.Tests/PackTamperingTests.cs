using System.Security.Cryptography;
using System.Text;

namespace Collector.Storage.Tests;

/// <summary>
/// Artifacts kept in pack files (many to a file, <c>ROOT/packs</c>): each change to a pack's bytes is caught by verify
/// and named with the pack and offset; what a crash can leave in a pack (an entry never recorded, a torn last entry) is
/// a note, not a problem.
/// </summary>
public sealed class PackTamperingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Verify_BuiltArchive_ArtifactsArePackedAndClean()
    {
        using var archive = await SealedArchive.BuildAsync(Ct);

        var result = await archive.VerifyAsync(Ct);

        Assert.True(result.IsClean, string.Join("\n", result.Problems));
        Assert.Equal([Path.Combine(archive.ArtifactRoot, "packs")], Directory.GetDirectories(archive.ArtifactRoot));
        Assert.StartsWith(Path.Combine(archive.ArtifactRoot, "packs"), StoredBytes.InPack(archive.DbPath, archive.Png.Sha256).Pack, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_ByteFlippedInPackedArtifact_ReportsItAlteredWithPackAndOffset()
    {
        using var archive = await SealedArchive.BuildAsync(Ct);
        var (pack, offset, _) = StoredBytes.InPack(archive.DbPath, archive.Png.Sha256);
        StoredBytes.Flip(archive.DbPath, archive.Png.Sha256);

        var problem = Assert.Single((await archive.VerifyAsync(Ct)).Problems);

        Assert.StartsWith($"altered artifact {archive.Png.Sha256}: expected sha256 {archive.Png.Sha256}, actual ", problem, StringComparison.Ordinal);
        Assert.EndsWith($"({pack}@{offset})", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_CompressedPackedArtifactChanged_ReportsItAltered()
    {
        using var archive = await SealedArchive.BuildAsync(Ct);
        StoredBytes.Flip(archive.DbPath, archive.Html.Sha256, bit: 0x40);

        var problem = Assert.Single((await archive.VerifyAsync(Ct)).Problems);

        Assert.StartsWith($"altered artifact {archive.Html.Sha256}: ", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_GzipHeaderByteChangedInPack_ReportsStoredBytesChanged()
    {
        using var archive = await SealedArchive.BuildAsync(Ct);
        StoredBytes.Flip(archive.DbPath, archive.Html.Sha256, at: 4); // MTIME: the content still decompresses the same

        var problem = Assert.Single((await archive.VerifyAsync(Ct)).Problems);

        Assert.StartsWith($"altered artifact {archive.Html.Sha256}: stored bytes changed: expected sha256 ", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_RowPointedAtAnotherOffset_ReportsItAltered()
    {
        using var archive = await SealedArchive.BuildAsync(Ct);
        archive.Sql($"UPDATE artifacts SET pack_offset = pack_offset + 1 WHERE sha256 = '{archive.Png.Sha256}'");

        var problem = Assert.Single((await archive.VerifyAsync(Ct)).Problems);

        Assert.StartsWith($"altered artifact {archive.Png.Sha256}: ", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_PackDeleted_ReportsEveryArtifactInItMissing()
    {
        using var archive = await SealedArchive.BuildAsync(Ct);
        File.Delete(StoredBytes.InPack(archive.DbPath, archive.Png.Sha256).Pack);

        var problems = (await archive.VerifyAsync(Ct)).Problems;

        Assert.Contains(problems, p => p.StartsWith($"missing artifact {archive.Png.Sha256}", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith($"missing artifact {archive.Html.Sha256}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_UnrecordedCompleteEntryAndTornTail_NotesBothArchiveStaysClean()
    {
        using var archive = await SealedArchive.BuildAsync(Ct);
        var pack = StoredBytes.InPack(archive.DbPath, archive.Png.Sha256).Pack;
        var orphan = "bytes flushed just before a kill, never recorded"u8.ToArray();
        var sha = Convert.ToHexStringLower(SHA256.HashData(orphan));
        await using (var file = new FileStream(pack, FileMode.Append))
        {
            file.Write(Encoding.ASCII.GetBytes($"{sha} identity {orphan.Length}\n"));
            file.Write(orphan);
            file.Write("\n"u8);
            file.Write(Encoding.ASCII.GetBytes($"{sha} identity 5000\n")); // the next write, cut short
            file.Write(orphan);
        }

        var result = await archive.VerifyAsync(Ct);

        Assert.True(result.IsClean, string.Join("\n", result.Problems));
        Assert.Contains(result.Notes, n => n.Contains("orphaned pack entry", StringComparison.Ordinal));
        Assert.Contains(result.Notes, n => n.Contains("ends past the end of the pack", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_EntryWhoseBytesDoNotMatchItsHeader_ReportsAStrayEntry()
    {
        using var archive = await SealedArchive.BuildAsync(Ct);
        var pack = StoredBytes.InPack(archive.DbPath, archive.Png.Sha256).Pack;
        var planted = "<p>never captured</p>"u8.ToArray();
        var claimed = new string('a', 64);
        await using (var file = new FileStream(pack, FileMode.Append))
        {
            file.Write(Encoding.ASCII.GetBytes($"{claimed} identity {planted.Length}\n"));
            file.Write(planted);
            file.Write("\n"u8);
        }

        var problem = Assert.Single((await archive.VerifyAsync(Ct)).Problems);

        Assert.Contains("stray pack entry", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_FileInPacksFolderThatIsNoPack_ReportsIt()
    {
        using var archive = await SealedArchive.BuildAsync(Ct);
        await File.WriteAllTextAsync(Path.Combine(archive.ArtifactRoot, "packs", "planted.pack"), "<p>never captured</p>", Ct);

        var problem = Assert.Single((await archive.VerifyAsync(Ct)).Problems);

        Assert.Contains("planted.pack", problem, StringComparison.Ordinal);
        Assert.Contains("not a pack file", problem, StringComparison.Ordinal);
    }
}
