using Collector.Model;

namespace Collector.Detection.Worlds.Independent;

/// <summary>A generated world: the posts as an archive would hold them, and the generator's own record of what it planted.</summary>
public sealed record IndependentWorld(IReadOnlyList<DetectionPost> Posts, WorldRecord Record);

/// <summary>What was planted: the stories (each one chain a researcher would want found) and every account's role.</summary>
public sealed record WorldRecord
{
    public required IReadOnlyList<PlantedStory> Stories { get; init; }

    public required IReadOnlyDictionary<AccountKey, AccountRecord> Accounts { get; init; }
}

/// <summary>An account on one platform.</summary>
public readonly record struct AccountKey(string Platform, string Handle)
{
    public override string ToString() => $"{Platform}:{Handle}";
}

/// <summary>One planted story: its origin and every post that re-publishes it (copies, translations, link shares, image reposts).</summary>
public sealed record PlantedStory(string Id, string Campaign, string Kind, PostKey Origin, IReadOnlyList<PostKey> Members);

public enum AccountRole
{
    Organic,
    Decoy,
    Operator,
}

/// <summary>
/// An account's role and, per account flag, whether it should be raised (true), must not be (false), or is not scored
/// (absent: the evidence the world gave it is too thin to demand either answer, e.g. a shift worker with 9 posts).
/// </summary>
public sealed record AccountRecord
{
    public required AccountRole Role { get; init; }

    /// <summary>For decoys: news-junkie, night-owl, viral-image, big-news, bilingual, daytime-regular.</summary>
    public string? DecoyKind { get; init; }

    public string? Campaign { get; init; }

    public required IReadOnlyDictionary<string, bool> Flags { get; init; }

    /// <summary>For shift workers: the team's windows in local time and the zone (what a shift group should report).</summary>
    public string? ShiftWindows { get; init; }

    public string? TimeZone { get; init; }

    public int Posts { get; init; }
}
