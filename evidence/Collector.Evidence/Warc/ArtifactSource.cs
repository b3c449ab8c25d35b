using Collector.Storage;

namespace Collector.Evidence.Warc;

/// <summary>Where the evidence stage reads artifact bytes from (the archive's store, or a bundle being checked).</summary>
public delegate Task<byte[]?> ArtifactSource(string sha256, CancellationToken cancellationToken);

public static class ArtifactSources
{
    public static ArtifactSource From(IArtifactStore store) => async (sha256, cancellationToken) =>
    {
        await using var stream = await store.OpenReadAsync(sha256, cancellationToken);
        if (stream is null)
        {
            return null;
        }

        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, cancellationToken);
        return copy.ToArray();
    };
}
