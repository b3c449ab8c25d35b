using System.Globalization;
using System.Runtime.CompilerServices;
using Collector.Model;
using Microsoft.Data.Sqlite;

namespace Collector.Storage.Sqlite;

/// <summary>
/// A post's row summarizes its sealed records: the version count and latest hash, first and last seen (when its first
/// version was recorded, and its latest observation), the publication time and URL key of its versions, whether an import created it. Each column is
/// re-derived from the versions and observations and compared; a post row without versions is reported too.
/// </summary>
internal static class SqlitePostSummaryCheck
{
    public static async IAsyncEnumerable<IntegrityProblem> RunAsync(SqliteConnection connection, [EnumeratorCancellation] CancellationToken ct)
    {
        var seen = new Dictionary<long, long>();
        await using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT post_pk, max(at) FROM observations GROUP BY post_pk";
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                seen[r.GetInt64(0)] = r.GetInt64(1);
            }
        }

        await using var posts = connection.CreateCommand();
        posts.CommandText = """
            SELECT p.pk, p.platform || ':' || p.post_id, p.first_seen, p.last_seen, p.published_at, p.version_count, p.latest_hash, p.url_key, p.imported,
                v.number, v.content_hash, v.capture_id, v.json, v.first_seen
            FROM posts p LEFT JOIN versions v ON v.post_pk = p.pk ORDER BY p.pk, v.number
            """;
        await using var rows = await posts.ExecuteReaderAsync(ct);
        Derived? current = null;
        while (await rows.ReadAsync(ct))
        {
            var pk = rows.GetInt64(0);
            if (current is null || current.Pk != pk)
            {
                if (current is not null)
                {
                    foreach (var p in current.Compare(seen))
                    {
                        yield return p;
                    }
                }

                current = new Derived(pk, rows.GetString(1), rows.GetInt64(2), rows.GetInt64(3), rows.GetInt64OrNull(4), rows.GetInt64(5),
                    rows.GetString(6), rows.GetStringOrNull(7), rows.GetInt64(8) != 0);
            }

            if (!rows.IsDBNull(9))
            {
                current.Add(rows.GetInt32(9), rows.GetString(10), rows.GetStringOrNull(11), rows.GetString(12), rows.GetInt64(13));
            }
        }

        if (current is not null)
        {
            foreach (var p in current.Compare(seen))
            {
                yield return p;
            }
        }
    }

    /// <summary>One post row and what its versions say it should hold.</summary>
    private sealed class Derived(long pk, string key, long firstSeen, long lastSeen, long? publishedAt, long versionCount, string latestHash, string? urlKey, bool imported)
    {
        private int versions;
        private int lastNumber;
        private bool numbersInOrder = true;
        private string? hash;
        private long? published;
        private string? url;
        private bool? firstImported;
        private long? firstVersionSeen;

        public long Pk => pk;

        public void Add(int number, string contentHash, string? captureId, string json, long versionFirstSeen)
        {
            versions++;
            firstVersionSeen ??= versionFirstSeen;
            numbersInOrder &= number == lastNumber + 1;
            lastNumber = number;
            hash = contentHash;
            firstImported ??= captureId is null;
            var post = CollectorJson.Deserialize<Post>(json);
            published = post?.PublishedAt?.UtcTicks ?? published;
            url = UrlKey.Normalize(post?.Url);
        }

        public IEnumerable<IntegrityProblem> Compare(Dictionary<long, long> seen)
        {
            if (versions == 0)
            {
                yield return Problem("has no version", "at least version 1", "none");
                yield break;
            }

            if (!numbersInOrder || versionCount != lastNumber)
            {
                yield return Problem("version_count disagrees with its versions", N(lastNumber) + (numbersInOrder ? "" : " (numbered 1…n)"), N(versionCount));
            }

            if (!string.Equals(latestHash, hash, StringComparison.Ordinal))
            {
                yield return Problem("latest_hash disagrees with its latest version", hash, latestHash);
            }

            // First seen is when version 1 was recorded (captures of one page can commit out of fetch order, so an
            // observation may be older); last seen is the latest observation.
            if (firstVersionSeen != firstSeen)
            {
                yield return Problem("first_seen disagrees with its first version", N(firstVersionSeen ?? 0), N(firstSeen));
            }

            if (!seen.TryGetValue(pk, out var last))
            {
                yield return Problem("has no observation", "at least one", "none");
            }
            else if (last != lastSeen)
            {
                yield return Problem("last_seen disagrees with its latest observation", N(last), N(lastSeen));
            }

            if (published != publishedAt)
            {
                yield return Problem("published_at disagrees with its versions", published is null ? null : N(published.Value), publishedAt is null ? null : N(publishedAt.Value));
            }

            if (!string.Equals(url, urlKey, StringComparison.Ordinal))
            {
                yield return Problem("url_key disagrees with its latest version", url, urlKey);
            }

            if (firstImported != imported)
            {
                yield return Problem("imported flag disagrees with how its first version came in", firstImported.ToString(), imported.ToString());
            }
        }

        private IntegrityProblem Problem(string message, string? expected, string? actual) => new("posts", key, message, expected ?? "null", actual ?? "null");

        private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
