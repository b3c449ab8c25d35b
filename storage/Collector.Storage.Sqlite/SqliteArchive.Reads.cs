using System.Runtime.CompilerServices;
using System.Text;
using Collector.Model;
using Microsoft.Data.Sqlite;

namespace Collector.Storage.Sqlite;

/// <summary>The read side: history, post queries, full-text search, captures.</summary>
public sealed partial class SqliteArchive
{
    private const string PostColumns = """
        SELECT p.pk, p.first_seen, p.last_seen, p.version_count, p.imported, p.tombstone_reason, p.tombstone_at, p.tombstone_capture,
               v.json, o.likes, o.comments, o.shares, o.views, o.score, o.post_pk,
               (SELECT group_concat(s.source, char(31)) FROM post_sources s WHERE s.post_pk = p.pk)
        FROM posts p
        JOIN versions v ON v.post_pk = p.pk AND v.number = p.version_count
        LEFT JOIN observations o ON o.rowid = (SELECT rowid FROM observations WHERE post_pk = p.pk ORDER BY at DESC, rowid DESC LIMIT 1)
        """;

    public async Task<PostHistory?> GetHistoryAsync(PostKey key, CancellationToken cancellationToken = default)
    {
        await using var connection = db.OpenReader();
        long pk;
        Tombstone? tombstone;
        await using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT pk, tombstone_reason, tombstone_at, tombstone_capture FROM posts WHERE platform = $p AND post_id = $i";
            cmd.Bind("$p", key.Platform).Bind("$i", key.Id);
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
            if (!await r.ReadAsync(cancellationToken))
            {
                return null;
            }

            pk = r.GetInt64(0);
            tombstone = ReadTombstone(r, 1);
        }

