using Collector.Model;

namespace Collector.Storage.Sqlite;

/// <summary>
/// The embedded archive: one SQLite database file (WAL) plus an artifact folder beside it. Every capture is recorded
/// in one IMMEDIATE transaction (capture, observations, versions, metrics, tombstones, custody entry, queue completion).
/// </summary>
public sealed partial class SqliteArchive : IArchive
{
    private const int ImportBatch = 2000;
    private readonly SqliteDatabase db;
    private readonly TimeProvider time;
    private readonly SqliteArtifactStore artifacts;
    private readonly SqliteRunStore runs;

    private SqliteArchive(string uri, SqliteDatabase db, string artifactRoot, TimeProvider time)
    {
        Uri = uri;
        this.db = db;
        this.time = time;
        artifacts = new SqliteArtifactStore(db, artifactRoot, time);
        Custody = new SqliteCustodyLog(db, time);
        Queue = new SqliteRequestQueue(db, time);
        runs = new SqliteRunStore(db, time);
        Integrity = new SqliteIntegrity(db, artifacts, time);
    }

    public string Uri { get; }

    /// <summary>The database file.</summary>
    public string DatabasePath => db.Path;

    /// <summary>The artifact folder beside it (DATABASE.artifacts).</summary>
    public string ArtifactRoot => artifacts.Root;

    public IArtifactStore Artifacts => artifacts;

    public ICustodyLog Custody { get; }

    public IRequestQueue Queue { get; }

    public IRunStore Runs => runs;

    public IArchiveIntegrity Integrity { get; }

    /// <summary>Opens (creating and migrating where needed) the database at <paramref name="path"/>.</summary>
    public static SqliteArchive Open(string path, TimeProvider time, string? uri = null)
    {
        var full = System.IO.Path.GetFullPath(path);
        SqliteFailures.Guard(full, () => Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!));
        var db = SqliteDatabase.Open(full);
        var archive = new SqliteArchive(uri ?? "sqlite:" + path, db, full + ".artifacts", time);
        try
        {
            archive.runs.MarkInterruptedAsync().GetAwaiter().GetResult();
        }
        catch
        {
            archive.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }

