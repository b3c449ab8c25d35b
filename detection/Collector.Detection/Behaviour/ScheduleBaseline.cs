namespace Collector.Detection.Behaviour;

/// <summary>
/// What ordinary posting looks like in people's own frames (see <see cref="WeekFrame"/>): the share of posts in each
/// 15-minute bin of the day and the share on the quietest two consecutive days of the week, for the whole archive and
/// per platform. Smoothed with one pseudo-post per bin: spread evenly for the archive (Laplace), and spread as the
/// archive posts for a platform (Dirichlet-prior smoothing towards the collection's model, as Zhai and Lafferty 2001
/// smooth a document's language model), so a platform with few accounts falls back towards the archive, not towards
/// "any time of day".
/// </summary>
internal sealed class ScheduleBaseline(ScheduleBaseline? prior = null)
{
    private const double PriorWeight = WeekFrame.BinsPerDay;

    private readonly double[] counts = new double[WeekFrame.BinsPerDay];
    private readonly double[] days = new double[7];

    public double Total { get; private set; }

    public void Add(int frameMinuteOfWeek)
    {
        counts[frameMinuteOfWeek % 1440 / WeekFrame.BinMinutes]++;
        days[frameMinuteOfWeek / 1440]++;
        Total++;
    }

    /// <summary>Share (0-1) of ordinary posts that fall in the given bins of the day.</summary>
    public double Mass(bool[] bins)
    {
        double inside = 0;
        for (var b = 0; b < bins.Length; b++)
        {
            if (bins[b])
            {
                inside += counts[b] + (prior is null ? 1 : 0);
            }
        }

        return prior is null
            ? inside / (Total + PriorWeight)
            : (inside + (PriorWeight * prior.Mass(bins))) / (Total + PriorWeight);
    }

    /// <summary>Share (0-1) of ordinary posts on a day of the week (frame day), smoothed as <see cref="RestShare"/> is.</summary>
    public double DayShare(int frameDay) => prior is null
        ? (days[frameDay] + 1) / (Total + 7)
        : (days[frameDay] + (7 * prior.DayShare(frameDay))) / (Total + 7);

    /// <summary>
    /// Share (0-1) of ordinary posts in the given quarter hours of each day of the week (frame days): the day's share
    /// times the quarter hours' share, summed over the days (day and time of day taken as independent, as the rest-day
    /// and window tests of the first stage take them).
    /// </summary>
    public double WeekMass(bool[][] binsByDay)
    {
        var mass = 0.0;
        for (var d = 0; d < 7; d++)
        {
            if (binsByDay[d].Any(b => b))
            {
                mass += DayShare(d) * Mass(binsByDay[d]);
            }
        }

        return mass;
    }

    /// <summary>Share of ordinary posts on the quietest two consecutive days (what a rest "weekend" costs an ordinary week).</summary>
    public double RestShare()
    {
        var best = double.MaxValue;
        for (var d = 0; d < 7; d++)
        {
            best = Math.Min(best, days[d] + days[(d + 1) % 7] + (prior is null ? 2 : 0));
        }

        return prior is null ? best / (Total + 7) : (best + (7 * prior.RestShare())) / (Total + 7);
    }
}
