namespace Collector.Evidence.Warc;

/// <summary>
/// One WARC 1.1 record before it is written: its named fields and its block. The writer adds Content-Length and
/// the digests; <see cref="PayloadOffset"/> says where the payload starts inside the block (after the HTTP headers
/// of a request/response; 0 for a resource), or null when the record has no well-defined payload.
/// </summary>
public sealed record WarcRecord
{
    public required string Type { get; init; }

    /// <summary>&lt;urn:uuid:…&gt;, angle brackets included.</summary>
    public required string RecordId { get; init; }

    public required DateTimeOffset Date { get; init; }

    public string? TargetUri { get; init; }

    public string? ContentType { get; init; }

    /// <summary>Further named fields (WARC-Concurrent-To, WARC-Warcinfo-ID, …) in the order they are written.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Fields { get; init; } = [];

    public ReadOnlyMemory<byte> Block { get; init; }

    public int? PayloadOffset { get; init; }

    /// <summary>
    /// For the response to a non-GET request: the request's method and the query form of its body
    /// (<see cref="Wacz.PostQuery"/>), so that its index key tells it apart from other requests to the same URL. Not written.
    /// </summary>
    public RequestIndex? Request { get; init; }

    /// <summary>A revisit's WARC-Payload-Digest: that of the payload it stands for, which its block (HTTP headers only) leaves out.</summary>
    public string? PayloadDigest { get; init; }
}

/// <summary>What replay's index needs of a non-GET request: its method and what <see cref="Wacz.PostQuery"/> appends to the URL.</summary>
public sealed record RequestIndex(string Method, string Append, string? Body);

/// <summary>The WARC-Type values Collector writes.</summary>
public static class WarcTypes
{
    public const string Warcinfo = "warcinfo";
    public const string Request = "request";
    public const string Response = "response";
    public const string Revisit = "revisit";
    public const string Resource = "resource";
    public const string Metadata = "metadata";
}

/// <summary>Where a record landed in the file: the offset and length of its own gzip member.</summary>
public sealed record WrittenRecord(WarcRecord Record, long Offset, long Length, string BlockDigest, string? PayloadDigest);
