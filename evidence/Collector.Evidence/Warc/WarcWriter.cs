using System.IO.Compression;
using System.Text;

namespace Collector.Evidence.Warc;

/// <summary>
/// Appends WARC 1.1 records to a stream, each record its own gzip member (so an index can point at any record),
/// with Content-Length, WARC-Block-Digest and, where the record has a payload, WARC-Payload-Digest.
/// The writer only ever appends: a record once written is never touched again.
/// </summary>
public sealed class WarcWriter(Stream output)
{
    private static readonly byte[] RecordEnd = "\r\n\r\n"u8.ToArray();

    /// <summary>Bytes written so far: the offset the next record will get.</summary>
    public long Position { get; private set; }

    public async Task<WrittenRecord> WriteAsync(WarcRecord record, CancellationToken cancellationToken = default)
    {
        var block = record.Block.Span;
        var blockDigest = WarcDigest.Of(block);
        var payloadDigest = record.PayloadDigest;
        if (payloadDigest is null && record.PayloadOffset is { } offset)
        {
            payloadDigest = WarcDigest.Of(block[Math.Min(offset, block.Length)..]);
        }

        var header = FormatHeader(record, blockDigest, payloadDigest);
        using var member = new MemoryStream();
        await using (var gzip = new GZipStream(member, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(header);
            gzip.Write(block);
            gzip.Write(RecordEnd);
        }

        var start = Position;
        member.Position = 0;
        await member.CopyToAsync(output, cancellationToken);
        Position += member.Length;
        return new WrittenRecord(record, start, member.Length, blockDigest, payloadDigest);
    }

    public static byte[] FormatHeader(WarcRecord record, string blockDigest, string? payloadDigest)
    {
        var text = new StringBuilder();
        text.Append("WARC/1.1\r\n");
        Field(text, "WARC-Type", record.Type);
        Field(text, "WARC-Record-ID", record.RecordId);
        Field(text, "WARC-Date", WarcDates.ToWarcDate(record.Date));
        if (record.TargetUri is not null)
        {
            Field(text, "WARC-Target-URI", record.TargetUri);
        }

        foreach (var (name, value) in record.Fields)
        {
            Field(text, name, value);
        }

        if (record.ContentType is not null)
        {
            Field(text, "Content-Type", record.ContentType);
        }

        if (payloadDigest is not null)
        {
            Field(text, "WARC-Payload-Digest", payloadDigest);
        }

        Field(text, "WARC-Block-Digest", blockDigest);
        Field(text, "Content-Length", record.Block.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        text.Append("\r\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static void Field(StringBuilder text, string name, string value)
    {
        // A field value never spans lines: a CR or LF in a URL or header would forge further fields.
        text.Append(name).Append(": ").Append(value.Replace('\r', ' ').Replace('\n', ' ')).Append("\r\n");
    }
}