        return archive;
    }

    public Task<CaptureReceipt> RecordCaptureAsync(Capture capture, CaptureContext context, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(capture.Id);
        var stored = capture with { Posts = [] };
        var captureJson = CollectorJson.Serialize(stored);
        return db.WriteAsync(w =>
        {
            using (var r = w.Command("SELECT new_posts, changed_posts, unchanged_posts, tombstoned FROM captures WHERE id = $id")
                .Bind("$id", capture.Id).ExecuteReader())
            {
                if (r.Read())
                {
                    return new CaptureReceipt
                    {
                        CaptureId = capture.Id, NewPosts = r.GetInt32(0), ChangedPosts = r.GetInt32(1), UnchangedPosts = r.GetInt32(2),
                        Tombstoned = r.GetInt32(3), Duplicate = true,
                    };
                }
            }

            var counts = default(SqlitePostWriter.Counts);
            var seals = new List<Seal>(capture.Posts.Count * 2 + capture.Artifacts.Count + 2);
            if (!capture.Outcome.IsBlocked() && capture.Outcome != PageOutcome.Failed)
            {
                var seenKeys = new HashSet<PostKey>();
                var posts = capture.Posts.Where(p => !string.IsNullOrEmpty(p.Platform) && !string.IsNullOrEmpty(p.Id) && seenKeys.Add(p.Key)).ToList();
                counts = SqlitePostWriter.ObserveAll(w, posts, capture.FetchedAt, capture.Id, capture.Source, imported: false, seals);
            }

            var (added, changed, unchanged) = counts;
            var tombstoned = (capture.Outcome.IsGone() ? SqlitePostWriter.Tombstone(w, capture, seals) : 0) + SqlitePostWriter.TombstoneRemoved(w, capture, seals);
            foreach (var a in capture.Artifacts.Where(a => a.Url is not null))
            {
                w.Command("INSERT OR IGNORE INTO artifact_urls(url, sha256, kind, length, content_type) VALUES ($u, $s, $k, $l, $c)")
                    .Bind("$u", a.Url).Bind("$s", a.Sha256).Bind("$k", a.Kind).Bind("$l", a.Length).Bind("$c", a.ContentType).ExecuteNonQuery();
            }

            w.Command("""
                INSERT INTO captures(id, fetched_at, request_url, final_url, outcome, platform, source, run_id, json,
                    new_posts, changed_posts, unchanged_posts, tombstoned)
                VALUES ($id, $t, $req, $fin, $o, $p, $s, $run, $json, $n, $c, $u, $tomb)
                """)
                .Bind("$id", capture.Id).Bind("$t", capture.FetchedAt.UtcTicks).Bind("$req", capture.RequestUrl).Bind("$fin", capture.FinalUrl)
                .Bind("$o", capture.Outcome.ToWire()).Bind("$p", capture.Platform).Bind("$s", capture.Source).Bind("$run", capture.RunId)
                .Bind("$json", captureJson).Bind("$n", added).Bind("$c", changed).Bind("$u", unchanged).Bind("$tomb", tombstoned)
                .ExecuteNonQuery();
            seals.Add(RecordSeal.Capture(capture.Id, capture.FetchedAt.UtcTicks, capture.RequestUrl, capture.FinalUrl, capture.Outcome.ToWire(),
                capture.Platform, capture.Source, capture.RunId, captureJson, added, changed, unchanged, tombstoned));
            var artifactHashes = capture.Artifacts.Select(a => a.Sha256).Distinct(StringComparer.Ordinal).ToArray();
            SqliteArtifactStore.Seal(w, artifactHashes, seals);
            if (context.Lease is { } lease && SqliteRequestQueue.Complete(w, lease, capture.Outcome) > 0)
            {
                seals.Add(RecordSeal.QueueCompletion(lease.CrawlId, lease.Request.UniqueKey, capture.Outcome.ToWire()));
            }

            SqliteCustodyLog.Append(w, new CustodyEvent
            {
                Action = "capture",
                Subject = capture.Id,
                ArtifactHashes = artifactHashes,
                Seals = seals,
                ConfigHash = context.ConfigHash,
                Detail = Short($"{capture.Outcome.ToWire()} {capture.HttpStatus?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} {capture.FinalUrl}"),
            }, time.GetUtcNow());
            return new CaptureReceipt
            {
                CaptureId = capture.Id, NewPosts = added, ChangedPosts = changed, UnchangedPosts = unchanged, Tombstoned = tombstoned,
            };
        }, cancellationToken);
    }

    public async Task<ImportReceipt> ImportAsync(IEnumerable<Post> posts, ImportContext context, CancellationToken cancellationToken = default)
    {
        int added = 0, changed = 0, unchanged = 0, rejected = 0, batchNumber = 0;
        foreach (var batch in posts.Chunk(ImportBatch))
        {
            batchNumber++;
            var number = batchNumber;
            var counts = await db.WriteAsync(w =>
            {
                var at = time.GetUtcNow();
                var valid = batch.Where(p => !string.IsNullOrWhiteSpace(p.Platform) && !string.IsNullOrWhiteSpace(p.Id)).ToList();
                var seals = new List<Seal>(valid.Count * 2);
                var c = SqlitePostWriter.ObserveAll(w, valid, at, captureId: null, context.Source, imported: true, seals);
                SqliteCustodyLog.Append(w, ImportLog.BatchEvent(context, number, c.New, c.Changed, c.Unchanged, batch.Length - valid.Count, seals), at);
                return (c, Rejected: batch.Length - valid.Count);
            }, cancellationToken);
            added += counts.c.New;
            changed += counts.c.Changed;
            unchanged += counts.c.Unchanged;
            rejected += counts.Rejected;
        }

        // appended on its own, so the anchor file receives the head (SqliteCustodyLog.AppendAsync)
        await Custody.AppendAsync(ImportLog.EndEvent(context, batchNumber, added, changed, unchanged, rejected), cancellationToken);
        return new ImportReceipt { NewPosts = added, ChangedPosts = changed, UnchangedPosts = unchanged, Rejected = rejected, Batches = batchNumber };
    }

    /// <summary>Where an artifact's stored bytes are on disk (its pack and offset, or its own file), or null when unknown.</summary>
    public Task<ArtifactOnDisk?> LocateArtifactAsync(string sha256, CancellationToken cancellationToken = default) =>
        artifacts.LocateAsync(sha256, cancellationToken);

    public ValueTask DisposeAsync()
    {
        artifacts.Dispose();
        return db.DisposeAsync();
    }

    private static string Short(string s) => s.Length <= 400 ? s : s[..400];
}
