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
        Assert.StartsWith("UTC-0", shift.RhythmUtcOffset, StringComparison.Ordinal); // a zone a few hours behind UTC
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

    /// <summary>80 ordinary accounts: 10-30 posts each, any day, mostly waking hours of their own zones.</summary>
    private static List<DetectionPost> Ordinary(Random random)
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
