namespace Collector.Model;

/// <summary>
/// One post, comment, answer, pin, video or message as every parser produces it and every export writes it.
/// Serialized camelCase (see <see cref="CollectorJson"/>); unknown values are null, never zero or empty strings.
/// Identity is (<see cref="Platform"/>, <see cref="Id"/>).
/// </summary>
public sealed record Post
{
    /// <summary>Lower-case platform key, one of <see cref="Platforms"/>.</summary>
    public required string Platform { get; init; }

    /// <summary>The platform's own id, stable across captures.</summary>
    public required string Id { get; init; }

    public string? Url { get; init; }

    /// <summary>One of <see cref="PostKinds"/>.</summary>
    public string Kind { get; init; } = PostKinds.Post;

    public Author? Author { get; init; }

    /// <summary>UTC publication time; null where the page does not say.</summary>
    public DateTimeOffset? PublishedAt { get; init; }

    public string? Title { get; init; }

    /// <summary>
    /// Plain text, whitespace-normalized as <see cref="PostText"/> says: paragraphs apart by exactly one blank line
    /// (<c>\n\n</c>), line breaks inside a paragraph as <c>\n</c>, every other whitespace run one space. Normalized on
    /// assignment, whoever makes the post (a parser, an import, a stored version read back).
    /// </summary>
    public string? Text { get; init => field = PostText.Normalize(value); }

    /// <summary>ISO 639-1 where known.</summary>
    public string? Language { get; init; }

    /// <summary>Subreddit, board, channel, space or topic.</summary>
    public string? Community { get; init; }

    public string? ParentId { get; init; }

    public string? RootId { get; init; }

    /// <summary>
    /// For a repost, retweet, quote, share or reblog: the platform id of the post it re-publishes (also emitted as a post
    /// when the page carries it). Repost chains are what detection looks for, so this is kept apart from <see cref="ParentId"/> (replies).
    /// </summary>
    public string? RepostOf { get; init; }

    public IReadOnlyList<Media> Media { get; init; } = [];

    /// <summary>Outbound URLs found in the text.</summary>
    public IReadOnlyList<string> Links { get; init; } = [];

    public IReadOnlyList<string> Hashtags { get; init; } = [];

    public Metrics Metrics { get; init; } = Metrics.Unknown;

    public PostKey Key => new(Platform, Id);
}

/// <summary>The author of a post as the page names them.</summary>
public sealed record Author
{
    public string? Id { get; init; }
    public string? Handle { get; init; }
    public string? Name { get; init; }
    public string? Url { get; init; }
}

/// <summary>An image, video or other attachment of a post.</summary>
public sealed record Media
{
    /// <summary>image, video, audio, gif or file.</summary>
    public required string Type { get; init; }
    public required string Url { get; init; }
}

/// <summary>Engagement counts; each is null where the page does not show it (never 0 for unknown).</summary>
public sealed record Metrics
{
    public static readonly Metrics Unknown = new();

    public long? Likes { get; init; }
    public long? Comments { get; init; }
    public long? Shares { get; init; }
    public long? Views { get; init; }
    public long? Score { get; init; }
}

/// <summary>A post's identity.</summary>
public readonly record struct PostKey(string Platform, string Id)
{
    public override string ToString() => $"{Platform}:{Id}";

    /// <summary>Parses <c>platform:id</c> (the id may itself contain colons).</summary>
    public static bool TryParse(string? text, out PostKey key)
    {
        key = default;
        var i = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (text is null || i <= 0 || i == text.Length - 1)
        {
            return false;
        }

        key = new PostKey(text[..i].ToLowerInvariant(), text[(i + 1)..]);
        return true;
    }
}
