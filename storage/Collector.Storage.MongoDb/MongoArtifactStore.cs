using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Collector.Model;
using MongoDB.Bson;
using MongoDB.Driver;
using MongoDB.Driver.GridFS;

namespace Collector.Storage.MongoDb;

/// <summary>
/// Artifacts in GridFS (bucket "artifacts"): the file name is the SHA-256 of the uncompressed bytes; text is stored
/// gzip-compressed (metadata.encoding). A hash already stored is never uploaded again, and files are never modified.
/// </summary>
internal sealed class MongoArtifactStore(MongoStore m, TimeProvider time) : IArtifactStore
{
    public Task<ArtifactRef> PutAsync(ArtifactContent content, CancellationToken cancellationToken = default) => m.GuardAsync(async () =>
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(content.Bytes.Span));
        var reference = new ArtifactRef { Kind = content.Kind, Sha256 = sha, Length = content.Bytes.Length, ContentType = content.ContentType, Url = content.Url };
        if (await FindAsync(sha, cancellationToken) is not null)
        {
            return reference;
        }

        var bytes = content.Bytes.ToArray();
        var encoding = "identity";
        if (bytes.Length >= 256 && IsText(content))
        {
            using var output = new MemoryStream();
            using (var gz = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
            {
                gz.Write(bytes);
            }

            if (output.Length < bytes.Length * 9L / 10)
            {
                bytes = output.ToArray();
                encoding = "gzip";
            }
        }

        var metadata = ArtifactMetadata.ToBson(content.Kind, content.Bytes.Length, content.ContentType, encoding);
        metadata["storedAt"] = time.GetUtcNow().UtcTicks;
        metadata["storedSha256"] = Convert.ToHexStringLower(SHA256.HashData(bytes));
        await m.Artifacts.UploadFromBytesAsync(sha, bytes, new GridFSUploadOptions { Metadata = metadata }, cancellationToken);
        return reference;
    });

    public Task<Stream?> OpenReadAsync(string sha256, CancellationToken cancellationToken = default) => m.GuardAsync(async () =>
    {
        var file = await FindAsync(sha256, cancellationToken);
        if (file is null)
        {
            return null;
        }

        Stream stream = await m.Artifacts.OpenDownloadStreamAsync(file.Id, cancellationToken: cancellationToken);
        return IsGzip(file) ? new GZipStream(stream, CompressionMode.Decompress) : stream;
    });

    public async Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken = default) =>
        await m.GuardAsync(() => FindAsync(sha256, cancellationToken)) is not null;

    public async IAsyncEnumerable<string> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        using var cursor = await m.GuardAsync(() => m.Artifacts.FindAsync(FilterDefinition<GridFSFileInfo>.Empty,
            new GridFSFindOptions { Sort = Builders<GridFSFileInfo>.Sort.Ascending(f => f.Filename) }, cancellationToken));
        while (await cursor.MoveNextAsync(cancellationToken))
        {
            foreach (var f in cursor.Current)
            {
                if (seen.Add(f.Filename))
                {
                    yield return f.Filename;
                }
            }
        }
    }

    public Task<ArtifactCheck> VerifyAsync(string sha256, CancellationToken cancellationToken = default) => m.GuardAsync(async () =>
    {
        var file = await FindAsync(sha256, cancellationToken);
        var location = "gridfs artifacts/" + sha256;
        if (file is null)
        {
            return new ArtifactCheck(sha256, ArtifactState.Missing, Location: location);
        }

        try
        {
            // One read of the stored bytes: the content re-hashed through the decompressor, the stored form hashed as it
            // passes (and to its very end, past where gzip stops: an appended byte is a change too).
            await using var raw = new HashingReadStream(await m.Artifacts.OpenDownloadStreamAsync(file.Id, cancellationToken: cancellationToken));
            await using var content = IsGzip(file) ? new GZipStream(raw, CompressionMode.Decompress, leaveOpen: true) : (Stream)raw;
            var check = await ArtifactRehash.CheckAsync(sha256, content, location, cancellationToken);
            if (check.State != ArtifactState.Ok)
            {
                return check;
            }

            var (actualLength, actualSha) = await raw.FinishAsync(cancellationToken);
            return MongoStoredForm.Check(check, file, actualLength, actualSha);
        }
        catch (GridFSChunkException ex)
        {
            return new ArtifactCheck(sha256, ArtifactState.Altered, null, location) { Detail = ex.Message };
        }
    });

    /// <summary>Seals the stored form of each artifact in <paramref name="hashes"/> (what the capture or entry naming them vouches for).</summary>
    internal async Task SealAsync(IEnumerable<string> hashes, List<Seal> seals, CancellationToken ct)
    {
        foreach (var sha in hashes)
        {
            if (await FindAsync(sha, ct) is { } file)
            {
                seals.Add(SealOf(file));
            }
        }
    }

    /// <summary>An artifact's record as RecordSeal.Artifact seals it on every backend: kind, length, type, encoding, stored length and hash.</summary>
    internal static Seal SealOf(GridFSFileInfo f)
    {
        var md = f.Metadata ?? [];
        string? Text(string name) => md.TryGetValue(name, out var v) && v.IsString ? v.AsString : null;
        var length = md.TryGetValue("length", out var l) && l.IsNumeric ? l.ToInt64() : -1;
        return RecordSeal.Artifact(f.Filename, Text("kind") ?? "", length, Text("contentType"), Text("encoding") ?? "identity", f.Length, Text("storedSha256"));
    }

    /// <summary>The first stored file of <paramref name="sha256"/> (two workers may both have uploaded it; the first is the one read).</summary>
    internal async Task<GridFSFileInfo?> FindAsync(string sha256, CancellationToken ct)
    {
        var filter = Builders<GridFSFileInfo>.Filter.Eq(f => f.Filename, sha256);
        using var cursor = await m.Artifacts.FindAsync(filter, new GridFSFindOptions { Limit = 1, Sort = Builders<GridFSFileInfo>.Sort.Ascending(f => f.UploadDateTime) }, ct);
        return await cursor.FirstOrDefaultAsync(ct);
    }

    private static bool IsGzip(GridFSFileInfo f) => f.Metadata is { } md && md.TryGetValue("encoding", out var e) && e == "gzip";

    private static bool IsText(ArtifactContent c)
    {
        var ct = c.ContentType ?? string.Empty;
        return (c.Kind is ArtifactKinds.Raw or ArtifactKinds.Dom or ArtifactKinds.Network or ArtifactKinds.Manifest && ct.Length == 0)
            || ct.StartsWith("text/", StringComparison.OrdinalIgnoreCase) || ct.Contains("json", StringComparison.OrdinalIgnoreCase)
            || ct.Contains("xml", StringComparison.OrdinalIgnoreCase) || ct.Contains("javascript", StringComparison.OrdinalIgnoreCase);
    }
}
