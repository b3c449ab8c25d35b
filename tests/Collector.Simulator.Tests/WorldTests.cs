using Collector.Model;
using Collector.Simulator.World;

namespace Collector.Simulator.Tests;

public sealed class WorldTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 16, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Generate_SameSeed_SameWorld()
    {
        var a = new SimWorld(11, Now);
        var b = new SimWorld(11, Now);
        Assert.Equal(a.Posts.Select(Describe), b.Posts.Select(Describe));
        Assert.Equal(a.Images.Png(CampaignPlanter.CartoonImage), b.Images.Png(CampaignPlanter.CartoonImage));
        var ra = a.AdvanceCycle();
        var rb = b.AdvanceCycle();
        Assert.Equal(ra.Edited, rb.Edited);
        Assert.Equal(ra.Deleted, rb.Deleted);
        Assert.Equal(a.Posts.Select(Describe).Order(StringComparer.Ordinal), b.Posts.Select(Describe).Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// A demo folder replays its world's story in a later process, so the story must not depend on anything
    /// process-local (HashCode.Combine and string.GetHashCode are randomized per process). Pinned values catch that.
    /// </summary>
    [Fact]
    public void AdvanceCycle_SeedSeven_SameStoryInEveryProcess()
    {
        var world = new SimWorld(7, Now);
        var report = world.AdvanceCycle();

        Assert.Equal(PinnedEdited, string.Join(' ', report.Edited));
        Assert.Equal(PinnedDeleted, string.Join(' ', report.Deleted));
    }

    private const string PinnedEdited =
        "reddit:t1_1lvfvqm quora:Are-think-tank-reports-about-foreign-countries-reliable/answer/Kwame-Moreau-663 pinterest:755403633974340593 telegram:worldbrief/30 generic:p126942";
    private const string PinnedDeleted =
        "reddit:t1_1vo62zh quora:Are-think-tank-reports-about-foreign-countries-reliable/answer/Priya-Okafor-791 pinterest:346732153476209258 telegram:kitchen_notes/26 generic:p443049 reddit:t3_1hut4um";

    [Fact]
    public void Generate_OtherSeed_OtherWorld()
    {
        var a = new SimWorld(1, Now);
        var b = new SimWorld(2, Now);
        Assert.NotEqual(a.Posts.Select(p => p.Id), b.Posts.Select(p => p.Id));
    }

    [Fact]
    public void Truth_ArticleChains_SpanEveryPlatformWithSharedLinkAndVariants()
    {
        var world = new SimWorld(7, Now);
        var articles = world.Truth.Chains.Where(c => c.Kind == ChainKind.Article).ToList();
        Assert.Equal(2, articles.Count);
        foreach (var chain in articles)
        {
            Assert.Equal(5, chain.Platforms.Count);
            var posts = chain.Posts.Select(k => world.Find(k)!).ToList();
            Assert.All(posts, p => Assert.True(p.Text.Contains(chain.SharedLink!, StringComparison.Ordinal) || p.Link == chain.SharedLink, $"{p.Key} lacks the link"));
            Assert.Contains(posts, p => (p.Title ?? p.Text).StartsWith("Must read:", StringComparison.Ordinal));
            Assert.Contains(posts, p => p.Text.Contains('…', StringComparison.Ordinal));
            Assert.True(posts.Select(p => p.Text).Distinct(StringComparer.Ordinal).Count() >= 4, "reposts should differ (translation errors, truncation)");
            Assert.Equal(posts.Min(p => p.PublishedAt), posts[0].PublishedAt);
        }
    }

    [Fact]
    public void Truth_CartoonChain_StartsOnPinterestWithSameOrAlteredImage()
    {
        var world = new SimWorld(7, Now);
        var chain = Assert.Single(world.Truth.Chains, c => c.Kind == ChainKind.Image);
        var posts = chain.Posts.Select(k => world.Find(k)!).ToList();
        Assert.Equal(SimPlatform.Pinterest, posts[0].Platform);
        Assert.True(chain.Platforms.Count >= 4);
        Assert.All(posts, p => Assert.StartsWith(CampaignPlanter.CartoonImage, p.ImageId, StringComparison.Ordinal));
        Assert.Contains(posts, p => p.ImageId!.EndsWith(Images.ImageBank.AlteredSuffix, StringComparison.Ordinal));
    }

    [Fact]
    public void Truth_OffTopicReplies_AreNearIdenticalRepliesUnderUnrelatedPosts()
    {
        var world = new SimWorld(7, Now);
        var chain = Assert.Single(world.Truth.Chains, c => c.Kind == ChainKind.OffTopicReplies);
        var posts = chain.Posts.Select(k => world.Find(k)!).ToList();
        Assert.True(posts.Count >= 6);
        Assert.True(chain.Platforms.Count >= 3);
        Assert.All(posts, p =>
        {
            Assert.NotNull(p.ParentId);
            Assert.Contains("Lin Haodong is a liar", p.Text, StringComparison.Ordinal);
            var parent = world.State.Find(p.Platform, p.ParentId!)!;
            Assert.DoesNotContain("Lin Haodong", parent.Text, StringComparison.Ordinal);
        });
        Assert.All(world.Truth.OffTopicRepliers, a => Assert.Contains(posts, p => p.AuthorHandle == a.Handle));
    }

    [Fact]
    public void Truth_ShiftWorkers_PostOnlyInBeijingOfficeHoursOnWeekdays()
    {
        var world = new SimWorld(7, Now);
        Assert.True(world.Truth.ShiftWorkers.Count >= 5);
        foreach (var account in world.Truth.ShiftWorkers)
        {
            var posts = world.Posts.Where(p => p.Platform.ParserKey() == account.Platform && p.AuthorHandle == account.Handle).ToList();
            Assert.True(posts.Count >= 3, $"{account.Handle} has {posts.Count} posts");
            Assert.All(posts, p => Assert.True(PostingClock.IsShiftTime(p.PublishedAt), $"{account.Handle} posted at {p.PublishedAt:O}"));
            Assert.DoesNotContain(posts, p => p.PublishedAt.ToOffset(PostingClock.BeijingOffset).Hour == 12);
        }

        var ordinaryHours = world.Posts.Where(p => world.State.Account(p.Platform, p.AuthorHandle)?.IsCampaign != true)
            .Select(p => p.PublishedAt.UtcDateTime.Hour).Distinct().Count();
        Assert.Equal(24, ordinaryHours);
    }

    [Fact]
    public void Truth_Repurposed_ChineseThenDormantThenEnglishPolitics()
    {
        var world = new SimWorld(7, Now);
        Assert.Equal(2, world.Truth.Repurposed.Count);
        foreach (var gap in world.Truth.DormancyGaps)
        {
            Assert.True(gap.FirstAfter - gap.LastBefore > TimeSpan.FromDays(60), $"{gap.Account.Handle}: gap {gap.FirstAfter - gap.LastBefore}");
            var posts = world.Posts.Where(p => p.Platform.ParserKey() == gap.Account.Platform && p.AuthorHandle == gap.Account.Handle).ToList();
            Assert.All(posts.Where(p => p.PublishedAt <= gap.LastBefore), p => Assert.Equal("zh", p.Language));
            Assert.All(posts.Where(p => p.PublishedAt >= gap.FirstAfter), p => Assert.Equal("en", p.Language));
        }
    }

    [Fact]
    public void Generate_TelegramIds_IncreaseWithTime()
    {
        var world = new SimWorld(7, Now);
        world.AdvanceCycle();
        foreach (var channel in world.State.Communities(SimPlatform.Telegram))
        {
            var ordered = world.State.InCommunity(SimPlatform.Telegram, channel).Reverse().Select(p => TelegramNumbering.Number(p.Id)).ToList();
            Assert.Equal(Enumerable.Range(1, ordered.Count), ordered);
        }
    }

    [Fact]
    public void Generate_EveryPost_BeforeNowAndUniqueIds()
    {
        var world = new SimWorld(7, Now);
        Assert.All(world.Posts, p => Assert.True(p.PublishedAt < Now, $"{p.Key} at {p.PublishedAt:O}"));
        Assert.Equal(world.Posts.Count, world.Posts.Select(p => p.Key).Distinct().Count());
        Assert.All(world.Posts.Where(p => p.ParentId is not null), p => Assert.True(world.State.Find(p.Platform, p.ParentId!)!.PublishedAt < p.PublishedAt));
    }

    [Fact]
    public void AdvanceCycle_EditsDeletesAdds_OnEveryPlatform()
    {
        var world = new SimWorld(7, Now);
        var before = world.Posts.Count;
        var report = world.AdvanceCycle();
        Assert.Equal(1, report.Cycle);
        Assert.Equal(Now.AddHours(6), world.Now);
        Assert.Equal(5, report.Edited.Count);
        Assert.Equal(6, report.Deleted.Count);
        Assert.All(report.Edited, k => Assert.Equal(2, world.Find(k)!.Version));
        Assert.All(report.Deleted, k => Assert.False(world.Find(k)!.IsLive));
        Assert.Equal(before + report.Added.Count, world.Posts.Count);
        Assert.All(report.Added, k => Assert.InRange(world.Find(k)!.PublishedAt, Now, Now.AddHours(6)));
        Assert.Contains(report.Deleted, k => world.Truth.CampaignPosts.Contains(k));
    }

    private static string Describe(SimPost p) => $"{p.Key}|{p.AuthorHandle}|{p.PublishedAt:O}|{p.Text}|{p.ChainId}";
}
