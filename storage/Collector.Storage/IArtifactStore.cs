using Collector.Model;

namespace Collector.Storage;

/// <summary>
/// Content-addressed, write-once storage of evidence bytes: each distinct content is stored once under its SHA-256
/// (of the uncompressed bytes), compressed where that helps, and never modified after writing.
/// </summary>
public interface IArtifactStore
{
    /// <summary>Stores the bytes (a no-op when that hash is already stored) and returns the reference.</summary>
    Task<ArtifactRef> PutAsync(ArtifactContent content, CancellationToken cancellationToken = default);

    /// <summary>Opens the (uncompressed) bytes, or null when missing.</summary>
    Task<Stream?> OpenReadAsync(string sha256, CancellationToken cancellationToken = default);

    Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken = default);

    /// <summary>Every stored hash.</summary>
    IAsyncEnumerable<string> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Re-hashes one artifact: ok, missing, or altered (with the actual hash).</summary>
    Task<ArtifactCheck> VerifyAsync(string sha256, CancellationToken cancellationToken = default);
}

public sealed record ArtifactContent(string Kind, ReadOnlyMemory<byte> Bytes, string? ContentType = null, string? Url = null);

public enum ArtifactState
{
    Ok,
    Missing,
    Altered,
}

public sealed record ArtifactCheck(string Sha256, ArtifactState State, string? ActualSha256 = null, string? Location = null)
{
    /// <summary>Uncompressed bytes read while checking (for throughput figures).</summary>
    public long Length { get; init; }

    /// <summary>Why an altered artifact could not be read back at all (e.g. its compressed form is corrupt).</summary>
    public string? Detail { get; init; }
}
