namespace Collector.Detection.Behaviour;

/// <summary>
/// Holm's step-down procedure (Holm 1979, "A simple sequentially rejective multiple test procedure", Scand. J. Statist.
/// 6(2)) on evidence given in decades (-log10 of each test's chance): the family-wise error stays at most the level, as
/// with Bonferroni, and every flag after the first faces a slightly lower bar. Tests that were never candidates count in
/// the family with chance 1.
/// </summary>
internal static class HolmBonferroni
{
    /// <summary>
    /// The bar in decades the last discovery had to clear (the first bar when there is none) and each candidate's adjusted
    /// chance (the smallest family-wise level at which it would still be a discovery), in the candidates' order.
    /// </summary>
    public static (double Bar, double[] Adjusted) Control(IReadOnlyList<double> evidence, int tests, double level)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(tests, evidence.Count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(level);
        var family = Math.Max(1, tests);
        var order = Enumerable.Range(0, evidence.Count).OrderByDescending(i => evidence[i]).ToArray();
        var adjusted = new double[evidence.Count];
        var running = 0.0;
        var bar = Math.Log10(family / level);
        var rejecting = true;
        for (var rank = 0; rank < order.Length; rank++)
        {
            var i = order[rank];
            var remaining = family - rank;
            running = Math.Max(running, Math.Min(1, Math.Pow(10, Math.Log10(remaining) - evidence[i])));
            adjusted[i] = running;
            if (rejecting && running <= level)
            {
                bar = Math.Log10(remaining / level);
            }
            else
            {
                rejecting = false;
            }
        }

        return (bar, adjusted);
    }
}
