using Collector.Model;

namespace Collector.Simulator.World;

/// <summary>What a planted chain re-circulates.</summary>
public enum ChainKind
{
    /// <summary>One article re-posted across platforms with translation errors, truncations and "Must read:" prefixes.</summary>
    Article,

    /// <summary>One cartoon image reposted from Pinterest to other platforms (same or slightly altered bytes).</summary>
    Image,

    /// <summary>Near-identical off-topic replies under unrelated posts.</summary>
    OffTopicReplies,
}

/// <summary>A planted campaign chain: the posts detection should link together.</summary>
public sealed record CampaignChain
{
    public required string Id { get; init; }

    public required ChainKind Kind { get; init; }

    /// <summary>The first post of the chain (the origin), then the reposts in time order.</summary>
    public required IReadOnlyList<PostKey> Posts { get; init; }

    /// <summary>The link every repost carries (article chains), or the image id (image chains).</summary>
    public string? SharedLink { get; init; }

    public string? ImageId { get; init; }

    /// <summary>The platforms the chain spans (parser keys).</summary>
    public IReadOnlyList<string> Platforms => [.. Posts.Select(p => p.Platform).Distinct(StringComparer.Ordinal)];
}

/// <summary>An account named in the ground truth, as Collector would identify it.</summary>
public sealed record AccountRef(string Platform, string Handle, AccountRole Role);

/// <summary>The answers detection should find in the simulated world (only posts that are still planted, whatever their state).</summary>
public sealed record GroundTruth
{
    public required IReadOnlyList<CampaignChain> Chains { get; init; }

    public required IReadOnlyList<AccountRef> ShiftWorkers { get; init; }

    public required IReadOnlyList<AccountRef> Repurposed { get; init; }

    public required IReadOnlyList<AccountRef> OffTopicRepliers { get; init; }

    /// <summary>Every campaign post (all chains and every post of a campaign account).</summary>
    public required IReadOnlyList<PostKey> CampaignPosts { get; init; }

    /// <summary>For the repurposed accounts: the gap between the last unrelated post and the first political one.</summary>
    public required IReadOnlyList<DormancyGap> DormancyGaps { get; init; }
}

public sealed record DormancyGap(AccountRef Account, DateTimeOffset LastBefore, DateTimeOffset FirstAfter);