        var versions = new List<PostVersion>();
        await using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT number, content_hash, first_seen, capture_id, json, changes FROM versions WHERE post_pk = $pk ORDER BY number";
            cmd.Bind("$pk", pk);
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await r.ReadAsync(cancellationToken))
            {
                var changes = r.GetStringOrNull(5);
                versions.Add(new PostVersion
                {
                    Number = r.GetInt32(0),
                    ContentHash = r.GetString(1),
                    FirstSeen = r.Time(2),
                    CaptureId = r.GetStringOrNull(3),
                    Post = CollectorJson.Deserialize<Post>(r.GetString(4))!,
                    Changes = changes is null ? [] : CollectorJson.Deserialize<List<FieldChange>>(changes)!,
                });
            }
        }

        var observations = new List<Observation>();
        await using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = """
                SELECT at, capture_id, version, changed, likes, comments, shares, views, score
                FROM observations WHERE post_pk = $pk ORDER BY at, rowid
                """;
            cmd.Bind("$pk", pk);
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await r.ReadAsync(cancellationToken))
            {
                observations.Add(new Observation
                {
                    At = r.Time(0),
                    CaptureId = r.GetStringOrNull(1),
                    Version = r.GetInt32(2),
                    Changed = r.GetInt32(3) != 0,
                    Metrics = ReadMetrics(r, 4),
                });
            }
        }

        return new PostHistory { Key = key, Versions = versions, Observations = observations, Tombstone = tombstone };
    }

    public IAsyncEnumerable<ArchivedPost> QueryPostsAsync(PostQuery query, CancellationToken cancellationToken = default)
    {
        var where = new StringBuilder(" WHERE 1 = 1");
        var args = new List<(string, object?)>();
        if (query.Platforms.Count > 0)
        {
            where.Append(" AND p.platform IN (");
            for (var i = 0; i < query.Platforms.Count; i++)
            {
                where.Append(i == 0 ? "" : ", ").Append("$pl").Append(i);
                args.Add(("$pl" + i, query.Platforms[i].ToLowerInvariant()));
            }

            where.Append(')');
        }

        if (query.Source is not null)
        {
            where.Append(" AND p.pk IN (SELECT post_pk FROM post_sources WHERE source = $src)");
            args.Add(("$src", query.Source));
        }

        if (query.Since is { } since)
        {
            where.Append(" AND (p.first_seen >= $since OR p.published_at >= $since)");
            args.Add(("$since", since.UtcTicks));
        }

        if (query.Until is { } until)
        {
            where.Append(" AND p.first_seen <= $until");
            args.Add(("$until", until.UtcTicks));
        }

        if (query.PublishedSince is { } ps)
        {
            where.Append(" AND coalesce(p.published_at, p.first_seen) >= $ps");
            args.Add(("$ps", ps.UtcTicks));
        }

        if (!query.IncludeTombstoned)
        {
            where.Append(" AND p.tombstone_reason IS NULL");
        }

        where.Append(" ORDER BY p.pk LIMIT $limit");
        args.Add(("$limit", query.Limit ?? -1));
        return ReadPostsAsync(PostColumns + where, args, cancellationToken);
    }

    public async IAsyncEnumerable<ArchivedPost> SearchAsync(string query, int limit, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await IndexPendingTextAsync(cancellationToken);
        List<long> hits;
        try
        {
            hits = await MatchAsync(query, limit, cancellationToken);
        }
        catch (SqliteException)
        {
            // Not valid FTS5 syntax (a stray quote, a colon): search the words as plain phrases instead.
            var quoted = string.Join(' ', query.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(t => "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
            hits = quoted.Length == 0 ? [] : await MatchAsync(quoted, limit, cancellationToken);
        }

        foreach (var pk in hits)
        {
            await foreach (var post in ReadPostsAsync(PostColumns + " WHERE p.pk = $pk", [("$pk", pk)], cancellationToken))
            {
                yield return post;
            }
        }
    }

    /// <summary>Indexes the text of posts added or changed since the last search (done lazily, in one transaction).</summary>
    public async Task<int> IndexPendingTextAsync(CancellationToken cancellationToken = default)
    {
        await using (var connection = db.OpenReader())
        await using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT EXISTS (SELECT 1 FROM fts_queue)";
            if (Convert.ToInt64(await cmd.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                return 0;
            }
        }

        return await db.WriteAsync(SqlitePostWriter.IndexPending, cancellationToken);
    }

    private async Task<List<long>> MatchAsync(string match, int limit, CancellationToken cancellationToken)
    {
        await using var connection = db.OpenReader();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT rowid FROM posts_fts WHERE posts_fts MATCH $q ORDER BY rank LIMIT $n";
        cmd.Bind("$q", match).Bind("$n", limit);
        var hits = new List<long>();
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            hits.Add(r.GetInt64(0));
        }

        return hits;
    }

    private async IAsyncEnumerable<ArchivedPost> ReadPostsAsync(string sql, IReadOnlyList<(string Name, object? Value)> args, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = db.OpenReader();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in args)
        {
            cmd.Bind(name, value);
        }

        await using var media = connection.CreateCommand();
        media.CommandText = "SELECT sha256, length, content_type, kind FROM artifact_urls WHERE url = $u AND kind = 'media'";
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            var post = CollectorJson.Deserialize<Post>(r.GetString(8))!;
            if (!r.IsDBNull(14))
            {
                post = post with { Metrics = ReadMetrics(r, 9) };
            }

            var mediaArtifacts = new List<ArtifactRef>();
            foreach (var m in post.Media)
            {
                media.Bind("$u", m.Url);
                await using var mr = await media.ExecuteReaderAsync(cancellationToken);
                while (await mr.ReadAsync(cancellationToken))
                {
                    mediaArtifacts.Add(new ArtifactRef { Sha256 = mr.GetString(0), Length = mr.GetInt64(1), ContentType = mr.GetStringOrNull(2), Kind = mr.GetString(3), Url = m.Url });
                }
            }

            var sources = r.GetStringOrNull(15);
            yield return new ArchivedPost
            {
                Post = post,
                FirstSeen = r.Time(1),
                LastSeen = r.Time(2),
                VersionCount = r.GetInt32(3),
                Imported = r.GetInt32(4) != 0,
                Tombstone = ReadTombstone(r, 5),
                Sources = sources is null ? [] : sources.Split('\u001f'),
                MediaArtifacts = mediaArtifacts,
            };
        }
    }

    public async Task<Capture?> GetCaptureAsync(string captureId, CancellationToken cancellationToken = default)
    {
        await foreach (var c in ReadCapturesAsync(" WHERE c.id = $id", [("$id", captureId)], includePosts: true, cancellationToken))
        {
            return c;
        }

        return null;
    }

    public IAsyncEnumerable<Capture> QueryCapturesAsync(CaptureQuery query, CancellationToken cancellationToken = default)
    {
        var where = new StringBuilder(" WHERE 1 = 1");
        var args = new List<(string, object?)>();
        void Add(string clause, string name, object? value)
        {
            where.Append(" AND ").Append(clause);
            args.Add((name, value));
        }

        if (query.RunId is not null) Add("c.run_id = $run", "$run", query.RunId);
        if (query.Source is not null) Add("c.source = $src", "$src", query.Source);
        if (query.Url is not null) Add("(c.request_url = $url OR c.final_url = $url)", "$url", query.Url);
        if (query.Since is { } since) Add("c.fetched_at >= $since", "$since", since.UtcTicks);
        if (query.Until is { } until) Add("c.fetched_at <= $until", "$until", until.UtcTicks);
        if (query.Post is { } key)
        {
            Add("c.id IN (SELECT o.capture_id FROM observations o JOIN posts p ON p.pk = o.post_pk WHERE p.platform = $pp AND p.post_id = $pi)", "$pp", key.Platform);
            args.Add(("$pi", key.Id));
        }

        if (query.Platforms.Count > 0)
        {
            where.Append(" AND c.platform IN (");
            for (var i = 0; i < query.Platforms.Count; i++)
            {
                where.Append(i == 0 ? "" : ", ").Append("$pl").Append(i);
                args.Add(("$pl" + i, query.Platforms[i].ToLowerInvariant()));
            }

            where.Append(')');
        }

        where.Append(" ORDER BY c.fetched_at, c.id LIMIT $limit");
        args.Add(("$limit", query.Limit ?? -1));
        return ReadCapturesAsync(where.ToString(), args, query.IncludePosts, cancellationToken);
    }

    private async IAsyncEnumerable<Capture> ReadCapturesAsync(string where, IReadOnlyList<(string Name, object? Value)> args, bool includePosts, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = db.OpenReader();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT c.json FROM captures c" + where;
        foreach (var (name, value) in args)
        {
            cmd.Bind(name, value);
        }

        await using var postsCmd = connection.CreateCommand();
        postsCmd.CommandText = """
            SELECT v.json, o.likes, o.comments, o.shares, o.views, o.score FROM observations o
            JOIN versions v ON v.post_pk = o.post_pk AND v.number = o.version
            WHERE o.capture_id = $id ORDER BY o.ordinal
            """;
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            var capture = CollectorJson.Deserialize<Capture>(r.GetString(0))!;
            if (includePosts)
            {
                var posts = new List<Post>();
                postsCmd.Bind("$id", capture.Id);
                await using var pr = await postsCmd.ExecuteReaderAsync(cancellationToken);
                while (await pr.ReadAsync(cancellationToken))
                {
                    posts.Add(CollectorJson.Deserialize<Post>(pr.GetString(0))! with { Metrics = ReadMetrics(pr, 1) });
                }

                capture = capture with { Posts = posts };
            }

            yield return capture;
        }
    }

    private static Metrics ReadMetrics(SqliteDataReader r, int i) => new()
    {
        Likes = r.GetInt64OrNull(i),
        Comments = r.GetInt64OrNull(i + 1),
        Shares = r.GetInt64OrNull(i + 2),
        Views = r.GetInt64OrNull(i + 3),
        Score = r.GetInt64OrNull(i + 4),
    };

    private static Tombstone? ReadTombstone(SqliteDataReader r, int i) => r.IsDBNull(i)
        ? null
        : new Tombstone { Reason = r.GetString(i), At = r.Time(i + 1), CaptureId = r.GetString(i + 2) };
}
