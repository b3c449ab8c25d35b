using Collector.Detection.Images;
using Collector.Storage;

namespace Collector.Detection.Input;

/// <summary>
/// The archive's posts as detection reads them: each post's latest version with its first-seen time and the PDQ hashes
/// of its archived images (each image hashed once, by its SHA-256). Shared by <c>collector detect</c>, the demo and
/// <c>collector serve</c>'s "run detection".
/// </summary>
public static class ArchiveInput
{
    /// <summary>How often (in posts read) <paramref name="loaded"/> hears the count so far; it hears the total at the end too.</summary>
    public const int ReportEvery = 500;

    public static async Task<List<DetectionPost>> LoadAsync(IArchive archive, PostQuery query, IProgress<int>? loaded, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(archive);
        ArgumentNullException.ThrowIfNull(query);
        var hashes = new Dictionary<string, PdqHash?>(StringComparer.Ordinal);
        var posts = new List<DetectionPost>();
        await foreach (var archived in archive.QueryPostsAsync(query, cancellationToken))
        {
            var images = new List<PdqHash>();
            foreach (var artifact in archived.MediaArtifacts)
            {
                if (artifact.ContentType is { } type && !type.StartsWith("image/", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (!hashes.TryGetValue(artifact.Sha256, out var hash))
                {
                    hash = await HashAsync(archive, artifact.Sha256, cancellationToken);
                    hashes[artifact.Sha256] = hash;
                }

                if (hash is { } h)
                {
                    images.Add(h);
                }
            }

            posts.Add(new DetectionPost { Post = archived.Post, FirstSeen = archived.FirstSeen, ImageHashes = images });
            if (posts.Count % ReportEvery == 0)
            {
                loaded?.Report(posts.Count);
            }
        }

        loaded?.Report(posts.Count);
        return posts;
    }

    private static async Task<PdqHash?> HashAsync(IArchive archive, string sha256, CancellationToken cancellationToken)
    {
        await using var stream = await archive.Artifacts.OpenReadAsync(sha256, cancellationToken);
        if (stream is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return PdqHasher.TryHashEncoded(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), out var computed) ? computed : null;
    }
}
