using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Collector.Model;

namespace Collector.Storage.Sqlite;

/// <summary>
/// The snapshot model on SQLite, inside an open write: a post never seen becomes version 1; the same content hash is a
/// revisit (an observation, last-seen moved); a different hash is a new version with the diff kept. Metrics go to the
/// observation, never into a version.
/// </summary>
/// <remarks>
/// A batch (one capture's posts, or one slice of an import) is decided in memory in post order, exactly as one post
/// after another would be (a key seen twice in an import is a revisit or a new version of what the batch itself just
/// stored), and it all lands in the caller's single transaction. Per-row work (the look-up of each post, its version,
/// its observation, a new post's row) goes through statements prepared once and stepped through SQLite's C API
/// (<see cref="SqliteRowStatement"/>): a few native calls per row, the post's JSON bound straight from the buffer it
/// was serialized into. Fed a JSON array instead (the earlier design), SQLite parsed every row back out of JSON text,
/// post bodies included, which cost more than the inserts themselves. Bare keys (posts to touch, to queue for the
/// full-text index, to credit to a source) take one step each of a prepared statement too; only the rare edited posts
/// still go in as one jsonb_each statement.
/// </remarks>
internal static class SqlitePostWriter
{
    private const string LookupSql = "SELECT pk, version_count, latest_hash FROM posts WHERE platform = ?1 AND post_id = ?2";

    private const string InsertPostSql = """
        INSERT INTO posts(pk, platform, post_id, first_seen, last_seen, published_at, version_count, latest_hash, url_key, imported)
        VALUES (?1, ?2, ?3, ?4, ?4, ?5, ?6, ?7, ?8, ?9)
        """;

    private const string UpdateEditedSql = """
        UPDATE posts SET version_count = j.value ->> 1, latest_hash = j.value ->> 2, url_key = j.value ->> 3,
            published_at = coalesce(j.value ->> 4, published_at), last_seen = max(last_seen, $t)
        FROM jsonb_each(CAST($rows AS TEXT)) j WHERE posts.pk = j.value ->> 0
        """;

    private const string TouchSql = "UPDATE posts SET last_seen = max(last_seen, ?2) WHERE pk = ?1";

    private const string InsertVersionSql = """
        INSERT INTO versions(post_pk, number, content_hash, first_seen, capture_id, json, changes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
        """;

    private const string QueueForIndexSql = "INSERT OR IGNORE INTO fts_queue(post_pk) VALUES (?1)";

    private const string InsertObservationSql = """
        INSERT OR IGNORE INTO observations(post_pk, at, capture_id, ordinal, version, changed, likes, comments, shares, views, score)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
        """;

    private const string InsertSourceSql = "INSERT OR IGNORE INTO post_sources(source, post_pk) VALUES (?2, ?1)";

    internal readonly record struct Counts(int New, int Changed, int Unchanged);

