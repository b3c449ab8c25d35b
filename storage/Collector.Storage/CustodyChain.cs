using System.Buffers;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using Collector.Model;

namespace Collector.Storage;

/// <summary>
/// How custody entries are chained, the same for every backend: an entry's hash is SHA-256 over a canonical JSON of
/// all its fields including the previous entry's hash; the first entry's previous hash is 64 zeros.
/// <see cref="Check"/> walks a sequence and names every break precisely.
/// </summary>
public static class CustodyChain
{
    public static readonly string GenesisHash = new('0', 64);

    /// <summary>The tool version written into entries (collector/&lt;assembly informational version&gt;).</summary>
    public static string ToolVersion { get; } = "collector/" + (typeof(CustodyChain).Assembly
        .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0");

    public static string HostName { get; } = Environment.MachineName;

    /// <summary>Builds the next entry after <paramref name="previous"/> (null for the first).</summary>
    public static CustodyEntry Next(CustodyEvent e, CustodyEntry? previous, DateTimeOffset at) =>
        Next(e, previous?.Sequence ?? 0, previous?.Hash ?? GenesisHash, at);

    public static CustodyEntry Next(CustodyEvent e, long previousSequence, string previousHash, DateTimeOffset at)
    {
        var entry = new CustodyEntry
        {
            Sequence = previousSequence + 1,
            At = new DateTimeOffset(at.UtcTicks, TimeSpan.Zero),
            Action = e.Action,
            Subject = e.Subject,
            ArtifactHashes = e.ArtifactHashes.ToArray(),
            ToolVersion = ToolVersion,
            ConfigHash = e.ConfigHash,
            Host = HostName,
            Detail = e.Detail,
            Seals = e.Seals?.ToArray(),
            SealsDigest = e.Seals is null ? null : SealsDigest(e.Seals),
            PreviousHash = previousHash,
            Hash = string.Empty,
        };
        return entry with { Hash = ComputeHash(entry, entry.Sequence, digestComputed: true) };
    }

    /// <summary>SHA-256 over the seals in order: table, key and hash of each, every one as its UTF-8 length (4 bytes, little-endian) and bytes.</summary>
    public static string SealsDigest(IReadOnlyList<Seal> seals)
    {
        var buffer = new ArrayBufferWriter<byte>(64 + seals.Count * 160);
        foreach (var s in seals)
        {
            foreach (var part in (ReadOnlySpan<string>)[s.Table, s.Key, s.Hash])
            {
                var span = buffer.GetSpan(4 + System.Text.Encoding.UTF8.GetMaxByteCount(part.Length));
                var n = System.Text.Encoding.UTF8.GetBytes(part, span[4..]);
                System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(span, n);
                buffer.Advance(4 + n);
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    /// <summary>The entry as a case bundle carries it to link the chain: without its seals, with their digest.</summary>
    public static CustodyEntry WithoutSeals(CustodyEntry entry) =>
        entry.Seals is null ? entry : entry with { Seals = null, SealsDigest = SealsDigest(entry.Seals) };

    /// <summary>SHA-256 (lower-case hex) of the entry's canonical JSON (every field but <see cref="CustodyEntry.Hash"/>).</summary>
    public static string ComputeHash(CustodyEntry entry) => ComputeHash(entry, entry.Sequence);

    /// <param name="digestComputed">True only where <see cref="CustodyEntry.SealsDigest"/> was just computed from the seals (a new entry).</param>
    private static string ComputeHash(CustodyEntry entry, long sequence, bool digestComputed = false)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("sequence", sequence);
            w.WriteString("at", UtcDateTimeOffsetConverter.ToWire(entry.At));
            w.WriteString("action", entry.Action);
            w.WriteString("subject", entry.Subject);
            w.WriteStartArray("artifactHashes");
            foreach (var h in entry.ArtifactHashes)
            {
                w.WriteStringValue(h);
            }

            w.WriteEndArray();
            w.WriteString("toolVersion", entry.ToolVersion);
            w.WriteString("configHash", entry.ConfigHash);
            w.WriteString("host", entry.Host);
            w.WriteString("detail", entry.Detail);
            // Only entries that seal records carry the field, so entries written before sealing keep their hashes.
            if ((entry.Seals is { } seals && !digestComputed ? SealsDigest(seals) : entry.SealsDigest) is { } digest)
            {
                w.WriteString("sealsDigest", digest);
            }

            w.WriteString("previousHash", entry.PreviousHash);
            w.WriteEndObject();
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    /// <summary>
    /// Checks entries in stored order: sequence numbers 1, 2, 3… without gaps (a gap is a missing entry), each hash
    /// recomputing from the entry's fields (else altered; reordered when it recomputes under another position), and each
    /// previous hash equal to the hash of the entry before it (else a broken link). Returns every problem, in order.
    /// </summary>
    public static IReadOnlyList<string> Check(IEnumerable<CustodyEntry> entries)
    {
        var list = entries.ToList();
        var problems = new List<string>();
        var bySelfHash = new Dictionary<string, long>(StringComparer.Ordinal);
        var byPreviousHash = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var e in list)
        {
            bySelfHash.TryAdd(e.Hash, e.Sequence);
            byPreviousHash.TryAdd(e.PreviousHash, e.Sequence);
        }

        long expected = 1;
        var previousHash = GenesisHash;
        foreach (var e in list)
        {
            var n = e.Sequence;
            if (n > expected)
            {
                problems.Add(n == expected + 1
                    ? Invariant($"custody entry {expected} is missing (sequence jumps from {expected - 1} to {n})")
                    : Invariant($"custody entries {expected} to {n - 1} are missing (sequence jumps from {expected - 1} to {n})"));
            }
            else if (n < expected)
            {
                problems.Add(Invariant($"custody entries out of order: entry {n} found after entry {expected - 1}"));
            }

            var computed = ComputeHash(e);
            if (!string.Equals(computed, e.Hash, StringComparison.Ordinal))
            {
                var written = WrittenAs(e, bySelfHash, byPreviousHash);
                problems.Add(written is { } at && at != n
                    ? Invariant($"custody entry {n} reordered: its content was written as entry {at} (stored hash {e.Hash} holds for position {at}, not {n})")
                    : Invariant($"custody entry {n} altered: stored hash {e.Hash}, recomputed {computed}"));
            }

            if (!string.Equals(e.PreviousHash, previousHash, StringComparison.Ordinal))
            {
                problems.Add(Invariant($"broken link at custody entry {n}: previous hash {e.PreviousHash} does not match the hash of the entry before it ({previousHash})"));
            }

            previousHash = e.Hash;
            expected = Math.Max(expected, n) + 1;
        }

        return problems;
    }

    /// <summary>The position an entry's content was hashed under, when its stored hash holds for another sequence number.</summary>
    private static long? WrittenAs(CustodyEntry e, Dictionary<string, long> bySelfHash, Dictionary<string, long> byPreviousHash)
    {
        var guesses = new List<long>();
        if (e.PreviousHash == GenesisHash)
        {
            guesses.Add(1);
        }

        if (bySelfHash.TryGetValue(e.PreviousHash, out var before))
        {
            guesses.Add(before + 1);
        }

        if (byPreviousHash.TryGetValue(e.Hash, out var after))
        {
            guesses.Add(after - 1);
        }

        foreach (var g in guesses)
        {
            if (g != e.Sequence && g > 0 && string.Equals(ComputeHash(e, g), e.Hash, StringComparison.Ordinal))
            {
                return g;
            }
        }

        return null;
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
