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

        var (encoding, storedLength) = await FileFlushThreads.RunAsync(() => SqliteFailures.Guard(root, () => WriteOnce(sha, content)));
        await db.WriteAsync(w =>
        {
            w.Command("INSERT OR IGNORE INTO artifacts(sha256, kind, length, content_type, encoding, stored_length, created_at) VALUES ($s, $k, $l, $c, $e, $sl, $t)")
                .Bind("$s", sha).Bind("$k", content.Kind).Bind("$l", (long)content.Bytes.Length).Bind("$c", content.ContentType)
                .Bind("$e", encoding).Bind("$sl", storedLength).Bind("$t", time.GetUtcNow().UtcTicks)
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

    public async Task<ArtifactCheck> VerifyAsync(string sha256, CancellationToken cancellationToken = default)
    {
        var (path, gz) = Locate(sha256);
        if (path is null)
        {
            return new ArtifactCheck(sha256, ArtifactState.Missing, Location: PathFor(sha256, gz: false) + "[.gz]");
        }

        await using var stream = await OpenReadAsync(sha256, cancellationToken) ?? throw new FileNotFoundException(path);
        return await ArtifactRehash.CheckAsync(sha256, stream, path, cancellationToken);
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

    private (string Encoding, long StoredLength) WriteOnce(string sha, ArtifactContent content)
    {
        var existing = Locate(sha);
        if (existing.Path is not null)
        {
            return (existing.Gz ? "gzip" : "identity", new FileInfo(existing.Path).Length);
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

        return (encoding, bytes.Length);
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
