using System.Globalization;

namespace Collector.Detection.Behaviour;

/// <summary>
/// Shift groups: flagged shift workers whose learned windows coincide (in UTC, at quarter-hour resolution, the windows
/// of every two members overlap by at least half of their union) are one group, reported with the windows most of its
/// members keep (the quarter hours at least half of them work in).
/// </summary>
internal static class ShiftGroups
{
    private const int Bins = 96;

    /// <summary>The windows (UTC) at least half of the members work in.</summary>
    public static List<string> Majority(IReadOnlyList<bool[]> members) =>
        Spans(Enumerable.Range(0, Bins).Select(b => members.Count(m => m[b]) * 2 >= members.Count).ToArray());

    /// <summary>
    /// The groups (two or more members, largest first) of workers whose UTC windows (quarter-hour bins) coincide, every
    /// member with every other (complete linkage: a chain of pairwise overlaps does not make teams in neighbouring zones
    /// one group). Workers are taken in the given order (strongest evidence first); each joins the group whose members
    /// it coincides with best on average, among those it coincides with all of, or starts one.
    /// </summary>
    public static List<List<int>> Cluster(IReadOnlyList<bool[]> bins)
    {
        var groups = new List<List<int>>();
        for (var x = 0; x < bins.Count; x++)
        {
            List<int>? best = null;
            var bestOverlap = 0.0;
            foreach (var g in groups)
            {
                var sum = 0.0;
                foreach (var y in g)
                {
                    var overlap = Overlap(bins[x], bins[y]);
                    if (overlap < 0.5)
                    {
                        sum = double.NaN;
                        break;
                    }

                    sum += overlap;
                }

                if (sum / g.Count > bestOverlap)
                {
                    best = g;
                    bestOverlap = sum / g.Count;
                }
            }

            if (best is null)
            {
                groups.Add([x]);
            }
            else
            {
                best.Add(x);
            }
        }

        return groups.Where(g => g.Count >= 2).OrderByDescending(g => g.Count).ToList();
    }

    /// <summary>Quarter hours both work in, over those either works in.</summary>
    private static double Overlap(bool[] x, bool[] y)
    {
        int both = 0, either = 0;
        for (var b = 0; b < Bins; b++)
        {
            both += x[b] && y[b] ? 1 : 0;
            either += x[b] || y[b] ? 1 : 0;
        }

        return either == 0 ? 0 : (double)both / either;
    }

    public static bool[] ToBins(IReadOnlyList<string> windows)
    {
        var bins = new bool[Bins];
        foreach (var w in windows)
        {
            var from = Minutes(w[..5]);
            var length = (Minutes(w[6..]) - from + 1440) % 1440; // a UTC window may run past midnight
            for (var k = 0; k < length; k += 15)
            {
                bins[(from + k) % 1440 / 15] = true;
            }
        }

        return bins;
    }

    private static int Minutes(string hhmm) =>
        (int.Parse(hhmm[..2], CultureInfo.InvariantCulture) * 60) + int.Parse(hhmm[3..5], CultureInfo.InvariantCulture);

    public static List<string> Spans(bool[] bins)
    {
        var spans = new List<string>();
        for (var b = 0; b < Bins; b++)
        {
            if (!bins[b] || (b > 0 && bins[b - 1]))
            {
                continue;
            }

            var end = b;
            while (end + 1 < Bins && bins[end + 1])
            {
                end++;
            }

            spans.Add(string.Create(CultureInfo.InvariantCulture, $"{b * 15 / 60:00}:{b * 15 % 60:00}-{(end + 1) * 15 / 60 % 24:00}:{(end + 1) * 15 % 60:00}"));
        }

        return spans;
    }
}
