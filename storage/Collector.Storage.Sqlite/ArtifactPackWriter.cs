namespace Collector.Storage.Sqlite;

/// <summary>
/// Appends artifacts to this process's current pack (<see cref="ArtifactPack"/>) on a thread of its own, with one
/// flush to disk for every batch of artifacts that arrived while the previous batch was being flushed (a group commit):
/// a crawl's pages wait for their bytes to be on disk as before, but a disk flush is shared by all that are waiting,
/// and no artifact costs a file, two folders and a rename any more (a quarter of a crawl's CPU with one file each).
/// An append completes only once its bytes are flushed; the caller records the artifact after that, so a recorded
/// artifact never points at bytes a power cut could lose. A pack whose write failed is never appended to again (its
/// tail may be torn): the next batch starts a new one.
/// </summary>
internal sealed class ArtifactPackWriter : IDisposable
{
    private readonly string folder;
    private readonly TimeProvider time;
    private readonly object gate = new();
    private readonly List<Pending> pending = [];
    private readonly Thread thread;
    private bool stopping;
    private FileStream? pack;
    private string? packName;

    public ArtifactPackWriter(string root, TimeProvider time)
    {
        folder = Path.Combine(root, ArtifactPack.Folder);
        this.time = time;
        thread = new Thread(Serve) { IsBackground = true, Name = "artifact pack" };
        thread.Start();
    }

    /// <summary>Appends one artifact's stored bytes; completes (on the thread pool) once they are on disk.</summary>
    public Task<PackLocation> AppendAsync(string sha256, string encoding, ReadOnlyMemory<byte> stored)
    {
        var item = new Pending(sha256, encoding, stored, new TaskCompletionSource<PackLocation>(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(stopping, this);
            pending.Add(item);
            Monitor.Pulse(gate);
        }

        return item.Done.Task;
    }

    public void Dispose()
    {
        lock (gate)
        {
            if (stopping)
            {
                return;
            }

            stopping = true;
            Monitor.Pulse(gate);
        }

        thread.Join();
        pack?.Dispose();
        pack = null;
    }

    private void Serve()
    {
        var batch = new List<Pending>();
        while (true)
        {
            lock (gate)
            {
                while (pending.Count == 0 && !stopping)
                {
                    Monitor.Wait(gate);
                }

                if (pending.Count == 0)
                {
                    return;
                }

                batch.AddRange(pending);
                pending.Clear();
            }

            Write(batch);
            batch.Clear();
        }
    }

    private void Write(List<Pending> batch)
    {
        var locations = new PackLocation[batch.Count];
        try
        {
            var file = CurrentPack();
            for (var i = 0; i < batch.Count; i++)
            {
                var item = batch[i];
                file.Write(ArtifactPack.Header(item.Sha256, item.Encoding, item.Stored.Length));
                locations[i] = new PackLocation(packName!, file.Position);
                file.Write(item.Stored.Span);
                file.WriteByte((byte)'\n');
            }

            file.Flush(flushToDisk: true);
        }
        catch (Exception e)
        {
            // the pack's tail may be torn: leave it as it is (what it held before is intact and recorded) and start anew
            Abandon();
            foreach (var item in batch)
            {
                item.Done.TrySetException(e);
            }

            return;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Done.TrySetResult(locations[i]);
        }

        if (pack!.Length >= ArtifactPack.RollOverBytes)
        {
            pack.Dispose();
            pack = null;
        }
    }

    private void Abandon()
    {
        try
        {
            pack?.Dispose(); // may try to write what it still buffers, and fail as the batch did
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // nothing recorded points past what was flushed before
        }

        pack = null;
    }

    /// <summary>The pack being appended to, or a new one: created, its header flushed, and its name flushed into the folder.</summary>
    private FileStream CurrentPack()
    {
        if (pack is not null)
        {
            return pack;
        }

        DurableFiles.CreateDirectory(folder);
        var name = $"{time.GetUtcNow().UtcDateTime:yyyyMMdd'T'HHmmss'Z'}-{Guid.NewGuid():N}{ArtifactPack.Extension}";
        var file = new FileStream(Path.Combine(folder, name), FileMode.CreateNew, FileAccess.Write, FileShare.Read, 1 << 16);
        try
        {
            file.Write(ArtifactPack.Magic);
            file.Flush(flushToDisk: true);
            DurableFiles.FlushDirectory(folder);
        }
        catch
        {
            file.Dispose();
            throw;
        }

        (pack, packName) = (file, name);
        return file;
    }

    private sealed record Pending(string Sha256, string Encoding, ReadOnlyMemory<byte> Stored, TaskCompletionSource<PackLocation> Done);
}

/// <summary>Where an artifact's stored bytes are: pack file name (in ROOT/packs) and the offset of its first byte.</summary>
internal readonly record struct PackLocation(string Pack, long Offset);
