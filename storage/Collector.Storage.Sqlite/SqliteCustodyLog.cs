using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Collector.Storage.Sqlite;

/// <summary>The custody table: appended inside the writer's IMMEDIATE transaction, so the chain never forks.</summary>
internal sealed class SqliteCustodyLog(SqliteDatabase db, TimeProvider time) : ICustodyLog
{
    /// <summary>
    /// Appends an entry on its own (an import's end, an export, a verification, a manifest or timestamp) and then writes
    /// the new head to the anchor file: what a command did last can then not be cut off the log's end unnoticed.
    /// </summary>
    public async Task<CustodyEntry> AppendAsync(CustodyEvent custodyEvent, CancellationToken cancellationToken = default)
    {
        var entry = await db.WriteAsync(w => Append(w, WithArtifactSeals(w, custodyEvent), time.GetUtcNow()), cancellationToken);
        await CustodyAnchors.AppendAsync(db.Path + CustodyAnchors.Suffix, entry, custodyEvent.Action + " " + custodyEvent.Subject, time.GetUtcNow(), cancellationToken);
        return entry;
    }

    /// <summary>The event with the artifact rows it names sealed too (a run manifest, a timestamp token), in the same write.</summary>
    private static CustodyEvent WithArtifactSeals(SqliteDatabase.WriteScope w, CustodyEvent e)
    {
        if (e.ArtifactHashes.Count == 0)
        {
            return e;
        }

        var seals = new List<Seal>(e.Seals ?? []);
        SqliteArtifactStore.Seal(w, e.ArtifactHashes, seals);
        return e with { Seals = seals };
    }

    /// <summary>Appends within an open write (the capture's or import's own transaction).</summary>
    internal static CustodyEntry Append(SqliteDatabase.WriteScope w, CustodyEvent e, DateTimeOffset at)
    {
        long previousSequence = 0;
        var previousHash = CustodyChain.GenesisHash;
        using (var r = w.Command("SELECT seq, hash FROM custody ORDER BY seq DESC LIMIT 1").ExecuteReader())
        {
            if (r.Read())
            {
                previousSequence = r.GetInt64(0);
                previousHash = r.GetString(1);
            }
        }

        var entry = CustodyChain.Next(e, previousSequence, previousHash, at);
        w.Command("""
            INSERT INTO custody(seq, at, action, subject, artifact_hashes, tool_version, config_hash, host, detail, previous_hash, hash, seals)
            VALUES ($seq, $at, $action, $subject, $hashes, $tool, $config, $host, $detail, $prev, $hash, $seals)
            """)
            .Bind("$seq", entry.Sequence).Bind("$at", entry.At.UtcTicks).Bind("$action", entry.Action).Bind("$subject", entry.Subject)
            .Bind("$hashes", JsonSerializer.Serialize(entry.ArtifactHashes)).Bind("$tool", entry.ToolVersion)
            .Bind("$config", entry.ConfigHash).Bind("$host", entry.Host).Bind("$detail", entry.Detail)
            .Bind("$prev", entry.PreviousHash).Bind("$hash", entry.Hash).Bind("$seals", SealsJson.Write(entry.Seals))
            .ExecuteNonQuery();
        return entry;
    }

    public async Task<CustodyEntry?> HeadAsync(CancellationToken cancellationToken = default)
    {
        long last;
        await using (var connection = db.OpenReader())
        await using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT coalesce(max(seq), 0) FROM custody";
            last = Convert.ToInt64(await cmd.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }

        return last == 0 ? null : await ReadAsync(last, cancellationToken).FirstOrDefaultAsync(cancellationToken);
    }

    public async IAsyncEnumerable<CustodyEntry> ReadAsync(long fromSequence = 1, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = db.OpenReader();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT {Columns} FROM custody WHERE seq >= $from ORDER BY seq";
        cmd.Bind("$from", fromSequence);
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            yield return Entry(r);
        }
    }

    public async IAsyncEnumerable<CustodyEntry> ReadBySubjectAsync(string action, string subject, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = db.OpenReader();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT {Columns} FROM custody WHERE action = $a AND subject = $s ORDER BY seq";
        cmd.Bind("$a", action).Bind("$s", subject);
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            yield return Entry(r);
        }
    }

    private const string Columns = "seq, at, action, subject, artifact_hashes, tool_version, config_hash, host, detail, previous_hash, hash, seals";

    private static CustodyEntry Entry(SqliteDataReader r) => new()
    {
        Sequence = r.GetInt64(0),
        At = r.Time(1),
        Action = r.GetString(2),
        Subject = r.GetString(3),
        ArtifactHashes = JsonSerializer.Deserialize<string[]>(r.GetString(4)) ?? [],
        ToolVersion = r.GetString(5),
        ConfigHash = r.GetStringOrNull(6),
        Host = r.GetString(7),
        Detail = r.GetStringOrNull(8),
        PreviousHash = r.GetString(9),
        Hash = r.GetString(10),
        Seals = SealsJson.Read(r.GetStringOrNull(11)),
    };
}
