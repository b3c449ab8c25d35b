using System.Text.Json.Nodes;
using Collector.Model;
using Collector.Storage;
using Microsoft.Data.Sqlite;

namespace Collector.Crawler.Tests.Support;

/// <summary>
/// What a forger with write access to a SQLite archive can do without touching artifacts: edit a version's JSON, then
/// make every derived and sealed value agree with it (content hash, the post's latest hash, the version's seal in its
/// custody entry, every later entry's chain hash, and the anchor file's hashes), so that only the raw page contradicts it.
/// </summary>
internal static class ResealingForger
{
    public static async Task EditVersionAsync(IArchive archive, string dbPath, string postId, int number, Func<string, string> edit, CancellationToken ct)
    {
        string keyText, json;
        string? changes, captureId;
        long pk, firstSeen;
        using (var connection = Open(dbPath))
        {
            using var read = connection.CreateCommand();
            read.CommandText = """
                SELECT p.pk, p.platform || ':' || p.post_id, v.first_seen, v.capture_id, v.json, v.changes
                FROM versions v JOIN posts p ON p.pk = v.post_pk WHERE p.post_id = $id AND v.number = $n
                """;
            read.Parameters.AddWithValue("$id", postId);
            read.Parameters.AddWithValue("$n", number);
            using var r = read.ExecuteReader();
            Assert.True(r.Read(), $"no version {number} of {postId} to forge");
            (pk, keyText, firstSeen) = (r.GetInt64(0), r.GetString(1), r.GetInt64(2));
            captureId = r.IsDBNull(3) ? null : r.GetString(3);
            json = edit(r.GetString(4));
            changes = r.IsDBNull(5) ? null : r.GetString(5);
        }

        var contentHash = PostContentHash.Compute(CollectorJson.Deserialize<Post>(json)!);
        var seal = RecordSeal.Version(keyText, number, contentHash, firstSeen, captureId, json, changes);
        var entries = new List<CustodyEntry>();
        await foreach (var e in archive.Custody.ReadAsync(1, ct))
        {
            entries.Add(e);
        }

        var at = entries.FindIndex(e => e.Seals?.Any(s => s.Table == seal.Table && s.Key == seal.Key) == true);
        Assert.True(at >= 0, "no custody entry seals " + seal.Key);
        entries[at] = entries[at] with { Seals = [.. entries[at].Seals!.Select(s => s.Table == seal.Table && s.Key == seal.Key ? seal : s)] };
        for (var i = at; i < entries.Count; i++)
        {
            var e = entries[i] with
            {
                PreviousHash = i == 0 ? CustodyChain.GenesisHash : entries[i - 1].Hash,
                SealsDigest = entries[i].Seals is { } seals ? CustodyChain.SealsDigest(seals) : null,
            };
            entries[i] = e with { Hash = CustodyChain.ComputeHash(e) };
        }

        using (var connection = Open(dbPath))
        {
            using var tx = connection.BeginTransaction();
            Exec(connection, "UPDATE versions SET json = $j, content_hash = $h WHERE post_pk = $pk AND number = $n", ("$j", json), ("$h", contentHash), ("$pk", pk), ("$n", number));
            Exec(connection, "UPDATE posts SET latest_hash = $h WHERE pk = $pk AND version_count = $n", ("$h", contentHash), ("$pk", pk), ("$n", number));
            foreach (var e in entries.Skip(at))
            {
                Exec(connection, "UPDATE custody SET seals = $s, previous_hash = $p, hash = $h WHERE seq = $seq",
                    ("$s", SealsJson.Write(e.Seals)), ("$p", e.PreviousHash), ("$h", e.Hash), ("$seq", e.Sequence));
            }

            tx.Commit();
        }

        SqliteConnection.ClearAllPools();
        var anchors = dbPath + CustodyAnchors.Suffix;
        if (File.Exists(anchors))
        {
            var bySequence = entries.ToDictionary(e => e.Sequence, e => e.Hash);
            var lines = (await File.ReadAllLinesAsync(anchors, ct)).Where(l => l.Length > 0).Select(l =>
            {
                var node = JsonNode.Parse(l)!;
                node["hash"] = bySequence[node["seq"]!.GetValue<long>()];
                return node.ToJsonString();
            });
            await File.WriteAllLinesAsync(anchors, lines, ct);
        }
    }

    private static SqliteConnection Open(string dbPath)
    {
        var connection = new SqliteConnection($"Data Source={dbPath};Pooling=false");
        connection.Open();
        return connection;
    }

    private static void Exec(SqliteConnection connection, string sql, params (string Name, object? Value)[] args)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in args)
        {
            cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        cmd.ExecuteNonQuery();
    }
}
