using Collector.Model;

namespace Collector.Parsers;

/// <summary>What a parser found on a page: the posts, the links worth following, and what the page is.</summary>
public sealed record ParseResult
{
    public required PageOutcome Classification { get; init; }

    public IReadOnlyList<Post> Posts { get; init; } = [];

    public IReadOnlyList<FollowLink> Next { get; init; } = [];

    /// <summary>A short human reason for the classification ("shreddit-post missing", "login form", "[removed]").</summary>
    public string? Reason { get; init; }

    /// <summary>The platform of the parser that read the page.</summary>
    public string? Platform { get; init; }

    /// <summary>The page is a JavaScript shell: its content appears only when rendered in a browser.</summary>
    public bool NeedsBrowser { get; init; }

    /// <summary>For a permalink page: the post the page stands for (so removed/not-found can tombstone it).</summary>
    public PostKey? Subject { get; init; }

    /// <summary>Posts the page marks as deleted or removed in place (not in <see cref="Posts"/>): tombstones, not versions.</summary>
    public IReadOnlyList<PostKey> Removed { get; init; } = [];

    /// <summary>Per post id: the layer that read it (<see cref="ParseLayers"/>, with the state or selector it came from).</summary>
    public IReadOnlyDictionary<string, string> ParsedBy { get; init; } = new Dictionary<string, string>();

    /// <summary>Per post id, per field: the layer and JSON path or selector that produced it (for <c>collector parse --explain</c>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> FieldSources { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>();

    /// <summary>Items a listing names without their content: ids only, each also offered in <see cref="Next"/>; never posts.</summary>
    public IReadOnlyList<PostKey> Stubs { get; init; } = [];

    /// <summary>The layers the parser tried, in order (said in the reason when none found anything).</summary>
    public IReadOnlyList<string> LayersTried { get; init; } = [];

    /// <summary>
    /// The exception that reached the parser base's catch-all (type: message). Production keeps the page classified
    /// <see cref="PageOutcome.Unrecognized"/>; tests treat any value here as a parser bug.
    /// </summary>
    public string? ParseError { get; init; }

    public static ParseResult Classified(PageOutcome outcome, string? reason, string? platform = null) =>
        new() { Classification = outcome, Reason = reason, Platform = platform };
}

/// <summary>A link a parser recommends following.</summary>
public sealed record FollowLink(Uri Url, FollowKind Kind);

public enum FollowKind
{
    /// <summary>An item's own page (permalink) from a listing.</summary>
    Item,

    /// <summary>The next page of a listing or feed.</summary>
    NextPage,

    /// <summary>A page of comments/replies.</summary>
    Comments,
}
