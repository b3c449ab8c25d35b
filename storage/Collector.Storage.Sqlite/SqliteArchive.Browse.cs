using System.Globalization;
using System.Text;
using System.Text.Json;
using Collector.Model;
using Microsoft.Data.Sqlite;

namespace Collector.Storage.Sqlite;

/// <summary>
/// Browsing for `collector serve`: one indexed keyset query picks a page of post keys (sort value, then pk), then the
/// page's posts are read. Community and author are read from the latest version's JSON; the sorts by publication time
/// and by version count get their indexes on first use (derived data, like the full-text index).
/// </summary>
public sealed partial class SqliteArchive : IPostBrowser
{
    private int browseIndexed;

    public async Task<BrowsePage> BrowseAsync(BrowseQuery query, CancellationToken cancellationToken = default)
    {
        await EnsureBrowseIndexesAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            await IndexPendingTextAsync(cancellationToken);
        }

        List<(long Pk, long Value, PostKey Key)> keys;
        try
        {
            keys = await BrowseKeysAsync(query, query.Text, cancellationToken);
        }
        catch (SqliteException) when (!string.IsNullOrWhiteSpace(query.Text))
        {
            // Not valid full-text syntax: the words as plain phrases (as SearchAsync does).
            var quoted = string.Join(' ', query.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(t => "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
            keys = await BrowseKeysAsync(query, quoted, cancellationToken);
        }

        var more = keys.Count > query.Limit;
        if (more)
        {
            keys.RemoveAt(keys.Count - 1);
        }

        var byKey = new Dictionary<PostKey, ArchivedPost>();
        if (keys.Count > 0)
        {
            // pks are integers this query just read: written into the statement, not bound one by one.
            var list = string.Join(',', keys.Select(k => k.Pk.ToString(CultureInfo.InvariantCulture)));
            await foreach (var post in ReadPostsAsync(PostColumns + $" WHERE p.pk IN ({list})", [], cancellationToken))
            {
                byKey[post.Post.Key] = post;
            }
        }

        var posts = keys.Where(k => byKey.ContainsKey(k.Key)).Select(k => byKey[k.Key]).ToList();
        var next = more ? new BrowseCursor(keys[^1].Value, keys[^1].Pk.ToString(CultureInfo.InvariantCulture)).Encode() : null;
        return new BrowsePage(posts, next);
    }

    private async Task<List<(long Pk, long Value, PostKey Key)>> BrowseKeysAsync(BrowseQuery q, string? text, CancellationToken ct)
    {
        var sortExpr = q.Sort switch
        {
            BrowseSort.FirstSeenDesc or BrowseSort.FirstSeenAsc => "p.first_seen",
            BrowseSort.PublishedDesc or BrowseSort.PublishedAsc => "coalesce(p.published_at, p.first_seen)",
            _ => "p.version_count",
        };
        var desc = BrowseCursor.Descending(q.Sort);
        var sql = new StringBuilder($"SELECT p.pk, {sortExpr}, p.platform, p.post_id FROM posts p");
        var needsVersion = q.Community is not null || q.Author is not null;
        if (needsVersion)
        {
            sql.Append(" JOIN versions v ON v.post_pk = p.pk AND v.number = p.version_count");
        }

        sql.Append(" WHERE 1 = 1");
        await using var connection = db.OpenReader();
        await using var cmd = connection.CreateCommand();
        void Where(string clause, string name, object? value)
        {
            sql.Append(" AND ").Append(clause);
            cmd.Bind(name, value);
        }

        if (!string.IsNullOrWhiteSpace(text)) Where("p.pk IN (SELECT rowid FROM posts_fts WHERE posts_fts MATCH $q)", "$q", text);
        if (q.Platforms.Count > 0) Where("p.platform IN (SELECT value FROM json_each($pl))", "$pl", JsonSerializer.Serialize(q.Platforms.Select(p => p.ToLowerInvariant())));
        if (q.Community is not null) Where("v.json ->> '$.community' = $co", "$co", q.Community);
        if (q.Author is not null) Where("$au IN (v.json ->> '$.author.handle', v.json ->> '$.author.id', v.json ->> '$.author.name')", "$au", q.Author);
        if (q.From is { } from) Where("coalesce(p.published_at, p.first_seen) >= $from", "$from", from.UtcTicks);
        if (q.To is { } to) Where("coalesce(p.published_at, p.first_seen) < $to", "$to", to.UtcTicks);
        if (q.HasVersions is { } hv) sql.Append(hv ? " AND p.version_count > 1" : " AND p.version_count = 1");
        if (q.Deleted is { } d) sql.Append(d ? " AND p.tombstone_reason IS NOT NULL" : " AND p.tombstone_reason IS NULL");
        if (q.Only is { } only) Where("(p.platform, p.post_id) IN (SELECT value ->> 0, value ->> 1 FROM json_each($only))", "$only", JsonSerializer.Serialize(only.Select(k => new[] { k.Platform, k.Id })));
        if (BrowseCursor.Decode(q.After) is { } after && long.TryParse(after.Tie, NumberStyles.Integer, CultureInfo.InvariantCulture, out var afterPk))
        {
            sql.Append(CultureInfo.InvariantCulture, $" AND ({sortExpr}, p.pk) {(desc ? "<" : ">")} ($av, $apk)");
            cmd.Bind("$av", after.Value).Bind("$apk", afterPk);
        }

        var dir = desc ? "DESC" : "ASC";
        sql.Append(CultureInfo.InvariantCulture, $" ORDER BY {sortExpr} {dir}, p.pk {dir} LIMIT $limit");
        cmd.Bind("$limit", Math.Clamp(q.Limit, 1, 500) + 1);
        cmd.CommandText = sql.ToString();
        var keys = new List<(long, long, PostKey)>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            keys.Add((r.GetInt64(0), r.GetInt64(1), new PostKey(r.GetString(2), r.GetString(3))));
        }

        return keys;
    }

    private async Task EnsureBrowseIndexesAsync(CancellationToken ct)
    {
        if (Volatile.Read(ref browseIndexed) == 1)
        {
            return;
        }

        await db.WriteAsync(w =>
        {
            w.Command("CREATE INDEX IF NOT EXISTS posts_published ON posts(coalesce(published_at, first_seen))").ExecuteNonQuery();
            w.Command("CREATE INDEX IF NOT EXISTS posts_version_count ON posts(version_count)").ExecuteNonQuery();
            return 0;
        }, ct);
        Volatile.Write(ref browseIndexed, 1);
    }
}
