using Collector.Model;

namespace Collector.Storage.Sqlite;

/// <summary>
/// The crawl queue table. Rows are unique per (crawl, unique key); a lease is one UPDATE … RETURNING, so two workers
/// (threads or processes) never get the same request; a lease whose time ran out is handed out again.
/// States: pending, leased, done, failed. Its writes are short and the crawl waits on them, so they go ahead of
/// waiting capture writes (see <see cref="WriteQueue"/>).
/// </summary>
internal sealed class SqliteRequestQueue(SqliteDatabase db, TimeProvider time) : IRequestQueue
{
    public Task<int> EnqueueAsync(string crawlId, IEnumerable<QueueRequest> requests, CancellationToken cancellationToken = default)
    {
        var list = requests.ToList();
        return db.WriteAsync(w =>
        {
            var added = 0;
            var cmd = w.Command("""
                INSERT OR IGNORE INTO queue(crawl_id, unique_key, url, label, depth, parent_url, render, priority, state)
                VALUES ($c, $k, $u, $l, $d, $p, $r, $prio, 'pending')
                """);
            foreach (var q in list)
            {
                added += cmd.Bind("$c", crawlId).Bind("$k", q.UniqueKey).Bind("$u", q.Url).Bind("$l", q.Label).Bind("$d", q.Depth)
                    .Bind("$p", q.ParentUrl).Bind("$r", q.Render?.ToString()).Bind("$prio", q.Priority).ExecuteNonQuery();
            }

            return added;
        }, urgent: true, cancellationToken);
    }

    public Task<IReadOnlyList<QueueLease>> LeaseAsync(string crawlId, int max, TimeSpan leaseFor, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var expires = now + leaseFor;
        var token = Ids.New(time);
        return db.WriteAsync<IReadOnlyList<QueueLease>>(w =>
        {
            var cmd = w.Command("""
                UPDATE queue SET state = 'leased', attempt = attempt + 1, lease_token = $t || '-' || rowid, lease_expires = $exp
                WHERE rowid IN (
                    SELECT rowid FROM queue
                    WHERE crawl_id = $c AND ((state = 'pending' AND not_before <= $now) OR (state = 'leased' AND lease_expires <= $now))
                    ORDER BY priority DESC, rowid LIMIT $max)
                RETURNING url, unique_key, label, depth, parent_url, render, priority, attempt, lease_token, rowid
                """);
            cmd.Bind("$t", token).Bind("$exp", expires.UtcTicks).Bind("$c", crawlId).Bind("$now", now.UtcTicks).Bind("$max", max);
            var leases = new List<(long Row, QueueLease Lease)>();
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var render = r.GetStringOrNull(5);
                leases.Add((r.GetInt64(9), new QueueLease
                {
                    CrawlId = crawlId,
                    Request = new QueueRequest
                    {
                        Url = r.GetString(0),
                        UniqueKey = r.GetString(1),
                        Label = r.GetStringOrNull(2),
                        Depth = r.GetInt32(3),
                        ParentUrl = r.GetStringOrNull(4),
                        Render = render is null ? null : Enum.Parse<RenderMode>(render),
                        Priority = r.GetInt32(6),
                    },
                    Attempt = r.GetInt32(7),
                    Token = r.GetString(8),
                    ExpiresAt = expires,
                }));
            }

            return leases.OrderByDescending(l => l.Lease.Request.Priority).ThenBy(l => l.Row).Select(l => l.Lease).ToList();
        }, urgent: true, cancellationToken);
    }

    public Task CompleteAsync(QueueLease lease, PageOutcome outcome, CancellationToken cancellationToken = default) =>
        db.WriteAsync(w => Complete(w, lease, outcome), cancellationToken);

    /// <summary>Marks done within an open write (RecordCaptureAsync's transaction).</summary>
    internal static int Complete(SqliteDatabase.WriteScope w, QueueLease lease, PageOutcome outcome) =>
        w.Command("""
            UPDATE queue SET state = 'done', outcome = $o, lease_token = NULL, lease_expires = NULL, error = NULL
            WHERE crawl_id = $c AND unique_key = $k AND state <> 'done'
            """)
            .Bind("$o", outcome.ToWire()).Bind("$c", lease.CrawlId).Bind("$k", lease.Request.UniqueKey).ExecuteNonQuery();

    public Task RetryLaterAsync(QueueLease lease, DateTimeOffset notBefore, string error, CancellationToken cancellationToken = default) =>
        db.WriteAsync(w => w.Command("""
            UPDATE queue SET state = 'pending', not_before = $nb, error = $e, lease_token = NULL, lease_expires = NULL
            WHERE crawl_id = $c AND unique_key = $k AND lease_token = $t
            """)
            .Bind("$nb", notBefore.UtcTicks).Bind("$e", error).Bind("$c", lease.CrawlId).Bind("$k", lease.Request.UniqueKey)
            .Bind("$t", lease.Token).ExecuteNonQuery(), urgent: true, cancellationToken);

    public Task<int> ReleaseLeasesAsync(string crawlId, CancellationToken cancellationToken = default) =>
        db.WriteAsync(w => w.Command("""
            UPDATE queue SET state = 'pending', lease_token = NULL, lease_expires = NULL
            WHERE crawl_id = $c AND state = 'leased'
            """).Bind("$c", crawlId).ExecuteNonQuery(), cancellationToken);

    public Task FailAsync(QueueLease lease, string error, CancellationToken cancellationToken = default) =>
        db.WriteAsync(w => w.Command("""
            UPDATE queue SET state = 'failed', error = $e, lease_token = NULL, lease_expires = NULL
            WHERE crawl_id = $c AND unique_key = $k AND lease_token = $t
            """)
            .Bind("$e", error).Bind("$c", lease.CrawlId).Bind("$k", lease.Request.UniqueKey).Bind("$t", lease.Token).ExecuteNonQuery(),
            urgent: true, cancellationToken);

    public async Task<QueueCounts> CountAsync(string crawlId, CancellationToken cancellationToken = default)
    {
        await using var connection = db.OpenReader();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            SELECT CASE WHEN state = 'leased' AND lease_expires <= $now THEN 'pending' ELSE state END AS s, count(*)
            FROM queue WHERE crawl_id = $c GROUP BY s
            """;
        cmd.Bind("$c", crawlId).Bind("$now", time.GetUtcNow().UtcTicks);
        long pending = 0, leased = 0, done = 0, failed = 0;
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            var n = r.GetInt64(1);
            switch (r.GetString(0))
            {
                case "pending": pending += n; break;
                case "leased": leased += n; break;
                case "done": done += n; break;
                default: failed += n; break;
            }
        }

        return new QueueCounts(pending, leased, done, failed);
    }
}
