namespace Collector.Detection.Behaviour;

/// <summary>
/// Office-shift posting: nearly all posts inside office hours (08-12, 14-18, 19-22 local time) with the lunch
/// (12-14) and supper (18-19) breaks quiet, quiet weekends, and an hour profile far from the platform's normal spread.
/// A very active account that posts at all hours is not flagged however much it posts.
/// </summary>
internal static class ShiftPatternDetector
{
    private static readonly bool[] Office = BuildHours((8, 12), (14, 18), (19, 22));
    private static readonly bool[] Break = BuildHours((12, 14), (18, 19));

    /// <summary>Minimum distance between the account's and the platform's hour profile.</summary>
    private const double MinDistance = 0.3;

    public static ShiftEvidence? Detect(PostTable table, List<int> posts, byte[] hours, byte[] weekdays, double[] platformProfile, DetectionOptions options)
    {
        if (posts.Count < options.ShiftMinPosts)
        {
            return null;
        }

        int office = 0, breaks = 0, weekend = 0;
        var profile = new double[24];
        foreach (var i in posts)
        {
            var h = hours[i];
            profile[h]++;
            if (Office[h])
            {
                office++;
            }

            if (Break[h])
            {
                breaks++;
            }

            if (weekdays[i] >= 5)
            {
                weekend++;
            }
        }

        var n = (double)posts.Count;
        var officeShare = office / n;
        var breakShare = breaks / n;
        var weekendShare = weekend / n;
        var platformBreak = Enumerable.Range(0, 24).Where(h => Break[h]).Sum(h => platformProfile[h]);
        var distance = 0.0;
        for (var h = 0; h < 24; h++)
        {
            distance += Math.Abs((profile[h] / n) - platformProfile[h]);
        }

        distance /= 2;
        var quietBreaks = breakShare <= Math.Max(0.03, platformBreak * 0.4);
        if (officeShare < options.ShiftMinOfficeShare || weekendShare > options.ShiftMaxWeekendShare || !quietBreaks || distance < MinDistance)
        {
            return null;
        }

        var sample = posts.Where((_, k) => k % Math.Max(1, posts.Count / 8) == 0).Take(8).Select(i => table.Evidence(i, 160)).ToList();
        return new ShiftEvidence
        {
            TimeZone = options.TimeZone,
            OfficeHoursShare = Math.Round(officeShare, 3),
            BreakShare = Math.Round(breakShare, 3),
            WeekendShare = Math.Round(weekendShare, 3),
            DistanceFromPlatform = Math.Round(distance, 3),
            SamplePosts = sample,
        };
    }

    private static bool[] BuildHours(params (int From, int To)[] ranges)
    {
        var hours = new bool[24];
        foreach (var (from, to) in ranges)
        {
            for (var h = from; h < to; h++)
            {
                hours[h] = true;
            }
        }

        return hours;
    }
}
