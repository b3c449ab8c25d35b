using System.Text;
using Collector.Model;
using Collector.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Collector.Storage.Tests;

/// <summary>
/// A small SQLite archive with one of every kind of sealed record, built afresh in its own folder: a run (start and
/// end, so the anchor file holds its head), captures with a compressed page and a screenshot, an edited post (two
/// versions), a post tombstoned by a not-found capture, and an import.
/// </summary>
internal sealed class SealedArchive : IDisposable
{
    private const string P1 = "(SELECT pk FROM posts WHERE post_id = 'p1')";
    private readonly TempFolder folder = new();

    /// <summary>Each kind of record edit: its name, the SQL that makes it, and what verification must say.</summary>
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

    public string DbPath => Path.Combine(folder.Path, "a.db");

    public string ArtifactRoot => DbPath + ".artifacts";

    public ArtifactRef Html { get; private set; } = null!;

    public ArtifactRef Png { get; private set; } = null!;

    /// <summary>Builds the archive; with <paramref name="filePerArtifact"/>, its artifacts then laid out as archives written before packs keep them.</summary>
    public static async Task<SealedArchive> BuildAsync(CancellationToken ct, bool filePerArtifact = false)
    {
        var built = await BuildPackedAsync(ct);
        if (filePerArtifact)
        {
            StoredBytes.ToFilePerArtifact(built.DbPath);
        }

        return built;
    }

    private static async Task<SealedArchive> BuildPackedAsync(CancellationToken ct)
    {
        var built = new SealedArchive();
        await using var archive = await built.OpenAsync(ct);
        var run = new RunRecord { Id = "run-1", Source = "src", StartedAt = TestData.T0 };
        await archive.Runs.SaveAsync(run, ct);
        built.Html = await archive.Artifacts.PutAsync(new ArtifactContent(ArtifactKinds.Raw,
            Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 400).Select(i => $"<p>paragraph {i}</p>"))), "text/html"), ct);
        var png = new byte[3000];
        new Random(7).NextBytes(png);
        built.Png = await archive.Artifacts.PutAsync(new ArtifactContent(ArtifactKinds.Screenshot, png, "image/png"), ct);
        await archive.RecordCaptureAsync(TestData.Capture("c1", TestData.T0, TestData.Post("p1", "first text", likes: 1), TestData.Post("p2"), TestData.Post("p3"))
            with { Artifacts = [built.Html, built.Png] }, CaptureContext.None, ct);
        await archive.RecordCaptureAsync(TestData.Capture("c2", TestData.T0.AddHours(1), TestData.Post("p1", "edited text", likes: 5), TestData.Post("p2", likes: 2))
            with { Artifacts = [built.Html] }, CaptureContext.None, ct);
        await archive.RecordCaptureAsync(TestData.Capture("c3", TestData.T0.AddHours(2)) with
        {
            Outcome = PageOutcome.NotFound, HttpStatus = 404, SubjectPost = new PostKey("reddit", "p3"),
        }, CaptureContext.None, ct);
        await archive.ImportAsync([TestData.Post("i1", "imported text")], new ImportContext { Origin = "other.jsonl" }, ct);
        await archive.Runs.SaveAsync(run with { EndedAt = TestData.T0.AddHours(3), Outcome = RunOutcomes.Succeeded }, ct);
        return built;
    }

    public async Task<IArchive> OpenAsync(CancellationToken ct) => await new SqliteArchiveBackend(TimeProvider.System).OpenAsync("sqlite:" + DbPath, ct);

    public async Task<ArchiveVerification> VerifyAsync(CancellationToken ct)
    {
        await using var archive = await OpenAsync(ct);
        return await ArchiveVerifier.VerifyAsync(archive, ct);
    }

    public string ArtifactFile(ArtifactRef a, bool gz) => Path.Combine(ArtifactRoot, a.Sha256[..2], a.Sha256[2..4], a.Sha256 + (gz ? ".gz" : ""));

    public void Sql(string sql)
    {
        using (var connection = new SqliteConnection($"Data Source={DbPath};Pooling=false"))
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = sql;
            cmd.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        folder.Dispose();
    }
}
