namespace Collector.Simulator.World;

/// <summary>What an account is in the ground truth.</summary>
public enum AccountRole
{
    Ordinary,

    /// <summary>A campaign account that posts only in Beijing office hours, with lunch and supper breaks and quiet weekends.</summary>
    ShiftWorker,

    /// <summary>An account that posted in Chinese about something unrelated, went dormant, then turned to English politics.</summary>
    Repurposed,

    /// <summary>A campaign account that posts near-identical off-topic replies under unrelated posts.</summary>
    OffTopicReplier,
}

/// <summary>A user, channel or profile of the simulated world.</summary>
public sealed record SimAccount
{
    public required SimPlatform Platform { get; init; }

    public required string Handle { get; init; }

    /// <summary>The platform's account id (Reddit t2_…, Pinterest numeric id, Quora uid).</summary>
    public required string AccountId { get; init; }

    public required string DisplayName { get; init; }

    public AccountRole Role { get; init; } = AccountRole.Ordinary;

    /// <summary>True for every account the planted campaign runs.</summary>
    public bool IsCampaign => Role != AccountRole.Ordinary;
}
