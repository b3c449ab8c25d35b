using Collector.Model;

namespace Collector.Evidence.Warc;

/// <summary>Writes captures into one WARC (warcinfo first), returning where each record went.</summary>
public sealed class CaptureWarcFile
{
    private readonly WarcWriter writer;
    private readonly ArtifactSource artifacts;
    private readonly string warcinfoId;
    private readonly List<WrittenRecord> written = [];

    /// <summary>The first full response written for each payload digest: what later identical payloads refer to.</summary>
    private readonly Dictionary<string, WarcRecord> payloads = new(StringComparer.Ordinal);

    private CaptureWarcFile(WarcWriter writer, ArtifactSource artifacts, string warcinfoId)
    {
        this.writer = writer;
        this.artifacts = artifacts;
        this.warcinfoId = warcinfoId;
    }

    public IReadOnlyList<WrittenRecord> Records => written;

    public static async Task<CaptureWarcFile> StartAsync(
        Stream output, ArtifactSource artifacts, string filename, DateTimeOffset at, string description, CancellationToken cancellationToken = default)
    {
        var info = WarcInfo.Build(filename, at, description);
        var file = new CaptureWarcFile(new WarcWriter(output), artifacts, info.RecordId);
        file.written.Add(await file.writer.WriteAsync(info, cancellationToken));
        return file;
    }

    /// <summary>
    /// Appends the records of one capture; returns them (the page's response record first among its responses). A response
    /// whose payload this file already holds (the same image under another URL, the same page in a later capture) is
    /// written as a revisit record that refers to the first (<see cref="WarcRevisits"/>).
    /// </summary>
    public async Task<IReadOnlyList<WrittenRecord>> AddAsync(Capture capture, CancellationToken cancellationToken = default)
    {
        var records = await CaptureWarcBuilder.BuildAsync(capture, artifacts, warcinfoId, cancellationToken);
        var result = new List<WrittenRecord>(records.Count);
        foreach (var record in records)
        {
            var digest = WarcRevisits.PayloadDigestOf(record);
            if (digest is not null && payloads.TryGetValue(digest, out var original))
            {
                result.Add(await writer.WriteAsync(WarcRevisits.Of(record, original, digest), cancellationToken));
                continue;
            }

            var written = await writer.WriteAsync(record, cancellationToken);
            if (digest is not null)
            {
                payloads[digest] = record;
            }

            result.Add(written);
        }

        written.AddRange(result);
        return result;
    }
}
