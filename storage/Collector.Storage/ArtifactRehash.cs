using System.Buffers;
using System.Security.Cryptography;

namespace Collector.Storage;

/// <summary>
/// How every artifact store checks what it holds: the bytes as they read back (uncompressed) are re-hashed and compared
/// with the SHA-256 they are stored under. Compressed data that no longer decompresses counts as altered.
/// </summary>
public static class ArtifactRehash
{
    private const int BufferSize = 1 << 16;

    /// <summary>Reads <paramref name="stored"/> to its end and reports ok or altered (with the actual hash and length).</summary>
    public static async Task<ArtifactCheck> CheckAsync(string sha256, Stream stored, string location, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stored);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        long length = 0;
        try
        {
            int n;
            while ((n = await stored.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, n);
                length += n;
            }
        }
        catch (InvalidDataException ex)
        {
            return new ArtifactCheck(sha256, ArtifactState.Altered, null, location) { Detail = "gzip data corrupt: " + ex.Message };
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        var actual = Convert.ToHexStringLower(hash.GetHashAndReset());
        var state = string.Equals(actual, sha256, StringComparison.Ordinal) ? ArtifactState.Ok : ArtifactState.Altered;
        return new ArtifactCheck(sha256, state, actual, location) { Length = length };
    }
}
