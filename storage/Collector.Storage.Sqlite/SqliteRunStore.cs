using Collector.Model;

namespace Collector.Storage.Sqlite;

internal sealed class SqliteRunStore(SqliteDatabase db) : IRunStore
{
    public Task SaveAsync(RunRecord run, CancellationToken cancellationToken = default) =>
        db.WriteAsync(w => w.Command("""
            INSERT INTO runs(id, source, started_at, json) VALUES ($id, $source, $started, $json)
            ON CONFLICT(id) DO UPDATE SET source = excluded.source, started_at = excluded.started_at, json = excluded.json
            """)
            .Bind("$id", run.Id).Bind("$source", run.Source).Bind("$started", run.StartedAt.UtcTicks)
            .Bind("$json", CollectorJson.Serialize(run)).ExecuteNonQuery(), cancellationToken);

    public async Task<RunRecord?> GetAsync(string runId, CancellationToken cancellationToken = default)
    {
        await using var connection = db.OpenReader();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT json FROM runs WHERE id = $id";
        cmd.Bind("$id", runId);
        return await cmd.ExecuteScalarAsync(cancellationToken) is string json ? CollectorJson.Deserialize<RunRecord>(json) : null;
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
            runs.Add(CollectorJson.Deserialize<RunRecord>(r.GetString(0))!);
        }

        return runs;
    }
}
