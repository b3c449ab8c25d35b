namespace Collector.Detection.Tests;

public sealed class ShiftPatternTests
{
    private static readonly DateTimeOffset Monday = new(2025, 3, 3, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Run_WorkerInAnotherZoneWithOwnHours_IsFlaggedWithLearnedWindowsAndRestDays()
    {
        // Caracas (UTC-4): 09:00-12:00 and 13:30-17:00 local on weekdays, 14 posts: no hour of it is written in the detector
        var random = new Random(5);
        var posts = Ordinary(random);
        for (var i = 0; i < 14; i++)
        {
            var day = random.Next(0, 28);
            day -= day % 7 >= 5 ? 2 : 0;
            var local = random.Next(2) == 0 ? 9 * 60 + random.Next(180) : 13 * 60 + 30 + random.Next(210);
            posts.Add(TestPosts.Make("x", "w" + i, "worker", Monday.AddDays(day).AddMinutes(local + 240), TestPosts.Filler(i)));
        }

        var result = DetectionEngine.Run(posts, new DetectionOptions { TimeZone = "America/Caracas" });

        var flagged = Assert.Single(result.Accounts, a => a.Flags.Contains(AccountFlags.ShiftPattern));
        Assert.Equal("worker", flagged.Handle);
        var shift = flagged.Evidence.Shift!;
        Assert.Equal(["Sat", "Sun"], shift.RestDays);
        Assert.True(shift.Windows.Count >= 2, "a mid-day break splits the day");
        Assert.True(string.CompareOrdinal(shift.Windows[0], "09:00") >= 0 && string.CompareOrdinal(shift.Windows[^1][6..], "17:00") <= 0, string.Join(", ", shift.Windows));
        Assert.True(shift.Evidence >= shift.EvidenceNeeded);
        Assert.InRange(shift.Confidence, 0.95, 1.0); // 1 - its Holm-adjusted chance: flagged at 5% family-wise error
        Assert.StartsWith("UTC-0", shift.RhythmUtcOffset, StringComparison.Ordinal); // a zone a few hours behind UTC
    }

    [Fact]
    public void Run_WorkerWithMoreSittingsInTheSameWindows_HasMoreConfidence()
    {
        var random = new Random(9);
        var posts = Ordinary(random);
        void Worker(string handle, int count)
        {
            for (var i = 0; i < count; i++)
            {
                var day = random.Next(0, 28);
                day -= day % 7 >= 5 ? 2 : 0;
                var minute = random.Next(2) == 0 ? (9 * 60) + random.Next(150) : (13 * 60) + random.Next(180);
                posts.Add(TestPosts.Make("x", handle + i, handle, Monday.AddDays(day).AddMinutes(minute), TestPosts.Filler(random.Next())));
            }
        }

        Worker("few", 14);
        Worker("many", 30);

        var result = DetectionEngine.Run(posts);

        var few = Assert.Single(result.Accounts, a => a.Handle == "few").Evidence.Shift!;
        var many = Assert.Single(result.Accounts, a => a.Handle == "many").Evidence.Shift!;
        Assert.True(many.Evidence > few.Evidence, $"{many.Evidence} vs {few.Evidence}");
        Assert.True(many.Confidence > few.Confidence, $"{many.Confidence} vs {few.Confidence}");
        Assert.InRange(few.Confidence, 0.95, 1.0);
        var method = Assert.Single(result.Thresholds, t => t.Name == "shift evidence");
        Assert.Contains("Holm", method.Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_NightOwlAndWorkerWithTooFewPosts_AreNotFlagged()
    {
        var random = new Random(6);
        var posts = Ordinary(random);
        for (var i = 0; i < 40; i++)
        {
            // every day of the week, 22:00-02:00
            posts.Add(TestPosts.Make("x", "n" + i, "owl", Monday.AddDays(random.Next(28)).AddHours(22).AddMinutes(random.Next(240)), TestPosts.Filler(500 + i)));
        }

        for (var i = 0; i < 6; i++)
        {
            posts.Add(TestPosts.Make("x", "f" + i, "fewposts", Monday.AddDays(i % 5).AddHours(10).AddMinutes(random.Next(60)), TestPosts.Filler(900 + i)));
        }

        var result = DetectionEngine.Run(posts);

        Assert.DoesNotContain(result.Accounts, a => a.Flags.Contains(AccountFlags.ShiftPattern));
    }

    [Fact]
    public void Run_TwoWorkersOnOneShiftAndOneOnAnother_FormOneShiftGroupWithItsWindows()
    {
        var random = new Random(8);
        var posts = Ordinary(random);
        void Worker(string handle, int morning, int afternoon)
        {
            for (var i = 0; i < 20; i++)
            {
                var day = random.Next(0, 28);
                day -= day % 7 >= 5 ? 2 : 0;
                var minute = random.Next(2) == 0 ? (morning * 60) + random.Next(150) : (afternoon * 60) + random.Next(180);
                posts.Add(TestPosts.Make("x", handle + i, handle, Monday.AddDays(day).AddMinutes(minute), TestPosts.Filler(random.Next())));
            }
        }

        Worker("early1", 1, 5); // 01:00-03:30 and 05:00-08:00 UTC
        Worker("early2", 1, 5);
        Worker("late", 12, 16); // 12:00-14:30 and 16:00-19:00 UTC

        var result = DetectionEngine.Run(posts);

        Assert.Equal(3, result.Accounts.Count(a => a.Flags.Contains(AccountFlags.ShiftPattern)));
        var group = Assert.Single(result.ShiftGroups);
        Assert.Equal(["x:early1", "x:early2"], group.Members);
        Assert.All(group.WindowsUtc, w => Assert.True(string.CompareOrdinal(w, "00:45") >= 0 && string.CompareOrdinal(w, "08:15") < 0, w));
    }

    [Fact]
    public void Run_WorkerAmongOrdinaryAccounts_RestRatiosPutTheWorkerBelowTheCutAndTheRestAroundOne()
    {
        var random = new Random(11);
        var posts = Ordinary(random);
        for (var i = 0; i < 16; i++)
        {
            var day = random.Next(0, 28);
            day -= day % 7 >= 5 ? 2 : 0;
            posts.Add(TestPosts.Make("x", "w" + i, "worker", Monday.AddDays(day).AddHours(random.Next(2) == 0 ? 9 : 14).AddMinutes(random.Next(120)), TestPosts.Filler(700 + i)));
        }

        var without = DetectionEngine.Run(Ordinary(new Random(11))).RestRatios!;
        var result = DetectionEngine.Run(posts);

        var rest = result.RestRatios!;
        Assert.Equal(81, rest.Total); // every account with enough sittings is counted, flagged or not
        Assert.Equal(without.Below(rest.Bar) + 1, rest.Below(rest.Bar)); // the worker never posts on its two quietest days
        Assert.True(rest.Below(rest.Bar) < rest.Total / 4, "most ordinary accounts post on every pair of days");
        Assert.True(rest.Median() > 3 * rest.Bar, $"ordinary accounts lie well above the cut (median {rest.Median()})");
        var html = Output.HtmlReport.Render(result, Monday);
        Assert.Contains("id=\"rest-ratio\"", html, StringComparison.Ordinal);
        Assert.Contains("cut 0.1", html, StringComparison.Ordinal);
        Assert.Contains($"Below the cut of 0.1: {rest.Below(rest.Bar)} accounts", html, StringComparison.Ordinal);
    }

    /// <summary>80 ordinary accounts: 10-30 posts each, any day, mostly waking hours of their own zones.</summary>
    internal static List<DetectionPost> Ordinary(Random random)
    {
        var posts = new List<DetectionPost>();
        for (var a = 0; a < 80; a++)
        {
            var offset = random.Next(-8, 10);
            for (var p = random.Next(10, 31); p > 0; p--)
            {
                var hour = (7 + random.Next(17)) % 24;
                var at = Monday.AddDays(random.Next(28)).AddHours(hour - offset).AddMinutes(random.Next(60));
                posts.Add(TestPosts.Make("x", $"o{a}-{p}", "person" + a, at, TestPosts.Filler((a * 100) + p)));
            }
        }

        return posts;
    }
}
