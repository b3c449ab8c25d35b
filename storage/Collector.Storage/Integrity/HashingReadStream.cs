using System.Security.Cryptography;

namespace Collector.Storage;

/// <summary>
/// A read-only stream over stored bytes that hashes and counts everything read through it, so that one pass checks both
/// the stored form and (through a decompressor on top) the content. <see cref="FinishAsync"/> reads whatever the reader
/// on top left unread (bytes appended after gzip data) before reporting.
/// </summary>
public sealed class HashingReadStream(Stream inner) : ReadOnlyStream
{
    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long length;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => length;
        set => throw new NotSupportedException();
    }

    public async Task<(long Length, string Sha256)> FinishAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[1 << 16];
        while (await ReadAsync(buffer, cancellationToken) > 0)
        {
        }

        return (length, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        Count(buffer[..n]);
        return n;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = await inner.ReadAsync(buffer, cancellationToken);
        Count(buffer.Span[..n]);
        return n;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            hash.Dispose();
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Count(ReadOnlySpan<byte> read)
    {
        hash.AppendData(read);
        length += read.Length;
    }
}
