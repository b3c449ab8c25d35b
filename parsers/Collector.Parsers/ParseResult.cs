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
