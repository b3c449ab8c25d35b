using System.Globalization;

namespace Collector.Detection.Behaviour;

/// <summary>
/// Shift groups: flagged shift workers whose learned windows coincide (in UTC, at quarter-hour resolution, the windows
/// of two accounts overlap by at least half of their union) are one group, reported with the windows most of its
/// members keep (the quarter hours at least half of them work in).
/// </summary>
internal static class ShiftGroups
{
    private const int Bins = 96;

    public static IReadOnlyList<ShiftGroup> Find(IReadOnlyList<AccountFinding> accounts)
    {
        var workers = accounts.Where(a => a.Evidence.Shift is not null).ToList();
        var bins = workers.Select(a => ToBins(a.Evidence.Shift!.WindowsUtc)).ToList();
        var group = Enumerable.Range(0, workers.Count).ToArray();
        int Find(int x) => group[x] == x ? x : group[x] = Find(group[x]);
        for (var x = 0; x < workers.Count; x++)
        {
            for (var y = x + 1; y < workers.Count; y++)
            {
                int both = 0, either = 0;
                for (var b = 0; b < Bins; b++)
                {
                    both += bins[x][b] && bins[y][b] ? 1 : 0;
                    either += bins[x][b] || bins[y][b] ? 1 : 0;
                }

                if (either > 0 && both * 2 >= either)
                {
                    group[Find(x)] = Find(y);
                }
            }
        }

        return Enumerable.Range(0, workers.Count).GroupBy(Find).Where(g => g.Count() >= 2)
            .Select(g => g.ToList())
            .OrderByDescending(g => g.Count)
            .Select((members, n) => new ShiftGroup(
                n + 1,
                members.Select(m => workers[m].Platform + ":" + workers[m].Handle).Order(StringComparer.Ordinal).ToList(),
                Spans(Enumerable.Range(0, Bins).Select(b => members.Count(m => bins[m][b]) * 2 >= members.Count).ToArray())))
            .ToList();
    }

    private static bool[] ToBins(IReadOnlyList<string> windows)
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

    private static List<string> Spans(bool[] bins)
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
