namespace Collector.Storage.Sqlite;

/// <summary>A read-only window of <c>length</c> bytes from <c>offset</c> of a pack file (one artifact's stored bytes); it owns the file.</summary>
internal sealed class PackSliceStream : ReadOnlyStream
{
    private readonly FileStream file;
    private readonly long length;
    private long position;

    public PackSliceStream(string path, long offset, long length)
    {
        file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, FileOptions.SequentialScan);
        this.length = length;
        file.Position = offset;
    }

    public override long Length => length;

    public override long Position
    {
        get => position;
        set => throw new NotSupportedException();
    }

    public override int Read(Span<byte> buffer)
    {
        var n = file.Read(buffer[..Want(buffer.Length)]);
        position += n;
        return n;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = await file.ReadAsync(buffer[..Want(buffer.Length)], cancellationToken);
        position += n;
        return n;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            file.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await file.DisposeAsync();
        await base.DisposeAsync();
    }

    private int Want(int room)
    {
        return (int)Math.Min(room, length - position);
    }
}
