using Collector.Model;

namespace Collector.Storage.Sqlite;

/// <summary>
/// Runs, each save sealed by a custody entry in the same transaction (<see cref="RunLog"/>); a run's end writes the log's
/// head to the anchor file. Opening the archive marks interrupted the runs whose process on this host has died.
/// </summary>
internal sealed class SqliteRunStore(SqliteDatabase db, TimeProvider time) : IRunStore
{
    private string AnchorPath => db.Path + CustodyAnchors.Suffix;

    public async Task SaveAsync(RunRecord run, CancellationToken cancellationToken = default)
    {
        var head = await db.WriteAsync(w => Save(w, run, interrupted: false), cancellationToken);
        if (head is not null && RunLog.IsEnded(run))
        {
            await CustodyAnchors.AppendAsync(AnchorPath, head, "end of run " + run.Id, time.GetUtcNow(), cancellationToken);
        }
    }

    /// <summary>Marks interrupted every run still "running" whose process on this host is gone; returns how many.</summary>
    public async Task<int> MarkInterruptedAsync(CancellationToken cancellationToken = default)
    {
        var stale = new List<RunRecord>();
        await using (var connection = db.OpenReader())
        await using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT json, owner FROM runs WHERE json_extract(json, '$.outcome') = 'running'";
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await r.ReadAsync(cancellationToken))
            {
                if (RunLog.OwnerIsGone(r.GetStringOrNull(1)))
                {
                    stale.Add(StorageJson.Deserialize<RunRecord>(r.GetString(0))!);
                }
            }
        }

        foreach (var run in stale)
        {
            var head = await db.WriteAsync(w =>
            {
                var pages = new Dictionary<string, long>(StringComparer.Ordinal);
                using (var r = w.Command("SELECT outcome, count(*) FROM captures WHERE run_id = $id GROUP BY outcome").Bind("$id", run.Id).ExecuteReader())
                {
                    while (r.Read())
                    {
                        pages[r.GetString(0)] = r.GetInt64(1);
                    }
                }

                var last = w.Command("SELECT max(fetched_at) FROM captures WHERE run_id = $id").Bind("$id", run.Id).ExecuteScalar() is long t
                    ? new DateTimeOffset(t, TimeSpan.Zero) : (DateTimeOffset?)null;
                return Save(w, RunLog.Interrupted(run, pages, last, time.GetUtcNow()), interrupted: true);
            }, cancellationToken);
            if (head is not null)
            {
                await CustodyAnchors.AppendAsync(AnchorPath, head, "run " + run.Id + " marked interrupted", time.GetUtcNow(), cancellationToken);
            }
        }

        return stale.Count;
    }

    private CustodyEntry? Save(SqliteDatabase.WriteScope w, RunRecord run, bool interrupted)
    {
        var json = StorageJson.Serialize(run);
        var before = w.Command("SELECT json FROM runs WHERE id = $id").Bind("$id", run.Id).ExecuteScalar() as string;
        if (string.Equals(before, json, StringComparison.Ordinal))
        {
            return null;
        }

        w.Command("""
            INSERT INTO runs(id, source, started_at, json, owner) VALUES ($id, $source, $started, $json, $owner)
            ON CONFLICT(id) DO UPDATE SET source = excluded.source, started_at = excluded.started_at, json = excluded.json, owner = excluded.owner
            """)
            .Bind("$id", run.Id).Bind("$source", run.Source).Bind("$started", run.StartedAt.UtcTicks)
            .Bind("$json", json).Bind("$owner", interrupted ? null : RunLog.CurrentOwner).ExecuteNonQuery();
        return SqliteCustodyLog.Append(w, RunLog.Event(run, json, existed: before is not null, interrupted), time.GetUtcNow());
    }

    public async Task<RunRecord?> GetAsync(string runId, CancellationToken cancellationToken = default)
    {
        await using var connection = db.OpenReader();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT json FROM runs WHERE id = $id";
        cmd.Bind("$id", runId);
        return await cmd.ExecuteScalarAsync(cancellationToken) is string json ? StorageJson.Deserialize<RunRecord>(json) : null;
    }

    public async Task<IReadOnlyList<RunRecord>> ListAsync(string? source = null, int? last = null, CancellationToken cancellationToken = default)
    {
        await using var connection = db.OpenReader();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT json FROM runs WHERE ($source IS NULL OR source = $source) ORDER BY started_at DESC, id DESC LIMIT $limit";
        cmd.Bind("$source", source).Bind("$limit", last ?? -1);
        var runs = new List<RunRecord>();
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            runs.Add(StorageJson.Deserialize<RunRecord>(r.GetString(0))!);
        }

        return runs;
    }
}