    /// <summary>
    /// Observes <paramref name="posts"/> (each with a platform and an id), all seen at <paramref name="at"/>. For a
    /// capture the position in the list is the observation's ordinal; imports record ordinal 0 and store nothing for a
    /// post whose content is already the latest version.
    /// </summary>
    public static Counts ObserveAll(SqliteDatabase.WriteScope w, IReadOnlyList<Post> posts, DateTimeOffset at, string? captureId, string? source, bool imported, List<Seal> seals)
    {
        if (posts.Count == 0)
        {
            return default;
        }

        var ticks = at.UtcTicks;
        var hashes = new string[posts.Count];
        for (var i = 0; i < posts.Count; i++)
        {
            hashes[i] = PostContentHash.Compute(posts[i]);
        }

        var states = Lookup(w, posts, hashes);
        var order = new List<PostState>(states.Count);
        var versions = w.Rows(InsertVersionSql).Bind(4, ticks).Bind(5, captureId);
        var observations = w.Rows(InsertObservationSql).Bind(2, ticks).Bind(3, captureId);
        using var json = new JsonText(w);
        var indexed = w.Rows(QueueForIndexSql);
        var sourced = source is null ? null : w.Rows(InsertSourceSql).Bind(2, source);
        long nextPk = 0;
        int added = 0, changed = 0, unchanged = 0;
        for (var i = 0; i < posts.Count; i++)
        {
            var post = posts[i];
            var hash = hashes[i];
            bool isChange;
            if (!states.TryGetValue(post.Key, out var s))
            {
                if (nextPk == 0)
                {
                    nextPk = Convert.ToInt64(w.Command("SELECT coalesce(max(pk), 0) FROM posts").ExecuteScalar(), CultureInfo.InvariantCulture) + 1;
                }

                s = new PostState(post.Key, nextPk++, count: 0, hash, stored: false);
                states[post.Key] = s;
                order.Add(s);
                AddVersion(versions, json, s, post, hash, null, ticks, captureId, seals);
                added++;
                isChange = true;
            }
            else if (string.Equals(s.Hash, hash, StringComparison.Ordinal))
            {
                unchanged++;
                if (imported)
                {
                    // The same content imported again: nothing new to record (re-running an import stores nothing twice).
                    continue;
                }

                s.Touched = true;
                isChange = false;
            }
            else
            {
                var previous = s.Latest ?? CollectorJson.Deserialize<Post>(VersionJson(w, s.Pk, s.Count))!;
                AddVersion(versions, json, s, post, hash, PostDiff.Compare(previous, post), ticks, captureId, seals);
                if (s.Stored && !s.Edited)
                {
                    s.Edited = true;
                    order.Add(s);
                }

                changed++;
                isChange = true;
            }

            if (isChange)
            {
                indexed.Bind(1, s.Pk).Execute();
            }

            var m = post.Metrics;
            var ordinal = imported ? 0 : i;
            observations.Bind(1, s.Pk).Bind(4, ordinal).Bind(5, s.Count).Bind(6, isChange ? 1 : 0)
                .Bind(7, m.Likes).Bind(8, m.Comments).Bind(9, m.Shares).Bind(10, m.Views).Bind(11, m.Score).Execute();
            seals.Add(RecordSeal.Observation(s.KeyText, ticks, captureId, ordinal, s.Count, isChange, m.Likes, m.Comments, m.Shares, m.Views, m.Score));
            sourced?.Bind(1, s.Pk).Execute();
        }

        WritePosts(w, order, states.Values, ticks, imported);

        return new Counts(added, changed, unchanged);
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
    public static int TombstoneRemoved(SqliteDatabase.WriteScope w, Capture capture, List<Seal> seals) =>
        capture.RemovedPosts.Distinct().Sum(key => TombstoneKey(w, key, PageOutcome.Removed.ToWire(), capture, seals));

    private static int TombstoneKey(SqliteDatabase.WriteScope w, PostKey key, string reason, Capture capture, List<Seal> seals)
    {
        var n = w.Command("""
            UPDATE posts SET tombstone_reason = $r, tombstone_at = $t, tombstone_capture = $c
            WHERE platform = $p AND post_id = $i AND tombstone_reason IS NULL
            """)
            .Bind("$r", reason).Bind("$t", capture.FetchedAt.UtcTicks).Bind("$c", capture.Id)
            .Bind("$p", key.Platform).Bind("$i", key.Id).ExecuteNonQuery();
        if (n > 0)
        {
            seals.Add(RecordSeal.Tombstone(RecordSeal.PostKeyText(key), reason, capture.FetchedAt.UtcTicks, capture.Id));
        }

        return n;
    }

    /// <summary>Tombstones posts by key (the capture's subject) or by URL; returns how many were newly tombstoned.</summary>
    public static int Tombstone(SqliteDatabase.WriteScope w, Capture capture, List<Seal> seals)
    {
        var reason = capture.Outcome.ToWire();
        if (capture.SubjectPost is { } key)
        {
            var bySubject = TombstoneKey(w, key, reason, capture, seals);
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

        using var r = w.Command("""
            UPDATE posts SET tombstone_reason = $r, tombstone_at = $t, tombstone_capture = $c
            WHERE url_key IN ($a, $b) AND tombstone_reason IS NULL
            RETURNING platform, post_id
            """)
            .Bind("$r", reason).Bind("$t", capture.FetchedAt.UtcTicks).Bind("$c", capture.Id)
            .Bind("$a", a).Bind("$b", b).ExecuteReader();
        var n = 0;
        while (r.Read())
        {
            n++;
            seals.Add(RecordSeal.Tombstone(r.GetString(0) + ":" + r.GetString(1), reason, capture.FetchedAt.UtcTicks, capture.Id));
        }

        return n;
    }

    /// <summary>
    /// Every post of the batch already in the archive, by key: one indexed look-up per distinct key through a statement
    /// prepared once. The stored hash is compared as bytes, so a revisit allocates nothing here but its state.
    /// </summary>
    private static Dictionary<PostKey, PostState> Lookup(SqliteDatabase.WriteScope w, IReadOnlyList<Post> posts, string[] hashes)
    {
        var states = new Dictionary<PostKey, PostState>(posts.Count);
        var lookup = w.Rows(LookupSql);
        for (var i = 0; i < posts.Count; i++)
        {
            var key = posts[i].Key;
            if (states.ContainsKey(key))
            {
                continue;
            }

            lookup.Bind(1, key.Platform).Bind(2, key.Id);
            if (!lookup.Read())
            {
                continue;
            }

            try
            {
                var latest = lookup.Utf8(2);
                var hash = System.Text.Ascii.Equals(latest, hashes[i]) ? hashes[i] : System.Text.Encoding.UTF8.GetString(latest);
                states[key] = new PostState(key, lookup.Int64(0), checked((int)lookup.Int64(1)), hash, stored: true);
            }
            finally
            {
                lookup.Reset();
            }
        }

        return states;
    }

    private static string VersionJson(SqliteDatabase.WriteScope w, long pk, int number) =>
        (string)w.Command("SELECT json FROM versions WHERE post_pk = $pk AND number = $n").Bind("$pk", pk).Bind("$n", number).ExecuteScalar()!;

    private static void AddVersion(SqliteRowStatement versions, JsonText json, PostState s, Post post, string hash, IReadOnlyList<FieldChange>? changes,
        long ticks, string? captureId, List<Seal> seals)
    {
        s.Count++;
        s.Hash = hash;
        s.Latest = post;
        s.UrlKey = UrlKey.Normalize(post.Url);
        s.PublishedAt = post.PublishedAt?.UtcTicks ?? s.PublishedAt;
        var postJson = json.Write(post);
        versions.Bind(1, s.Pk).Bind(2, s.Count).Bind(3, hash).Bind(6, postJson);
        var seal = new RecordSeal.Builder(RecordSeal.Versions, RecordSeal.VersionKey(s.KeyText, s.Count))
            .Add(hash).Add(ticks).Add(captureId).AddUtf8(postJson);
        if (changes is null)
        {
            versions.BindNull(7);
            seal.AddUtf8(default, isNull: true);
        }
        else
        {
            var changesJson = json.Write(changes);
            versions.Bind(7, changesJson);
            seal.AddUtf8(changesJson);
        }

        seals.Add(seal.Finish());
        versions.Execute();
    }

    /// <summary>New posts inserted in their final state; edited ones updated; revisited ones get last-seen moved.</summary>
    private static void WritePosts(SqliteDatabase.WriteScope w, List<PostState> order, IEnumerable<PostState> all, long ticks, bool imported)
    {
        var insert = w.Rows(InsertPostSql).Bind(4, ticks).Bind(9, imported ? 1 : 0);
        using var edited = new JsonRows(w);
        foreach (var s in order)
        {
            if (!s.Stored)
            {
                insert.Bind(1, s.Pk).Bind(2, s.Key.Platform).Bind(3, s.Key.Id).Bind(5, s.PublishedAt).Bind(6, s.Count).Bind(7, s.Hash)
                    .Bind(8, s.UrlKey).Execute();
                continue;
            }

            var row = edited.StartRow();
            row.WriteNumberValue(s.Pk);
            row.WriteNumberValue(s.Count);
            row.WriteStringValue(s.Hash);
            WriteString(row, s.UrlKey);
            WriteNumber(row, s.PublishedAt);
            row.WriteEndArray();
        }

        Run(w.Command(UpdateEditedSql).Bind("$t", ticks), edited, "$rows");
        var touch = w.Rows(TouchSql).Bind(2, ticks);
        foreach (var s in all)
        {
            if (s.Stored && s.Touched && !s.Edited)
            {
                touch.Bind(1, s.Pk).Execute();
            }
        }
    }

    private static void Run(Microsoft.Data.Sqlite.SqliteCommand command, JsonRows rows, string parameter)
    {
        if (rows.Count > 0)
        {
            command.Bind(parameter, rows.ToUtf8()).ExecuteNonQuery();
        }
    }

    private static void WriteNumber(Utf8JsonWriter w, long? value)
    {
        if (value is { } v)
        {
            w.WriteNumberValue(v);
        }
        else
        {
            w.WriteNullValue();
        }
    }

    private static void WriteString(Utf8JsonWriter w, string? value)
    {
        if (value is null)
        {
            w.WriteNullValue();
        }
        else
        {
            w.WriteStringValue(value);
        }
    }

    /// <summary>What the batch knows of one post: as stored before it (when <see cref="Stored"/>) and as it leaves it.</summary>
    private sealed class PostState(PostKey key, long pk, int count, string hash, bool stored)
    {
        public PostKey Key { get; } = key;

        /// <summary>The key as seals name it (platform:id).</summary>
        public string KeyText { get; } = RecordSeal.PostKeyText(key);

        public long Pk { get; } = pk;

        /// <summary>Whether the post was in the archive before this batch (else the batch inserts it).</summary>
        public bool Stored { get; } = stored;

        public int Count { get; set; } = count;

        public string Hash { get; set; } = hash;

        /// <summary>The latest version when this batch wrote it (else it is read from the archive when needed).</summary>
        public Post? Latest { get; set; }

        public string? UrlKey { get; set; }

        public long? PublishedAt { get; set; }

        /// <summary>A stored post given a new version by this batch.</summary>
        public bool Edited { get; set; }

        /// <summary>A stored post revisited unchanged by this batch.</summary>
        public bool Touched { get; set; }
    }

    /// <summary>A JSON array of rows (or of bare values) for json_each, written as the batch is decided.</summary>
    private sealed class JsonRows : IDisposable
    {
        private readonly SqliteDatabase.WriteScope scope;
        private readonly ArrayBufferWriter<byte> buffer;
        private readonly Utf8JsonWriter writer;

        /// <summary>Writes into a buffer of the writer connection's, reused from batch to batch.</summary>
        public JsonRows(SqliteDatabase.WriteScope scope)
        {
            this.scope = scope;
            buffer = scope.RentBuffer();
            writer = new Utf8JsonWriter(buffer, JsonText.Options);
            writer.WriteStartArray();
        }

        public int Count { get; private set; }

        /// <summary>Adds a bare value as a row.</summary>
        public void Add(long value)
        {
            Count++;
            writer.WriteNumberValue(value);
        }

        /// <summary>Starts a row (an inner array the caller fills and ends).</summary>
        public Utf8JsonWriter StartRow()
        {
            Count++;
            writer.WriteStartArray();
            return writer;
        }

        /// <summary>
        /// The array as UTF-8 bytes, bound as a blob that the SQL casts to text: no round trip through a .NET string
        /// (two transcodings, and a large-object-heap string for a big capture).
        /// </summary>
        public byte[] ToUtf8()
        {
            writer.WriteEndArray();
            writer.Flush();
            return buffer.WrittenSpan.ToArray();
        }

        public void Dispose()
        {
            writer.Dispose();
            scope.ReturnBuffer(buffer);
        }
    }
}
