namespace Collector.Model;

/// <summary>
/// One fetch of one URL: what was asked, what came back, when (UTC), how it was rendered,
/// what the page turned out to be, the posts parsed from it and the artifacts that prove it.
/// </summary>
public sealed record Capture
{
    /// <summary>Unique id of this capture (sortable: time first).</summary>
    public required string Id { get; init; }

    public required string RequestUrl { get; init; }

    /// <summary>The URL after redirects.</summary>
    public required string FinalUrl { get; init; }

    /// <summary>HTTP status of the main document; null when no response was had.</summary>
    public int? HttpStatus { get; init; }

    /// <summary>When the response was received (UTC).</summary>
    public required DateTimeOffset FetchedAt { get; init; }

    public RenderMode RenderMode { get; init; } = RenderMode.Http;

    public PageOutcome Outcome { get; init; } = PageOutcome.Content;

    /// <summary>Why the outcome is what it is (error message, detected wall, parser's note).</summary>
    public string? OutcomeReason { get; init; }

    /// <summary>The platform whose parser read the page.</summary>
    public string? Platform { get; init; }

    /// <summary>The configured source that asked for this page (null for a one-off crawl).</summary>
    public string? Source { get; init; }

    /// <summary>The crawl run this capture belongs to.</summary>
    public string? RunId { get; init; }

    public IReadOnlyList<Post> Posts { get; init; } = [];

    /// <summary>Raw body, rendered DOM, screenshot, network JSON, media: each stored once by SHA-256.</summary>
    public IReadOnlyList<ArtifactRef> Artifacts { get; init; } = [];

    /// <summary>The HTTP exchanges of this capture: the main document first, then (in browser mode) every response the page loaded.</summary>
    public IReadOnlyList<HttpExchange> Exchanges { get; init; } = [];

    /// <summary>For a page that stands for one post (a permalink): that post, so that removed/not-found pages can tombstone it.</summary>
    public PostKey? SubjectPost { get; init; }

    /// <summary>
    /// Posts this page shows as deleted or removed while the page itself is content (a thread that keeps a
    /// "[deleted]" stub in place of a comment): each gets a tombstone citing this capture.
    /// </summary>
    public IReadOnlyList<PostKey> RemovedPosts { get; init; } = [];

    /// <summary>
    /// For each post of <see cref="Posts"/> (by id): the layer of the page it was read from ("state-json: window._sharedData",
    /// "json-ld", "dom", "meta", …), so that a drifted platform shows up as posts read from a lower layer.
    /// </summary>
    public IReadOnlyDictionary<string, string> ParsedBy { get; init; } = new Dictionary<string, string>();

    /// <summary>Items a listing page names without their content (ids only): to be fetched, not versions of posts.</summary>
    public IReadOnlyList<PostKey> StubPosts { get; init; } = [];

    /// <summary>The exception a parser raised on this page (type and message), when it failed rather than classified.</summary>
    public string? ParseError { get; init; }

    /// <summary>
    /// The version of the parsers that read <see cref="Posts"/> from this capture's stored body (null when none did, or
    /// a custom handler did): `collector verify` re-parses the body and holds the stored text to it only when its own
    /// parsers are this version.
    /// </summary>
    public string? ParserVersion { get; init; }
}

/// <summary>A stored artifact as a capture refers to it.</summary>
public sealed record ArtifactRef
{
    /// <summary>One of <see cref="ArtifactKinds"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>Lower-case hex SHA-256 of the uncompressed bytes.</summary>
    public required string Sha256 { get; init; }

    public required long Length { get; init; }

    public string? ContentType { get; init; }

    /// <summary>The URL the bytes came from (page, XHR or media URL); null for screenshots and DOMs.</summary>
    public string? Url { get; init; }
}

/// <summary>The kinds of artifact a capture keeps.</summary>
public static class ArtifactKinds
{
    /// <summary>The response body exactly as received (after transfer decoding).</summary>
    public const string Raw = "raw";

    /// <summary>The rendered DOM serialized by the browser.</summary>
    public const string Dom = "dom";

    /// <summary>Full-page PNG screenshot.</summary>
    public const string Screenshot = "screenshot";

    /// <summary>A JSON (XHR/fetch) response the page loaded.</summary>
    public const string Network = "network";

    /// <summary>An image or video attached to a post.</summary>
    public const string Media = "media";

    /// <summary>
    /// A stylesheet or script a browser capture's page loaded, kept under the URL the page used, so that a replay of the
    /// capture renders the page as it was.
    /// </summary>
    public const string Subresource = "subresource";

    /// <summary>A run manifest or a timestamp token.</summary>
    public const string Manifest = "manifest";

    public const string Timestamp = "timestamp";
}

/// <summary>One HTTP request/response pair, enough to write WARC request and response records.</summary>
public sealed record HttpExchange
{
    public required string Url { get; init; }

    public string Method { get; init; } = "GET";

    public int Status { get; init; }

    public string? StatusText { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>> RequestHeaders { get; init; } = [];

    public IReadOnlyList<KeyValuePair<string, string>> ResponseHeaders { get; init; } = [];

    /// <summary>The request's body (a POST's form or JSON, e.g. a GraphQL page query), when it had one; null otherwise.</summary>
    public byte[]? RequestBody { get; init; }

    /// <summary>SHA-256 of the body artifact (null when the body was not kept).</summary>
    public string? BodySha256 { get; init; }

    public string? ContentType { get; init; }

    public DateTimeOffset At { get; init; }
}
