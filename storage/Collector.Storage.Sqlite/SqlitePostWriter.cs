using Collector.Model;

namespace Collector.Storage.Sqlite;

/// <summary>
/// The snapshot model on SQLite, inside an open write: a post never seen becomes version 1; the same content hash is a
/// revisit (an observation, last-seen moved); a different hash is a new version with the diff kept. Metrics go to the
/// observation, never into a version.
/// </summary>
internal static class SqlitePostWriter
{
    internal enum Seen
    {
        New,
        Changed,
        Unchanged,
    }

    public static Seen Observe(SqliteDatabase.WriteScope w, Post post, DateTimeOffset at, string? captureId, int ordinal, string? source, bool imported)
    {
        var hash = PostContentHash.Compute(post);
        long pk = 0;
        var count = 0;
        string? latestHash = null;
        using (var r = w.Command("SELECT pk, version_count, latest_hash FROM posts WHERE platform = $p AND post_id = $i")
            .Bind("$p", post.Platform).Bind("$i", post.Id).ExecuteReader())
        {
            if (r.Read())
            {
                pk = r.GetInt64(0);
                count = r.GetInt32(1);
                latestHash = r.GetString(2);
            }
        }

        var ticks = at.UtcTicks;
        Seen seen;
        if (latestHash is null)
        {
            pk = Convert.ToInt64(w.Command("""
                INSERT INTO posts(platform, post_id, first_seen, last_seen, published_at, version_count, latest_hash, url_key, imported)
                VALUES ($p, $i, $t, $t, $pub, 1, $h, $u, $imp) RETURNING pk
                """)
                .Bind("$p", post.Platform).Bind("$i", post.Id).Bind("$t", ticks).Bind("$pub", post.PublishedAt?.UtcTicks)
                .Bind("$h", hash).Bind("$u", UrlKey.Normalize(post.Url)).Bind("$imp", imported ? 1 : 0)
                .ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            count = 1;
            InsertVersion(w, pk, 1, hash, ticks, captureId, post, null);
            QueueForIndex(w, pk);
            seen = Seen.New;
        }
        else if (string.Equals(latestHash, hash, StringComparison.Ordinal))
        {
            if (imported)
            {
                // The same content imported again: nothing new to record (re-running an import stores nothing twice).
                return Seen.Unchanged;
            }

            w.Command("UPDATE posts SET last_seen = max(last_seen, $t) WHERE pk = $pk").Bind("$t", ticks).Bind("$pk", pk).ExecuteNonQuery();
            seen = Seen.Unchanged;
        }
        else
        {
            var previousJson = (string)w.Command("SELECT json FROM versions WHERE post_pk = $pk AND number = $n")
                .Bind("$pk", pk).Bind("$n", count).ExecuteScalar()!;
            var previous = CollectorJson.Deserialize<Post>(previousJson)!;
            var changes = PostDiff.Compare(previous, post);
            count++;
            InsertVersion(w, pk, count, hash, ticks, captureId, post, CollectorJson.Serialize(changes));
            w.Command("""
                UPDATE posts SET version_count = $n, latest_hash = $h, url_key = $u, published_at = coalesce($pub, published_at),
                    last_seen = max(last_seen, $t) WHERE pk = $pk
                """)
                .Bind("$n", count).Bind("$h", hash).Bind("$u", UrlKey.Normalize(post.Url)).Bind("$pub", post.PublishedAt?.UtcTicks)
                .Bind("$t", ticks).Bind("$pk", pk).ExecuteNonQuery();
            QueueForIndex(w, pk);
            seen = Seen.Changed;
        }

        var m = post.Metrics;
        w.Command("""
            INSERT OR IGNORE INTO observations(post_pk, at, capture_id, ordinal, version, changed, likes, comments, shares, views, score)
            VALUES ($pk, $t, $c, $o, $v, $ch, $likes, $comments, $shares, $views, $score)
            """)
            .Bind("$pk", pk).Bind("$t", ticks).Bind("$c", captureId).Bind("$o", ordinal).Bind("$v", count).Bind("$ch", seen == Seen.Unchanged ? 0 : 1)
            .Bind("$likes", m.Likes).Bind("$comments", m.Comments).Bind("$shares", m.Shares).Bind("$views", m.Views).Bind("$score", m.Score)
            .ExecuteNonQuery();
        if (source is not null)
        {
            w.Command("INSERT OR IGNORE INTO post_sources(source, post_pk) VALUES ($s, $pk)").Bind("$s", source).Bind("$pk", pk).ExecuteNonQuery();
        }

        return seen;
    }

    private static void InsertVersion(SqliteDatabase.WriteScope w, long pk, int number, string hash, long ticks, string? captureId, Post post, string? changes) =>
        w.Command("""
            INSERT INTO versions(post_pk, number, content_hash, first_seen, capture_id, json, changes)
            VALUES ($pk, $n, $h, $t, $c, $j, $ch)
            """)
            .Bind("$pk", pk).Bind("$n", number).Bind("$h", hash).Bind("$t", ticks).Bind("$c", captureId)
            .Bind("$j", CollectorJson.Serialize(post)).Bind("$ch", changes).ExecuteNonQuery();

    /// <summary>Notes that the post's text must be (re)indexed; <see cref="IndexPending"/> does it in bulk.</summary>
    private static void QueueForIndex(SqliteDatabase.WriteScope w, long pk)
    {
        w.Command("INSERT OR IGNORE INTO fts_queue(post_pk) VALUES ($pk)").Bind("$pk", pk).ExecuteNonQuery();
    }

    /// <summary>Brings the full-text index up to date with every post's latest version (set-based: fast).</summary>
    public static int IndexPending(SqliteDatabase.WriteScope w)
    {
        w.Command("DELETE FROM posts_fts WHERE rowid IN (SELECT post_pk FROM fts_queue)").ExecuteNonQuery();
        var n = w.Command("""
            INSERT INTO posts_fts(rowid, title, text)
            SELECT p.pk, json_extract(v.json, '$.title'), json_extract(v.json, '$.text')
            FROM fts_queue q JOIN posts p ON p.pk = q.post_pk JOIN versions v ON v.post_pk = p.pk AND v.number = p.version_count
            """).ExecuteNonQuery();
        w.Command("DELETE FROM fts_queue").ExecuteNonQuery();
        return n;
    }

    /// <summary>Tombstones the posts a content page shows as removed in place; returns how many were newly tombstoned.</summary>
    public static int TombstoneRemoved(SqliteDatabase.WriteScope w, Capture capture)
    {
        var n = 0;
        foreach (var key in capture.RemovedPosts.Distinct())
        {
            n += w.Command("""
                UPDATE posts SET tombstone_reason = $r, tombstone_at = $t, tombstone_capture = $c
                WHERE platform = $p AND post_id = $i AND tombstone_reason IS NULL
                """)
                .Bind("$r", PageOutcome.Removed.ToWire()).Bind("$t", capture.FetchedAt.UtcTicks).Bind("$c", capture.Id)
                .Bind("$p", key.Platform).Bind("$i", key.Id).ExecuteNonQuery();
        }

        return n;
    }

    /// <summary>Tombstones posts by key (the capture's subject) or by URL; returns how many were newly tombstoned.</summary>
    public static int Tombstone(SqliteDatabase.WriteScope w, Capture capture)
    {
        var reason = capture.Outcome.ToWire();
        if (capture.SubjectPost is { } key)
        {
            var bySubject = w.Command("""
                UPDATE posts SET tombstone_reason = $r, tombstone_at = $t, tombstone_capture = $c
                WHERE platform = $p AND post_id = $i AND tombstone_reason IS NULL
                """)
                .Bind("$r", reason).Bind("$t", capture.FetchedAt.UtcTicks).Bind("$c", capture.Id)
                .Bind("$p", key.Platform).Bind("$i", key.Id).ExecuteNonQuery();
            if (bySubject > 0)
            {
                return bySubject;
            }
        }

        var a = UrlKey.Normalize(capture.RequestUrl);
        var b = UrlKey.Normalize(capture.FinalUrl) ?? a;
        if (a is null)
        {
            return 0;
        }

        return w.Command("""
            UPDATE posts SET tombstone_reason = $r, tombstone_at = $t, tombstone_capture = $c
            WHERE url_key IN ($a, $b) AND tombstone_reason IS NULL
            """)
            .Bind("$r", reason).Bind("$t", capture.FetchedAt.UtcTicks).Bind("$c", capture.Id)
            .Bind("$a", a).Bind("$b", b).ExecuteNonQuery();
    }
}
