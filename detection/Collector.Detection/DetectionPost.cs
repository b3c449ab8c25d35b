using Collector.Detection.Images;
using Collector.Model;

namespace Collector.Detection;

/// <summary>
/// One post as detection reads it, from the archive or from an import: the normalized <see cref="Model.Post"/>,
/// when the archive first saw it (the time used where the platform gives none), and the perceptual hashes of
/// whatever media bytes were archived for it (empty for imported posts: then the media URL is the image match).
/// </summary>
public sealed record DetectionPost
{
    public required Post Post { get; init; }

    /// <summary>When the archive first saw the post (UTC).</summary>
    public required DateTimeOffset FirstSeen { get; init; }

    /// <summary>PDQ hashes of the post's archived images (low-quality ones are kept here and ignored by matching).</summary>
    public IReadOnlyList<PdqHash> ImageHashes { get; init; } = [];

    /// <summary>Publication time, or first-seen where the platform gives none.</summary>
    public DateTimeOffset Time => Post.PublishedAt ?? FirstSeen;

    /// <summary>Builds a detection post hashing each archived image; bytes that do not decode as an image are skipped.</summary>
    public static DetectionPost Create(Post post, DateTimeOffset firstSeen, IEnumerable<ReadOnlyMemory<byte>> imageBytes)
    {
        var hashes = new List<PdqHash>();
        foreach (var bytes in imageBytes)
        {
            if (PdqHasher.TryHashEncoded(bytes.Span, out var hash))
            {
                hashes.Add(hash);
            }
        }

        return new DetectionPost { Post = post, FirstSeen = firstSeen, ImageHashes = hashes };
    }
}
