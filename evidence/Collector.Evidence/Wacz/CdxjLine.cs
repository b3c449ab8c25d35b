using System.Text.Json;
using System.Text.Json.Serialization;
using Collector.Evidence.Warc;

namespace Collector.Evidence.Wacz;

/// <summary>One CDXJ index line: SURT key, 14-digit timestamp, then JSON naming where the record lies in which WARC.</summary>
public sealed record CdxjLine
{
    public required string Key { get; init; }
    public required string Timestamp { get; init; }
    public required CdxjFields Fields { get; init; }

    public override string ToString() => $"{Key} {Timestamp} {JsonSerializer.Serialize(Fields, CdxjFields.JsonOptions)}";

    public static CdxjLine Parse(string line)
    {
        var first = line.IndexOf(' ', StringComparison.Ordinal);
        var second = first < 0 ? -1 : line.IndexOf(' ', first + 1);
        if (second < 0)
        {
            throw new FormatException($"not a CDXJ line: '{line}'");
        }

        var fields = JsonSerializer.Deserialize<CdxjFields>(line[(second + 1)..], CdxjFields.JsonOptions)
            ?? throw new FormatException($"CDXJ line without JSON: '{line}'");
        return new CdxjLine { Key = line[..first], Timestamp = line[(first + 1)..second], Fields = fields };
    }

    /// <summary>The index line of a written response or resource record (null for records replay does not look up).</summary>
    public static CdxjLine? For(WrittenRecord written, string filename)
    {
        var record = written.Record;
        if (record.TargetUri is null || record.Type is not (WarcTypes.Response or WarcTypes.Revisit or WarcTypes.Resource)
            || record.Fields.Any(f => f.Key == "WARC-Truncated"))
        {
            return null;
        }

        string? mime;
        string status;
        if (record.Type is WarcTypes.Response or WarcTypes.Revisit)
        {
            var (code, type) = ReadHttpHead(record.Block.Span);
            status = code;
            mime = record.Type == WarcTypes.Revisit ? "warc/revisit" : type; // as cdxj-indexer and pywb index a revisit
        }
        else
        {
            status = "200";
            mime = record.ContentType;
        }

        return new CdxjLine
        {
            Key = Surt.Of(record.TargetUri + (record.Request?.Append ?? "")),
            Timestamp = WarcDates.ToCdxTimestamp(record.Date),
            Fields = new CdxjFields
            {
                Url = record.TargetUri,
                Mime = mime?.Split(';')[0].Trim().ToLowerInvariant() ?? "unk",
                Status = status,
                Digest = written.PayloadDigest ?? written.BlockDigest,
                Length = written.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Offset = written.Offset.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Filename = filename,
                Method = record.Request?.Method,
                RequestBody = record.Request?.Body,
            },
        };
    }

    private static (string Status, string? ContentType) ReadHttpHead(ReadOnlySpan<byte> block)
    {
        var end = block.IndexOf("\r\n\r\n"u8);
        var head = System.Text.Encoding.UTF8.GetString(end < 0 ? block : block[..end]).Split("\r\n");
        var statusParts = head[0].Split(' ');
        var status = statusParts.Length > 1 ? statusParts[1] : "200";
        var type = head.Skip(1)
            .Select(h => h.Split(':', 2))
            .Where(p => p.Length == 2 && p[0].Trim().Equals("content-type", StringComparison.OrdinalIgnoreCase))
            .Select(p => p[1].Trim())
            .FirstOrDefault();
        return (status, type);
    }
}

/// <summary>The JSON part of a CDXJ line, in the field names and string-typed numbers cdxj-indexer writes.</summary>
public sealed record CdxjFields
{
    internal static readonly JsonSerializerOptions JsonOptions = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    [JsonPropertyName("url")] public required string Url { get; init; }
    [JsonPropertyName("mime")] public string? Mime { get; init; }
    [JsonPropertyName("status")] public string? Status { get; init; }
    [JsonPropertyName("digest")] public string? Digest { get; init; }
    [JsonPropertyName("length")] public required string Length { get; init; }
    [JsonPropertyName("offset")] public required string Offset { get; init; }
    [JsonPropertyName("filename")] public required string Filename { get; init; }

    /// <summary>A non-GET request's method, as cdxj-indexer writes it (POST, PUT).</summary>
    [JsonPropertyName("method")] public string? Method { get; init; }

    /// <summary>The query form of a POST/PUT body, as cdxj-indexer writes it.</summary>
    [JsonPropertyName("requestBody")] public string? RequestBody { get; init; }
}
