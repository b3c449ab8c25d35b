using Collector.Evidence.Timestamps;
using Collector.Storage;
using Microsoft.Data.Sqlite;

namespace Collector.Evidence.Tests;

/// <summary>
/// The custody log against the heads in stamped run manifests: a forger who can rewrite the database and the anchor file
/// cannot re-stamp a manifest, so a log cut short of, or rewritten under, a stamped head fails verification.
/// </summary>
public sealed class StampedHeadTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Verify_LogContinuesPastTheStampedHead_Holds()
    {
        using var dir = new TempDir();
        await using var tsa = await LoopbackTimestampAuthority.StartAsync(cancellationToken: Ct);
        await using var archive = await EvidenceWorld.ArchiveWithAsync(dir.Path, [EvidenceWorld.PostPage("1"), EvidenceWorld.PostPage("2")]);
        await EvidenceWorld.StampRunsAsync(archive, tsa, "run-1");
        await archive.Custody.AppendAsync(new CustodyEvent { Action = "export", Subject = "later.zip" }, Ct);

        var (count, problems) = await ArchiveTimestampVerifier.VerifyAsync(archive, Ct);

        Assert.Equal(1, count);
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Verify_TailCutBeforeTheStampedHeadAndAnchorsDeleted_ReportsTheLogShorterThanTheStampedManifest()
    {
        using var dir = new TempDir();
        await using var tsa = await LoopbackTimestampAuthority.StartAsync(cancellationToken: Ct);
        await using var archive = await EvidenceWorld.ArchiveWithAsync(dir.Path, [EvidenceWorld.PostPage("1"), EvidenceWorld.PostPage("2")]);
        await EvidenceWorld.StampRunsAsync(archive, tsa, "run-1");
        var head = (await Entries(archive)).Single(e => e.Action == RunManifestStamper.ManifestAction).Sequence - 1; // the head the manifest holds

        Sql(dir, $"DELETE FROM custody WHERE seq >= {head}");
        File.Delete(dir.File("a.db") + CustodyAnchors.Suffix);
        var (_, problems) = await ArchiveTimestampVerifier.VerifyAsync(archive, Ct);

        Assert.Contains(problems, p => p.Contains("a timestamp token is stored but no custody entry names it", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains(
            $"custody log is shorter than the head stamped in run run-1's manifest at ", StringComparison.Ordinal)
            && p.Contains($"the log ends at entry {head - 1}, the manifest saw entry {head} ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_EntryUnderTheStampedHeadRewrittenAndRechainedWithItsAnchors_ReportsTheLogDivergingFromTheStampedManifest()
    {
        using var dir = new TempDir();
        await using var tsa = await LoopbackTimestampAuthority.StartAsync(cancellationToken: Ct);
        await using var archive = await EvidenceWorld.ArchiveWithAsync(dir.Path, [EvidenceWorld.PostPage("1"), EvidenceWorld.PostPage("2")]);
        await EvidenceWorld.StampRunsAsync(archive, tsa, "run-1");
        var entries = await Entries(archive);
        var head = entries.Single(e => e.Action == RunManifestStamper.ManifestAction).Sequence - 1;
        var original = entries.Single(e => e.Sequence == head).Hash;

        // the forger edits entry 1 and recomputes every later entry's chain hash, and the anchor file with them
        entries[0] = entries[0] with { Detail = "nothing happened here" };
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i] with { PreviousHash = i == 0 ? CustodyChain.GenesisHash : entries[i - 1].Hash };
            entries[i] = e with { Hash = CustodyChain.ComputeHash(e) };
            Sql(dir, $"UPDATE custody SET detail = '{entries[i].Detail?.Replace("'", "''", StringComparison.Ordinal)}', previous_hash = '{entries[i].PreviousHash}', hash = '{entries[i].Hash}' WHERE seq = {entries[i].Sequence}");
        }

        File.Delete(dir.File("a.db") + CustodyAnchors.Suffix);
        await CustodyAnchors.AppendAsync(dir.File("a.db") + CustodyAnchors.Suffix, entries[^1], "forged", DateTimeOffset.UnixEpoch, Ct);
        Assert.True((await ArchiveVerifier.VerifyAsync(archive, Ct)).IsClean, "the rewritten chain and anchors hold on their own");

        var (_, problems) = await ArchiveTimestampVerifier.VerifyAsync(archive, Ct);

        var problem = Assert.Single(problems);
        Assert.Contains($"custody log diverges from the head stamped in run run-1's manifest at ", problem, StringComparison.Ordinal);
        Assert.EndsWith($"entry {head}: expected {original}, actual {entries.Single(e => e.Sequence == head).Hash}", problem, StringComparison.Ordinal);
    }

    private static async Task<List<CustodyEntry>> Entries(IArchive archive)
    {
        var entries = new List<CustodyEntry>();
        await foreach (var e in archive.Custody.ReadAsync(1, Ct))
        {
            entries.Add(e);
        }

        return entries;
    }

    private static void Sql(TempDir dir, string sql)
    {
        using (var connection = new SqliteConnection($"Data Source={dir.File("a.db")};Pooling=false"))
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = sql;
            cmd.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();
    }
}
