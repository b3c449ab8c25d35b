using System.Text;
using Collector.Evidence.Warc;
using Collector.Model;
using Collector.Storage;

namespace Collector.Evidence.Timestamps;

/// <summary>
/// What a run captured, as the bytes that get time-stamped: every capture of the run with the hashes of its artifacts,
/// and the custody log's head (sequence and hash) at the time, so one token vouches for the run's captures and, through
/// the hash chain, for every custody entry before it.
/// </summary>
public sealed record RunManifest
{
    public const string FormatName = "collector-run-manifest/1";

    public string Format { get; init; } = FormatName;
    public required string RunId { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required string Tool { get; init; }
    public required IReadOnlyList<ManifestCapture> Captures { get; init; }
    public CustodyHead? CustodyHead { get; init; }

    public byte[] ToBytes() => Encoding.UTF8.GetBytes(CollectorJson.Serialize(this, indented: true));

    public static RunManifest? Parse(ReadOnlySpan<byte> bytes) => CollectorJson.Deserialize<RunManifest>(Encoding.UTF8.GetString(bytes));

    public static async Task<RunManifest> BuildAsync(IArchive archive, string runId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var captures = new List<ManifestCapture>();
        await foreach (var capture in archive.QueryCapturesAsync(new CaptureQuery { RunId = runId }, cancellationToken))
        {
            captures.Add(new ManifestCapture(capture.Id, capture.FinalUrl, capture.FetchedAt,
                [.. capture.Artifacts.Select(a => new ManifestArtifact(a.Kind, a.Sha256, a.Length))]));
        }

        captures.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        CustodyEntry? head = null;
        await foreach (var entry in archive.Custody.ReadAsync(1, cancellationToken))
        {
            head = entry;
        }

        return new RunManifest
        {
            RunId = runId,
            CreatedAt = now,
            Tool = WarcInfo.Software,
            Captures = captures,
            CustodyHead = head is null ? null : new CustodyHead(head.Sequence, head.Hash),
        };
    }
}

public sealed record ManifestCapture(string Id, string Url, DateTimeOffset FetchedAt, IReadOnlyList<ManifestArtifact> Artifacts);

public sealed record ManifestArtifact(string Kind, string Sha256, long Length);

public sealed record CustodyHead(long Sequence, string Hash);
