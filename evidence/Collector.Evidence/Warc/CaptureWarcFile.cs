using Collector.Model;

namespace Collector.Evidence.Warc;

/// <summary>Writes captures into one WARC (warcinfo first), returning where each record went.</summary>
public sealed class CaptureWarcFile
{
    private readonly WarcWriter writer;
    private readonly ArtifactSource artifacts;
    private readonly string warcinfoId;
    private readonly List<WrittenRecord> written = [];

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

    /// <summary>Appends the records of one capture; returns them (the page's response record first among its responses).</summary>
    public async Task<IReadOnlyList<WrittenRecord>> AddAsync(Capture capture, CancellationToken cancellationToken = default)
    {
        var records = await CaptureWarcBuilder.BuildAsync(capture, artifacts, warcinfoId, cancellationToken);
        var result = new List<WrittenRecord>(records.Count);
        foreach (var record in records)
        {
            result.Add(await writer.WriteAsync(record, cancellationToken));
        }

        written.AddRange(result);
        return result;
    }
}
