using System.Globalization;
using System.Text.Json;

namespace Collector.Storage;

/// <summary>
/// The anchor file beside an archive: one line per run or import end, appended and flushed to disk, holding the custody
/// log's head then (sequence number and hash). Without it, deleting the log's last entries leaves a shorter chain that
/// is still whole; with it, the verifier sees the log end before an anchor or disagree with one. Copy the file (or the
/// head `collector status` prints) somewhere the archive's writer cannot reach, and the anchor binds them too.
/// </summary>
public static class CustodyAnchors
{
    /// <summary>The anchor file's name beside a SQLite database: DATABASE.anchors.</summary>
    public const string Suffix = ".anchors";

    /// <summary>
    /// Appends one line. Appenders take turns: .NET writes an appending FileStream at the offset the end had when it was
    /// opened (not with O_APPEND), so two at once wrote over each other's line (seen: five sources of the demo ending
    /// together left a line that did not parse). Within the process a gate per file orders them; across processes the
    /// file is opened for one writer at a time (readers allowed), and a writer that finds it taken tries again shortly.
    /// </summary>
    public static async Task AppendAsync(string path, CustodyEntry head, string reason, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var line = System.Text.Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new AnchorLine(head.Sequence, head.Hash, UtcDateTimeOffsetWire(at), reason)) + "\n");
        var gate = Gates.GetOrAdd(Path.GetFullPath(path), _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await using var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, 4096, FileOptions.WriteThrough);
                    await file.WriteAsync(line, cancellationToken);
                    file.Flush(flushToDisk: true);
                    return;
                }
                catch (IOException ex) when (ex.HResult == SharingViolation && attempt < 200)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(25), cancellationToken); // another process is appending
                }
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private const int SharingViolation = unchecked((int)0x80070020);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>Every anchor in the file (none when there is no file); a line that does not parse is reported as a problem.</summary>
    public static (IReadOnlyList<Anchor> Anchors, IReadOnlyList<string> Problems) Read(string path)
    {
        var anchors = new List<Anchor>();
        var problems = new List<string>();
        if (!File.Exists(path))
        {
            return (anchors, problems);
        }

        var n = 0;
        foreach (var line in File.ReadLines(path))
        {
            n++;
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                var a = JsonSerializer.Deserialize<AnchorLine>(line) ?? throw new JsonException("empty");
                anchors.Add(new Anchor(a.Seq, a.Hash, a.At, a.Reason));
            }
            catch (JsonException ex)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"anchor file {path} line {n} does not parse: {ex.Message}"));
            }
        }

        return (anchors, problems);
    }

    private static string UtcDateTimeOffsetWire(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);

    private sealed record AnchorLine(
        [property: System.Text.Json.Serialization.JsonPropertyName("seq")] long Seq,
        [property: System.Text.Json.Serialization.JsonPropertyName("hash")] string Hash,
        [property: System.Text.Json.Serialization.JsonPropertyName("at")] string At,
        [property: System.Text.Json.Serialization.JsonPropertyName("reason")] string Reason);
}

/// <summary>One anchored head: the log had entry <see cref="Sequence"/> with <see cref="Hash"/> at <see cref="At"/>.</summary>
public sealed record Anchor(long Sequence, string Hash, string At, string Reason);
