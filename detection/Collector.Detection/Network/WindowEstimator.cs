namespace Collector.Detection.Network;

/// <summary>
/// Estimates the coordination window from the data as CooRnet does: for every chain shared by two or more accounts,
/// the delay from its first post until a share <c>p</c> of its posts had appeared; the window is the <c>q</c> quantile of
/// those delays over all chains (defaults p = 0.5, q = 0.1), i.e. how fast the fastest spreading content spreads.
/// </summary>
public static class WindowEstimator
{
    public static readonly TimeSpan Minimum = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan Maximum = TimeSpan.FromHours(24);
    public static readonly TimeSpan Fallback = TimeSpan.FromMinutes(10);

    /// <param name="chainTimes">Per chain, the ascending post times (unix seconds) of posts by distinct accounts.</param>
    public static TimeSpan Estimate(IEnumerable<long[]> chainTimes, double p = 0.5, double q = 0.1)
    {
        var delays = new List<long>();
        foreach (var times in chainTimes)
        {
            if (times.Length < 2)
            {
                continue;
            }

            var k = Math.Max(1, (int)Math.Ceiling(p * times.Length) - 1);
            delays.Add(times[k] - times[0]);
        }

        if (delays.Count == 0)
        {
            return Fallback;
        }

        delays.Sort();
        var value = delays[Math.Min(delays.Count - 1, (int)Math.Floor(q * (delays.Count - 1)))];
        var window = TimeSpan.FromSeconds(value);
        return window < Minimum ? Minimum : window > Maximum ? Maximum : window;
    }
}
