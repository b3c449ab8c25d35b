using System.Collections.Concurrent;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Collector.Model;

namespace Collector.Storage.Sqlite;

/// <summary>
/// Artifacts in a folder beside the database: ROOT/ab/cd/&lt;sha256&gt; (or .gz for compressed text), each written to a
/// temporary file, flushed to disk, then renamed into place and the folder flushed (so the new name survives a power
/// cut as well as the bytes); an existing file is never rewritten. The SHA-256 is of
/// the uncompressed bytes. The database's artifacts table lists what was stored (so a deleted file is noticed).
/// </summary>
internal sealed class SqliteArtifactStore(SqliteDatabase db, string root, TimeProvider time) : IArtifactStore
{
    private const int CompressAbove = 256;
    private readonly ConcurrentDictionary<string, bool> known = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> folders = new(StringComparer.Ordinal);

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

        var (encoding, storedLength, storedSha) = await FileFlushThreads.RunAsync(() => SqliteFailures.Guard(root, () => WriteOnce(sha, content)));
        await db.WriteAsync(w =>
        {
            w.Command("""
                INSERT OR IGNORE INTO artifacts(sha256, kind, length, content_type, encoding, stored_length, created_at, stored_sha256)
                VALUES ($s, $k, $l, $c, $e, $sl, $t, $ss)
                """)
                .Bind("$s", sha).Bind("$k", content.Kind).Bind("$l", (long)content.Bytes.Length).Bind("$c", content.ContentType)
                .Bind("$e", encoding).Bind("$sl", storedLength).Bind("$t", time.GetUtcNow().UtcTicks).Bind("$ss", storedSha)
                .ExecuteNonQuery();
            return 0;
        }, cancellationToken);
        known[sha] = true;
        return reference;
    }

    public Task<Stream?> OpenReadAsync(string sha256, CancellationToken cancellationToken = default)
    {
        var (path, gz) = Locate(sha256);
        if (path is null)
        {
            return Task.FromResult<Stream?>(null);
        }

        Stream file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Task.FromResult<Stream?>(gz ? new GZipStream(file, CompressionMode.Decompress) : file);
    }

    public Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken = default) =>
        Task.FromResult(Locate(sha256).Path is not null);

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
        var (path, gz) = Locate(sha256);
        if (path is null)
        {
            return new ArtifactCheck(sha256, ArtifactState.Missing, Location: PathFor(sha256, gz: false) + "[.gz]");
        }

        var (storedLength, storedSha) = await StoredFormAsync(sha256, cancellationToken);
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        await using var raw = new HashingReadStream(file);
        await using var content = gz ? new GZipStream(raw, CompressionMode.Decompress, leaveOpen: true) : (Stream)raw;
        var check = await ArtifactRehash.CheckAsync(sha256, content, path, cancellationToken);
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

    private async Task<(long? Length, string? Sha)> StoredFormAsync(string sha256, CancellationToken ct)
    {
        await using var connection = db.OpenReader();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT stored_length, stored_sha256 FROM artifacts WHERE sha256 = $s";
        cmd.Bind("$s", sha256);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? (r.GetInt64(0), r.GetStringOrNull(1)) : (null, null);
    }

    public string PathFor(string sha256, bool gz) =>
        System.IO.Path.Combine(root, sha256[..2], sha256[2..4], gz ? sha256 + ".gz" : sha256);

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

    private (string Encoding, long StoredLength, string StoredSha) WriteOnce(string sha, ArtifactContent content)
    {
        var existing = Locate(sha);
        if (existing.Path is not null)
        {
            var stored = File.ReadAllBytes(existing.Path);
            return (existing.Gz ? "gzip" : "identity", stored.Length, existing.Gz ? Convert.ToHexStringLower(SHA256.HashData(stored)) : sha);
        }

        var bytes = content.Bytes;
        var encoding = "identity";
        if (bytes.Length >= CompressAbove && IsText(content))
        {
            var compressed = Gzip(bytes.Span);
            if (compressed.Length < bytes.Length * 9L / 10)
            {
                bytes = compressed;
                encoding = "gzip";
            }
        }

        var final = PathFor(sha, encoding == "gzip");
        var dir = System.IO.Path.GetDirectoryName(final)!;
        // each folder is made (durably) once per archive opened, not looked up again for every artifact
        if (!folders.ContainsKey(dir))
        {
            DurableFiles.CreateDirectory(dir);
            folders[dir] = true;
        }

        var temp = System.IO.Path.Combine(dir, $".{sha}.{Guid.NewGuid():N}.tmp");
        try
        {
            FileStream file;
            try
            {
                file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
            }
            catch (DirectoryNotFoundException)
            {
                // the folder went away since (someone tidied up): make it again
                Directory.CreateDirectory(dir);
                file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
            }

            using (file)
            {
                file.Write(bytes.Span);
                file.Flush(flushToDisk: true);
            }

            File.Move(temp, final, overwrite: false);

            // The rename lives in the directory: flush it too, or a power cut can lose the file whose bytes were flushed.
            DurableFiles.FlushDirectory(dir);
        }
        catch (IOException) when (File.Exists(final))
        {
            // Another writer stored the same bytes first: the file is write-once, keep theirs.
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }

        return (encoding, bytes.Length, encoding == "gzip" ? Convert.ToHexStringLower(SHA256.HashData(bytes.Span)) : sha);
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
}
