namespace Collector.Detection.Tests;

/// <summary>The shift test's second stage: accounts tested against the working week of a shift group the first stage found.</summary>
public sealed class ShiftGroupMatchTests
{
    private static readonly DateTimeOffset Monday = new(2025, 3, 3, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Run_FewSittingsInsideAFoundGroupsWeek_FlaggedBySecondStageAndJoinsTheGroup()
    {
        var posts = Team(new Random(3));
        Member(posts, "teammate", Inside(9));

        var result = DetectionEngine.Run(posts);

        var shift = Assert.Single(result.Accounts, a => a.Handle == "teammate").Evidence.Shift!;
        Assert.Equal(["x:w1", "x:w2", "x:w3"], shift.MatchedGroup);
        Assert.True(shift.Evidence >= shift.EvidenceNeeded, $"{shift.Evidence} vs {shift.EvidenceNeeded}");
        Assert.InRange(shift.Confidence, 0.95, 1.0);
        Assert.Equal(["Sat", "Sun"], shift.RestDays);
        Assert.Contains("x:teammate", Assert.Single(result.ShiftGroups).Members);
        var method = Assert.Single(result.Thresholds, t => t.Name == "shift group match");
        Assert.Contains("Holm", method.Basis, StringComparison.Ordinal);
        Assert.Contains("1 flagged", method.Value, StringComparison.Ordinal);
        var html = Output.HtmlReport.Render(result, Monday);
        Assert.Contains("matches shift group", html, StringComparison.Ordinal);
        Assert.Contains("shift group match", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_SameSittingsWithoutAGroup_NotFlaggedByTheirOwnSchedule()
    {
        // the teammate's sittings alone: too few to clear the first stage's family-wise bar over every account
        var posts = ShiftPatternTests.Ordinary(new Random(3));
        Member(posts, "teammate", Inside(9));

        var result = DetectionEngine.Run(posts);

        Assert.DoesNotContain(result.Accounts, a => a.Flags.Contains(AccountFlags.ShiftPattern));
    }

    [Fact]
    public void Run_DeskWorkerInOfficeHoursPostingInTheGroupsBreak_NotFlagged()
    {
        // weekdays 09:00-16:00 like the group, but one sitting of ten in its lunch break (12:00-13:00)
        var posts = Team(new Random(3));
        Member(posts, "desk", [.. Inside(9), (2, (12 * 60) + 20)]);

        var result = DetectionEngine.Run(posts);

        Assert.DoesNotContain(result.Accounts, a => a.Handle == "desk" && a.Flags.Contains(AccountFlags.ShiftPattern));
        var method = Assert.Single(result.Thresholds, t => t.Name == "shift group match");
        Assert.Contains("0 flagged", method.Value, StringComparison.Ordinal);
    }

    /// <summary>Ordinary accounts and a team of three on weekdays 09:00-12:00 and 13:00-16:00 UTC, 25 posts each.</summary>
    private static List<DetectionPost> Team(Random random)
    {
        var posts = ShiftPatternTests.Ordinary(random);
        for (var w = 1; w <= 3; w++)
        {
            var sittings = Enumerable.Range(0, 25).Select(_ =>
            {
                var day = random.Next(0, 28);
                day -= day % 7 >= 5 ? 2 : 0;
                return (day, random.Next(2) == 0 ? (9 * 60) + random.Next(180) : (13 * 60) + random.Next(180));
            });
            Member(posts, "w" + w, sittings);
        }

        return posts;
    }

    /// <summary>Sittings on distinct weekdays of four weeks, alternating between the group's two windows.</summary>
    private static (int Day, int Minute)[] Inside(int count) =>
        [.. Enumerable.Range(0, count).Select(i => ((i / 5 * 7) + (i % 5), i % 2 == 0 ? (9 * 60) + 30 + (i * 11) : (13 * 60) + 20 + (i * 13)))];

    private static void Member(List<DetectionPost> posts, string handle, IEnumerable<(int Day, int Minute)> sittings)
    {
        var n = 0;
        foreach (var (day, minute) in sittings)
        {
            posts.Add(TestPosts.Make("x", $"{handle}-{n}", handle, Monday.AddDays(day).AddMinutes(minute), TestPosts.Filler(7000 + (handle.Sum(c => c) * 50) + n++)));
        }
    }
}
