using System.Collections.Concurrent;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Collector.Model;

namespace Collector.Storage.Sqlite;

/// <summary>
/// Artifacts beside the database, in ROOT: appended to pack files (ROOT/packs, <see cref="ArtifactPack"/>), many to a
/// file with one flush to disk per batch (<see cref="ArtifactPackWriter"/>); archives written before packs keep one file
/// per artifact (ROOT/ab/cd/&lt;sha256&gt;[.gz]) and are read as they are. Stored bytes are never rewritten. The SHA-256
/// is of the uncompressed bytes. The database's artifacts table lists what was stored and where (pack and offset; none
/// for a file of its own), recorded only once the bytes are on disk.
/// </summary>
internal sealed class SqliteArtifactStore(SqliteDatabase db, string root, TimeProvider time) : IArtifactStore, IDisposable
{
    private const int CompressAbove = 256;
    private readonly ConcurrentDictionary<string, bool> known = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task> storing = new(StringComparer.Ordinal);
    private readonly ArtifactPackWriter packs = new(root, time);

    public string Root => root;

    public async Task<ArtifactRef> PutAsync(ArtifactContent content, CancellationToken cancellationToken = default)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(content.Bytes.Span));
        var reference = new ArtifactRef
        {
            Kind = content.Kind,
            Sha256 = sha,
            Length = content.Bytes.Length,
            ContentType = content.ContentType,
            Url = content.Url,
        };
        if (known.ContainsKey(sha))
        {
            return reference;
        }

        // the same bytes being stored right now by another page (a shared image): wait for that, append nothing
        var mine = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = storing.GetOrAdd(sha, mine.Task);
        if (running != mine.Task)
        {
            await running.WaitAsync(cancellationToken);
            return reference;
        }

        try
        {
            await StoreAsync(sha, content, cancellationToken);
            known[sha] = true;
            mine.SetResult();
        }
        catch (Exception e)
        {
            mine.SetException(e);
            throw;
        }
        finally
        {
            storing.TryRemove(new KeyValuePair<string, Task>(sha, mine.Task));
        }

        return reference;
    }

    private async Task StoreAsync(string sha, ArtifactContent content, CancellationToken cancellationToken)
    {
        // stored before (by an earlier run, or another process): the bytes are never written twice
        if (await FindAsync(sha, cancellationToken) is not null)
        {
            return;
        }

        var (encoding, stored) = StoredForm(content);
        var storedSha = encoding == "gzip" ? Convert.ToHexStringLower(SHA256.HashData(stored.Span)) : sha;
        PackLocation at;
        try
        {
            at = await packs.AppendAsync(sha, encoding, stored);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ArchiveUnavailableException($"sqlite archive {root}: cannot store an artifact: {e.Message}", e);
        }

        await db.WriteAsync(w =>
        {
            w.Command("""
                INSERT OR IGNORE INTO artifacts(sha256, kind, length, content_type, encoding, stored_length, created_at, stored_sha256, pack, pack_offset)
                VALUES ($s, $k, $l, $c, $e, $sl, $t, $ss, $p, $o)
                """)
                .Bind("$s", sha).Bind("$k", content.Kind).Bind("$l", (long)content.Bytes.Length).Bind("$c", content.ContentType)
                .Bind("$e", encoding).Bind("$sl", (long)stored.Length).Bind("$t", time.GetUtcNow().UtcTicks).Bind("$ss", storedSha)
                .Bind("$p", at.Pack).Bind("$o", at.Offset)
                .ExecuteNonQuery();
            return 0;
        }, cancellationToken);
    }

    public async Task<Stream?> OpenReadAsync(string sha256, CancellationToken cancellationToken = default)
    {
        var where = await LocateAsync(sha256, cancellationToken);
        if (where?.Path is not { } path || !File.Exists(path))
        {
            return null;
        }

        var stored = OpenStored(where, path);
        return where.Gzip ? new GZipStream(stored, CompressionMode.Decompress) : stored;
    }

    public async Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken = default) =>
        (await LocateAsync(sha256, cancellationToken))?.Path is { } path && File.Exists(path);

    public async IAsyncEnumerable<string> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = db.OpenReader();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT sha256 FROM artifacts ORDER BY sha256";
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            yield return r.GetString(0);
        }
    }

    /// <summary>
    /// Re-hashes the stored bytes as well as the content they decompress to, and checks the file's length: a changed gzip
    /// header byte or a byte appended after the gzip data still decompresses to the same content, but not to the same
    /// stored bytes.
    /// </summary>
    public async Task<ArtifactCheck> VerifyAsync(string sha256, CancellationToken cancellationToken = default)
    {
        var where = await LocateAsync(sha256, cancellationToken);
        if (where?.Path is not { } path || !File.Exists(path))
        {
            return new ArtifactCheck(sha256, ArtifactState.Missing, Location: where?.Describe(root) ?? PathFor(sha256, gz: false) + "[.gz]");
        }

        var (storedLength, storedSha) = (where.StoredLength, where.StoredSha);
        await using var raw = new HashingReadStream(OpenStored(where, path));
        await using var content = where.Gzip ? new GZipStream(raw, CompressionMode.Decompress, leaveOpen: true) : (Stream)raw;
        var check = await ArtifactRehash.CheckAsync(sha256, content, where.Describe(root), cancellationToken);
        if (check.State != ArtifactState.Ok)
        {
            return check;
        }

        var (actualLength, actualSha) = await raw.FinishAsync(cancellationToken);
        if (storedLength is { } expected && expected != actualLength)
        {
            return check with { State = ArtifactState.Altered, Detail = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"stored length {expected} bytes, file has {actualLength}") };
        }

        if (storedSha is not null && !string.Equals(storedSha, actualSha, StringComparison.Ordinal))
        {
            return check with { State = ArtifactState.Altered, Detail = $"stored bytes changed: expected sha256 {storedSha}, actual {actualSha}" };
        }

        return check;
    }

    /// <summary>The artifact's stored bytes (compressed where it was stored so): its slice of a pack, or its own file.</summary>
    private static Stream OpenStored(ArtifactOnDisk where, string path) => where.Packed
        ? new PackSliceStream(path, where.Offset, where.StoredLength.GetValueOrDefault())
        : new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);

    /// <summary>Seals the artifacts table's rows for <paramref name="hashes"/> (within the capture's write).</summary>
    internal static void Seal(SqliteDatabase.WriteScope w, IReadOnlyList<string> hashes, List<Seal> seals)
    {
        foreach (var sha in hashes)
        {
            using var r = w.Command("SELECT sha256, kind, length, content_type, encoding, stored_length, stored_sha256 FROM artifacts WHERE sha256 = $s")
                .Bind("$s", sha).ExecuteReader();
            if (r.Read())
            {
                seals.Add(ReadSeal(r));
            }
        }
    }

    internal static Seal ReadSeal(Microsoft.Data.Sqlite.SqliteDataReader r) =>
        RecordSeal.Artifact(r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetStringOrNull(3), r.GetString(4), r.GetInt64(5), r.GetStringOrNull(6));

    /// <summary>The artifact's row: how and where its bytes are stored (null when it was never recorded).</summary>
    private async Task<StoredArtifact?> FindAsync(string sha256, CancellationToken ct)
    {
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }

        await using var connection = db.OpenReader();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT encoding, stored_length, stored_sha256, pack, pack_offset FROM artifacts WHERE sha256 = $s";
        cmd.Bind("$s", sha256);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct)
            ? new StoredArtifact(r.GetString(0), r.GetInt64(1), r.GetStringOrNull(2), r.GetStringOrNull(3), r.IsDBNull(4) ? 0 : r.GetInt64(4))
            : null;
    }

    /// <summary>
    /// Where the artifact's stored bytes are: its pack and offset, or its own file (archives written before packs, found
    /// by name). Null when neither the database nor the folder knows the hash.
    /// </summary>
    internal async Task<ArtifactOnDisk?> LocateAsync(string sha256, CancellationToken ct)
    {
        var row = await FindAsync(sha256, ct);
        if (row?.Pack is { } pack)
        {
            return new ArtifactOnDisk(ArtifactPack.PathOf(root, pack), Packed: true, row.Offset, row.StoredLength, row.Encoding == "gzip", row.StoredSha, pack);
        }

        var (path, gz) = Locate(sha256);
        return path is not null || row is not null
            ? new ArtifactOnDisk(path, Packed: false, 0, row?.StoredLength, gz, row?.StoredSha, null)
            : null;
    }

    public string PathFor(string sha256, bool gz) =>
        System.IO.Path.Combine(root, sha256[..2], sha256[2..4], gz ? sha256 + ".gz" : sha256);

    /// <summary>An artifact's own file, as archives written before packs keep them.</summary>
    private (string? Path, bool Gz) Locate(string sha256)
    {
        if (sha256.Length < 8 || !sha256.All(char.IsAsciiHexDigitLower))
        {
            return (null, false);
        }

        var gzPath = PathFor(sha256, gz: true);
        if (File.Exists(gzPath))
        {
            return (gzPath, true);
        }

        var plain = PathFor(sha256, gz: false);
        return File.Exists(plain) ? (plain, false) : (null, false);
    }

    /// <summary>The bytes to store: gzip for text that shrinks by a tenth or more, else the content itself.</summary>
    private static (string Encoding, ReadOnlyMemory<byte> Stored) StoredForm(ArtifactContent content)
    {
        if (content.Bytes.Length >= CompressAbove && IsText(content))
        {
            var compressed = Gzip(content.Bytes.Span);
            if (compressed.Length < content.Bytes.Length * 9L / 10)
            {
                return ("gzip", compressed);
            }
        }

        return ("identity", content.Bytes);
    }

    private static bool IsText(ArtifactContent content)
    {
        if (content.Kind is ArtifactKinds.Raw or ArtifactKinds.Dom or ArtifactKinds.Network or ArtifactKinds.Manifest)
        {
            var type = content.ContentType ?? string.Empty;
            return type.Length == 0 || type.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
                || type.Contains("json", StringComparison.OrdinalIgnoreCase) || type.Contains("xml", StringComparison.OrdinalIgnoreCase)
                || type.Contains("javascript", StringComparison.OrdinalIgnoreCase);
        }

        var ct = content.ContentType ?? string.Empty;
        return ct.StartsWith("text/", StringComparison.OrdinalIgnoreCase) || ct.Contains("json", StringComparison.OrdinalIgnoreCase)
            || ct.Contains("svg", StringComparison.OrdinalIgnoreCase);
    }

    private static byte[] Gzip(ReadOnlySpan<byte> bytes)
    {
        using var output = new MemoryStream(bytes.Length / 3);
        using (var gz = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gz.Write(bytes);
        }

        return output.ToArray();
    }

    public void Dispose() => packs.Dispose();

    private sealed record StoredArtifact(string Encoding, long StoredLength, string? StoredSha, string? Pack, long Offset);
}
