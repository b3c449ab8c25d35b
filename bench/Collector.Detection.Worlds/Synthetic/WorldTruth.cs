namespace Collector.Detection.Synthetic;

/// <summary>What the generator planted: the chains (posts of one planted content item) and each account's true flags.</summary>
public sealed class WorldTruth
{
    /// <summary>Planted item id -> its posts (platform, id).</summary>
    public Dictionary<string, List<PostRef>> Chains { get; } = new(StringComparer.Ordinal);

    /// <summary>platform:handle -> the flags the account should get (empty set for organic accounts and decoys).</summary>
    public Dictionary<string, HashSet<string>> Accounts { get; } = new(StringComparer.Ordinal);

    /// <summary>platform:handle -> the role the generator gave it (organic, campaign, off-topic, repurposed, very-active, bilingual).</summary>
    public Dictionary<string, string> Roles { get; } = new(StringComparer.Ordinal);

    internal void AddToChain(string item, PostRef post)
    {
        if (!Chains.TryGetValue(item, out var list))
        {
            Chains[item] = list = [];
        }

        list.Add(post);
    }
}

/// <summary>A synthetic world: its posts and what was planted in them.</summary>
public sealed record SyntheticWorld(IReadOnlyList<DetectionPost> Posts, WorldTruth Truth);
