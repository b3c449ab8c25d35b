namespace Collector.Detection;

/// <summary>
/// How the tested accounts rest: each account's share of sittings on its two quietest consecutive days, divided by the
/// share the archive's own two quietest days hold, counted in bins of <see cref="Width"/> from 0 to <see cref="Max"/> (the last count holds everything
/// above). An account at 1 posts there as much as the archive does (one with few posts falls below 1 by chance alone: its quietest pair is the least of seven); the shift test's cut (<see cref="Bar"/>) asks for near-silence.
/// The report draws it beside the cut so a reader can see where the cut falls in this archive's accounts.
/// </summary>
public sealed record RestRatioHistogram(IReadOnlyList<int> Counts, double Bar)
{
    public const double Width = 0.05;
    public const double Max = 2.0;
    public static readonly int Bins = (int)Math.Round(Max / Width);

    public static int BinOf(double ratio) => double.IsNaN(ratio) ? Bins : Math.Clamp((int)Math.Floor(ratio / Width), 0, Bins);

    public int Total => Counts.Sum();

    /// <summary>Accounts whose ratio lies in the bins below <paramref name="ratio"/> (a multiple of <see cref="Width"/>).</summary>
    public int Below(double ratio) => Counts.Take(Math.Min(Counts.Count, BinOf(ratio + 1e-9))).Sum();

    /// <summary>The ratio below which half the accounts lie (the bin's upper edge).</summary>
    public double Median()
    {
        var seen = 0;
        for (var i = 0; i < Counts.Count; i++)
        {
            seen += Counts[i];
            if (seen * 2 >= Total && Total > 0)
            {
                return Math.Min(Max, (i + 1) * Width);
            }
        }

        return double.NaN;
    }
}
