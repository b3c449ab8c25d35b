using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace Collector.Storage.Sqlite;

/// <summary>
/// The SQLite archive as the verifier reads it: every sealed record recomputed from its stored columns, streamed one
/// table after another on a reader connection; the posts table's derived columns checked against the versions and
/// observations they summarize (<see cref="SqlitePostSummaryCheck"/>); the artifact folder walked for stray files.
/// </summary>
internal sealed class SqliteIntegrity(SqliteDatabase db, SqliteArtifactStore artifacts, TimeProvider time) : IArchiveIntegrity
{
    public string? AnchorPath => db.Path + CustodyAnchors.Suffix;

    public Task<IReadOnlyList<string>> RemoveTemporaryFilesAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(ArtifactFolder.RemoveTemporaryFiles(artifacts.Root, time.GetUtcNow()));

    public async Task<long> CountRecordsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = db.OpenReader();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            SELECT (SELECT count(*) FROM captures) + (SELECT count(*) FROM versions) + (SELECT count(*) FROM observations)
                 + (SELECT count(*) FROM posts WHERE tombstone_reason IS NOT NULL) + (SELECT count(*) FROM artifacts) + (SELECT count(*) FROM runs)
            """;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async IAsyncEnumerable<StoredRecord> ReadRecordsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = db.OpenReader();
        await foreach (var r in Rows(connection, """
            SELECT id, fetched_at, request_url, final_url, outcome, platform, source, run_id, json, new_posts, changed_posts, unchanged_posts, tombstoned
            FROM captures
            """, cancellationToken))
        {
            var seal = RecordSeal.Capture(r.GetString(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetStringOrNull(5),
                r.GetStringOrNull(6), r.GetStringOrNull(7), r.GetString(8), r.GetInt64(9), r.GetInt64(10), r.GetInt64(11), r.GetInt64(12));
            yield return new StoredRecord(seal.Table, seal.Key, seal.Hash, seal.Key);
        }

        await foreach (var r in Rows(connection, """
            SELECT coalesce(p.platform || ':' || p.post_id, '(no post row ' || v.post_pk || ')'), v.number, v.content_hash, v.first_seen, v.capture_id, v.json, v.changes
            FROM versions v LEFT JOIN posts p ON p.pk = v.post_pk
            """, cancellationToken))
        {
            var capture = r.GetStringOrNull(4);
            var seal = RecordSeal.Version(r.GetString(0), r.GetInt32(1), r.GetString(2), r.GetInt64(3), capture, r.GetString(5), r.GetStringOrNull(6));
            yield return new StoredRecord(seal.Table, seal.Key, seal.Hash, capture);
        }

        await foreach (var r in Rows(connection, """
            SELECT coalesce(p.platform || ':' || p.post_id, '(no post row ' || o.post_pk || ')'), o.at, o.capture_id, o.ordinal, o.version, o.changed,
                o.likes, o.comments, o.shares, o.views, o.score
            FROM observations o LEFT JOIN posts p ON p.pk = o.post_pk
            """, cancellationToken))
        {
            var capture = r.GetStringOrNull(2);
            var seal = RecordSeal.Observation(r.GetString(0), r.GetInt64(1), capture, r.GetInt32(3), r.GetInt32(4), r.GetInt64(5) != 0,
                r.GetInt64OrNull(6), r.GetInt64OrNull(7), r.GetInt64OrNull(8), r.GetInt64OrNull(9), r.GetInt64OrNull(10));
            yield return new StoredRecord(seal.Table, seal.Key, seal.Hash, capture);
        }

        await foreach (var r in Rows(connection, """
            SELECT platform || ':' || post_id, tombstone_reason, tombstone_at, tombstone_capture FROM posts WHERE tombstone_reason IS NOT NULL
            """, cancellationToken))
        {
            var capture = r.GetStringOrNull(3);
            var seal = RecordSeal.Tombstone(r.GetString(0), r.GetString(1), r.GetInt64OrNull(2) ?? 0, capture ?? "");
            yield return new StoredRecord(seal.Table, seal.Key, seal.Hash, capture);
        }

        await foreach (var r in Rows(connection, "SELECT sha256, kind, length, content_type, encoding, stored_length, stored_sha256 FROM artifacts", cancellationToken))
        {
            var seal = SqliteArtifactStore.ReadSeal(r);
            yield return new StoredRecord(seal.Table, seal.Key, seal.Hash);
        }

        await foreach (var r in Rows(connection, "SELECT id, json FROM runs", cancellationToken))
        {
            var seal = RecordSeal.Run(r.GetString(0), r.GetString(1));
            yield return new StoredRecord(seal.Table, seal.Key, seal.Hash);
        }
    }

    public async IAsyncEnumerable<string> ListArtifactsAsync(string kind, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = db.OpenReader();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT sha256 FROM artifacts WHERE kind = $kind ORDER BY sha256";
        cmd.Bind("$kind", kind);
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            yield return r.GetString(0);
        }
    }

    public async IAsyncEnumerable<IntegrityProblem> CheckStorageAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = db.OpenReader();
        await foreach (var p in SqlitePostSummaryCheck.RunAsync(connection, cancellationToken))
        {
            yield return p;
        }

        var known = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var r in Rows(connection, "SELECT sha256 FROM artifacts", cancellationToken))
        {
            known.Add(r.GetString(0));
        }

        foreach (var p in ArtifactFolder.FindStrayFiles(artifacts.Root, known))
        {
            yield return p;
        }
    }

    private static async IAsyncEnumerable<SqliteDataReader> Rows(SqliteConnection connection, string sql, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            yield return r;
        }
    }
}
