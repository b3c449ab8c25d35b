using Collector.Model;

namespace Collector.Simulator.World;

/// <summary>Whether a simulated post is still up, and if not, who took it down.</summary>
public enum SimPostState
{
    Live,

    /// <summary>Deleted by its author (Reddit shows [deleted]).</summary>
    Deleted,

    /// <summary>Taken down by moderators or the platform (Reddit shows [removed]).</summary>
    Removed,
}

/// <summary>
/// One post, comment, answer, pin or message of the simulated world. <see cref="Id"/> is the id the platform's pages show
/// (and so the id the real parser must report); <see cref="Key"/> is Collector's identity for it.
/// </summary>
public sealed record SimPost
{
    public required SimPlatform Platform { get; init; }

    /// <summary>The platform's own id: Reddit base36 (no t3_/t1_ prefix), Quora aid, Pinterest pin id, Telegram "channel/N", forum id.</summary>
    public required string Id { get; init; }

    /// <summary>One of <see cref="PostKinds"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>Subreddit, Quora question id, Pinterest board slug, Telegram channel, forum section.</summary>
    public required string Community { get; init; }

    public required string AuthorHandle { get; init; }

    public required DateTimeOffset PublishedAt { get; init; }

    public string? Title { get; init; }

    public required string Text { get; init; }

    /// <summary>ISO 639-1.</summary>
    public string Language { get; init; } = "en";

    /// <summary>The post or comment this one replies to (same platform id space), null for top-level posts.</summary>
    public string? ParentId { get; init; }

    /// <summary>The thread's top post (Reddit submission, Quora question, forum topic).</summary>
    public string? RootId { get; init; }

    /// <summary>An image of the world's image bank attached to the post (see <see cref="Images.ImageBank"/>).</summary>
    public string? ImageId { get; init; }

    /// <summary>Outbound links in the text.</summary>
    public IReadOnlyList<string> Links { get; init; } = [];

    /// <summary>Telegram: the channel a message was forwarded from.</summary>
    public string? ForwardedFrom { get; init; }

    public SimPostState State { get; init; } = SimPostState.Live;

    /// <summary>1 for the original text; each edit adds one.</summary>
    public int Version { get; init; } = 1;

    public DateTimeOffset? EditedAt { get; init; }

    /// <summary>The cycle in which the post appeared (0 for the initial world).</summary>
    public int Cycle { get; init; }

    public long Score { get; init; }

    /// <summary>The planted chain this post belongs to (ground truth; never rendered on a page).</summary>
    public string? ChainId { get; init; }

    /// <summary>Pinterest: the outbound link of a pin; blog posts: the canonical article URL.</summary>
    public string? Link { get; init; }

    public long Views { get; init; }

    public bool IsLive => State == SimPostState.Live;

    /// <summary>Quora: the permalink path Collector's parser identifies questions and answers by (set when the post is made).</summary>
    public string? PathId { get; init; }

    /// <summary>
    /// Collector's identity of this post as the platform's parser reports it: Reddit fullnames (t3_…, t1_…), Quora permalink
    /// paths ("Question-Slug/answer/Author"), Telegram "channel/N", Pinterest pin ids, the forum's JSON-LD identifier.
    /// </summary>
    public PostKey Key => new(Platform.ParserKey(), Platform switch
    {
        SimPlatform.Reddit => (Kind == PostKinds.Post ? "t3_" : "t1_") + Id,
        SimPlatform.Quora => PathId ?? Id,
        _ => Id,
    });
}
