using Collector.Model;
using Collector.Simulator.Images;

namespace Collector.Simulator.World;

/// <summary>
/// The seeded world the simulated platforms serve: accounts, posts, images and the ground truth of the planted campaign.
/// Deterministic from (seed, options). <see cref="AdvanceCycle"/> edits, deletes and adds posts; readers always see one
/// consistent snapshot (<see cref="State"/>).
/// </summary>
public sealed class SimWorld
{
    private readonly object _gate = new();
    private readonly List<CycleReport> _history = [];
    private readonly TimeSpan _cycleLength;
    private volatile WorldState _state;

    public SimWorld(int seed, DateTimeOffset now, int postsPerCommunity = 20, TimeSpan? cycleLength = null)
    {
        Seed = seed;
        _cycleLength = cycleLength ?? TimeSpan.FromHours(6);
        Images = new ImageBank(seed);
        _state = WorldGenerator.Generate(seed, now, postsPerCommunity);
        RegisterImages(_state);
    }

    public int Seed { get; }

    public ImageBank Images { get; }

    /// <summary>The current snapshot (replaced, never changed, by a cycle).</summary>
    public WorldState State => _state;

    public int Cycle => _state.Cycle;

    public DateTimeOffset Now => _state.Now;

    public IReadOnlyList<SimPost> Posts => _state.Posts;

    public IReadOnlyList<SimAccount> Accounts => _state.Accounts;

    public IReadOnlyList<CycleReport> History
    {
        get
        {
            lock (_gate)
            {
                return [.. _history];
            }
        }
    }

    /// <summary>The ground truth of the planted campaign, for tests and the demo to check detection against.</summary>
    public GroundTruth Truth => BuildTruth(_state);

    /// <summary>The post with this Collector identity (as the platform's parser reports it).</summary>
    public SimPost? Find(PostKey key) => _state.Find(key);

    /// <summary>Moves the world on one cycle (edits, deletions, new posts) and says what changed.</summary>
    public CycleReport AdvanceCycle()
    {
        lock (_gate)
        {
            var (next, report) = WorldMutator.Advance(_state, Seed, _cycleLength);
            _state = next;
            RegisterImages(next);
            _history.Add(report);
            return report;
        }
    }

    private void RegisterImages(WorldState state)
    {
        foreach (var post in state.Posts.Where(p => p.ImageId is not null))
        {
            Images.Hash(post.ImageId!);
        }
    }

    private static GroundTruth BuildTruth(WorldState state)
    {
        var chains = state.Posts.Where(p => p.ChainId is not null)
            .GroupBy(p => p.ChainId!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var ordered = g.OrderBy(p => p.PublishedAt).ToList();
                var kind = g.Key.StartsWith("article", StringComparison.Ordinal) ? ChainKind.Article
                    : g.Key.StartsWith("cartoon", StringComparison.Ordinal) ? ChainKind.Image : ChainKind.OffTopicReplies;
                return new CampaignChain
                {
                    Id = g.Key,
                    Kind = kind,
                    Posts = [.. ordered.Select(p => p.Key)],
                    SharedLink = kind == ChainKind.Article ? ordered.SelectMany(p => p.Links).FirstOrDefault() : null,
                    ImageId = kind == ChainKind.Image ? ordered.First(p => p.ImageId is not null).ImageId : null,
                };
            }).ToList();

        AccountRef Ref(SimAccount a) => new(a.Platform.ParserKey(), a.Handle, a.Role);
        var campaignAccounts = state.Accounts.Where(a => a.IsCampaign).ToList();
        var campaignHandles = campaignAccounts.Select(a => (a.Platform, a.Handle)).ToHashSet();
        var gaps = campaignAccounts.Where(a => a.Role == AccountRole.Repurposed).Select(a =>
        {
            var own = state.Posts.Where(p => p.Platform == a.Platform && p.AuthorHandle == a.Handle).ToList();
            var last = own.Where(p => p.Language != "en").Max(p => p.PublishedAt);
            var first = own.Where(p => p.Language == "en").Min(p => p.PublishedAt);
            return new DormancyGap(Ref(a), last, first);
        }).ToList();

        return new GroundTruth
        {
            Chains = chains,
            ShiftWorkers = [.. campaignAccounts.Where(a => a.Role == AccountRole.ShiftWorker).Select(Ref)],
            Repurposed = [.. campaignAccounts.Where(a => a.Role == AccountRole.Repurposed).Select(Ref)],
            OffTopicRepliers = [.. campaignAccounts.Where(a => a.Role == AccountRole.OffTopicReplier).Select(Ref)],
            CampaignPosts = [.. state.Posts.Where(p => p.ChainId is not null || campaignHandles.Contains((p.Platform, p.AuthorHandle)))
                .OrderBy(p => p.PublishedAt).Select(p => p.Key)],
            DormancyGaps = gaps,
        };
    }
}
