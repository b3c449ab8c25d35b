using Collector.Detection.Network;

namespace Collector.Detection.Tests;

public sealed class NetworkAndBehaviourTests
{
    [Fact]
    public void Louvain_TwoCliquesAndABridge_FindsTwoCommunities()
    {
        var edges = new List<(int, int, double)>();
        for (var a = 0; a < 5; a++)
        {
            for (var b = a + 1; b < 5; b++)
            {
                edges.Add((a, b, 3));
                edges.Add((a + 5, b + 5, 3));
            }
        }

        edges.Add((0, 5, 1));
        var (community, modularity) = Louvain.Detect(10, edges);
        Assert.Equal(2, community.Distinct().Count());
        Assert.All(Enumerable.Range(0, 5), i => Assert.Equal(community[0], community[i]));
        Assert.All(Enumerable.Range(5, 5), i => Assert.Equal(community[5], community[i]));
        Assert.True(modularity > 0.4);
    }

    [Fact]
    public void Estimate_FastAndSlowChains_FollowsTheFastestTenthOfChains()
    {
        var chains = new List<long[]>();
        for (var c = 0; c < 10; c++)
        {
            chains.Add([0, 30, 60, 90]);
        }

        for (var c = 0; c < 90; c++)
        {
            chains.Add([0, 7200, 86400, 200000]);
        }

        Assert.Equal(TimeSpan.FromSeconds(30), WindowEstimator.Estimate(chains));
        Assert.Equal(WindowEstimator.Fallback, WindowEstimator.Estimate([]));
    }

    [Fact]
    public void Run_CoPostingAccounts_AreTiedAndFlaggedCoordinated()
    {
        var posts = new List<DetectionPost>();
        for (var item = 0; item < 4; item++)
        {
            var text = TestPosts.Filler(500 + item) + " " + TestPosts.Filler(600 + item);
            for (var a = 0; a < 4; a++)
            {
                posts.Add(TestPosts.Make(a % 2 == 0 ? "x" : "vk", $"i{item}a{a}", "op" + a, TestPosts.T0.AddDays(item).AddMinutes(a * 3), text));
            }
        }

        posts.Add(TestPosts.Make("x", "late", "bystander", TestPosts.T0.AddDays(20), TestPosts.Filler(500) + " " + TestPosts.Filler(600)));
        var result = DetectionEngine.Run(posts, new DetectionOptions { CoordinationWindow = TimeSpan.FromMinutes(30) });
        Assert.Equal(4, result.Chains.Count);
        Assert.Equal(6, result.Network.Edges.Count);
        Assert.All(result.Network.Edges, e => Assert.Equal(4, e.Weight));
        var coordinated = result.Accounts.Where(a => a.Flags.Contains(AccountFlags.Coordinated)).Select(a => a.Handle).Order().ToList();
        Assert.Equal(["op0", "op1", "op2", "op3"], coordinated);
        Assert.DoesNotContain(result.Network.Nodes, n => n.Handle == "bystander");
    }

    [Fact]
    public void Run_OfficeShiftsVersusAllHours_FlagsOnlyTheShiftWorker()
    {
        var posts = new List<DetectionPost>();
        var random = new Random(3);
        int[] officeHours = [9, 10, 11, 14, 15, 16, 17, 19, 20];
        for (var i = 0; i < 40; i++)
        {
            var day = i / 8 * 7 + (i % 5);
            var beijing = TestPosts.T0.Date.AddDays(day).AddHours(officeHours[random.Next(officeHours.Length)]).AddMinutes(random.Next(60));
            posts.Add(TestPosts.Make("x", "s" + i, "worker", new DateTimeOffset(beijing, TimeSpan.Zero).AddHours(-8), TestPosts.Filler(i)));
        }

        for (var i = 0; i < 400; i++)
        {
            posts.Add(TestPosts.Make("x", "o" + i, "busy" + (i % 4), TestPosts.T0.AddMinutes(i * 97), TestPosts.Filler(1000 + i)));
        }

        var result = DetectionEngine.Run(posts);
        var flagged = Assert.Single(result.Accounts, a => a.Flags.Contains(AccountFlags.ShiftPattern));
        Assert.Equal("worker", flagged.Handle);
        Assert.True(flagged.Evidence.Shift!.OfficeHoursShare >= 0.9);
        Assert.Equal(0, flagged.Evidence.Shift.WeekendShare);
    }

    [Fact]
    public void Validate_BadOptions_ListsEveryProblem()
    {
        var options = new DetectionOptions { JaccardThreshold = 1.5, TimeZone = "Mars/Olympus", MinEdgeWeight = 0 };
        var errors = options.Validate();
        Assert.Equal(3, errors.Count);
        var ex = Assert.Throws<DetectionOptionsException>(() => DetectionEngine.Run([], options));
        Assert.Contains("Mars/Olympus", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_NoPublicationTime_UsesFirstSeenAndOrdersByIt()
    {
        var text = TestPosts.Filler(1) + " " + TestPosts.Filler(2);
        var posts = new[]
        {
            TestPosts.Make("telegram", "late", "b", TestPosts.T0.AddHours(2), text),
            TestPosts.Make("generic", "undated", "a", null, text, firstSeen: TestPosts.T0.AddHours(1)),
        };
        var chain = Assert.Single(DetectionEngine.Run(posts).Chains);
        Assert.Equal(new PostRef("generic", "undated"), chain.Origin);
        Assert.True(chain.Posts[0].TimeIsFirstSeen);
        Assert.Equal(3600, chain.SpreadSeconds);
        Assert.Equal(["generic", "telegram"], chain.Platforms);
    }
}
