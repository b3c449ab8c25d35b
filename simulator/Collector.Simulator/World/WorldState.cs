using Collector.Model;

namespace Collector.Simulator.World;

/// <summary>An immutable snapshot of the world: pages render from one snapshot while a cycle builds the next.</summary>
public sealed class WorldState
{
    private readonly Dictionary<(SimPlatform, string), SimPost> _byId;
    private readonly ILookup<(SimPlatform, string), SimPost> _byCommunity;
    private readonly ILookup<(SimPlatform, string), SimPost> _byParent;
    private readonly Dictionary<(SimPlatform, string), SimAccount> _accounts;
    private readonly Dictionary<PostKey, SimPost> _byKey;

    public WorldState(int cycle, DateTimeOffset now, IReadOnlyList<SimPost> posts, IReadOnlyList<SimAccount> accounts)
    {
        Cycle = cycle;
        Now = now;
        Posts = posts;
        Accounts = accounts;
        _byId = posts.ToDictionary(p => (p.Platform, p.Id));
        _byCommunity = posts.ToLookup(p => (p.Platform, p.Community));
        _byParent = posts.Where(p => p.ParentId is not null).ToLookup(p => (p.Platform, p.ParentId!));
        _accounts = accounts.ToDictionary(a => (a.Platform, a.Handle));
        _byKey = posts.ToDictionary(p => p.Key);
    }

    public int Cycle { get; }

    /// <summary>The world's clock: the latest instant any post can carry.</summary>
    public DateTimeOffset Now { get; }

    public IReadOnlyList<SimPost> Posts { get; }

    public IReadOnlyList<SimAccount> Accounts { get; }

    public SimPost? Find(SimPlatform platform, string id) => _byId.GetValueOrDefault((platform, id));

    /// <summary>The post with this Collector identity (see <see cref="SimPost.Key"/>).</summary>
    public SimPost? Find(PostKey key) => _byKey.GetValueOrDefault(key);

    public SimAccount? Account(SimPlatform platform, string handle) => _accounts.GetValueOrDefault((platform, handle));

    /// <summary>The posts of a community (subreddit, question, board, channel, forum section), newest first.</summary>
    public IReadOnlyList<SimPost> InCommunity(SimPlatform platform, string community) =>
        [.. _byCommunity[(platform, community)].OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id, StringComparer.Ordinal)];

    /// <summary>Direct replies to a post, oldest first.</summary>
    public IReadOnlyList<SimPost> Replies(SimPlatform platform, string parentId) =>
        [.. _byParent[(platform, parentId)].OrderBy(p => p.PublishedAt).ThenBy(p => p.Id, StringComparer.Ordinal)];

    /// <summary>All replies under a post at any depth.</summary>
    public int CountDescendants(SimPlatform platform, string id) =>
        _byParent[(platform, id)].Sum(c => 1 + CountDescendants(platform, c.Id));

    public IEnumerable<SimPost> On(SimPlatform platform) => Posts.Where(p => p.Platform == platform);

    /// <summary>The communities of a platform (in first-seen order).</summary>
    public IReadOnlyList<string> Communities(SimPlatform platform) =>
        [.. Posts.Where(p => p.Platform == platform).Select(p => p.Community).Distinct(StringComparer.Ordinal)];
}
