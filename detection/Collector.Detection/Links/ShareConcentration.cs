namespace Collector.Detection.Links;

/// <summary>
/// How concentrated the sharing of one link or image is: the largest share of its posts that fall inside one window.
/// A campaign posts its link in a burst (close to 1); big news or a viral meme is shared by many unrelated accounts
/// over days or weeks (low), and then the link alone ties nothing.
/// </summary>
public static class ShareConcentration
{
    /// <summary>Share (0-1) of <paramref name="sortedTimes"/> (ascending, unix seconds) inside the densest window.</summary>
    public static double Densest(ReadOnlySpan<long> sortedTimes, TimeSpan window)
    {
        if (sortedTimes.Length == 0)
        {
            return 0;
        }

        var width = (long)window.TotalSeconds;
        var best = 1;
        var left = 0;
        for (var right = 0; right < sortedTimes.Length; right++)
        {
            while (sortedTimes[right] - sortedTimes[left] > width)
            {
                left++;
            }

            best = Math.Max(best, right - left + 1);
        }

        return (double)best / sortedTimes.Length;
    }

    /// <summary>
    /// The weight of a shared key: 1 when few accounts share it; otherwise the densest-window share.
    /// A key ties its posts when the weight reaches the threshold.
    /// </summary>
    public static double Weight(ReadOnlySpan<long> sortedTimes, int distinctAccounts, TimeSpan window, int viralMinAccounts)
    {
        var densest = Densest(sortedTimes, window);
        if (distinctAccounts < viralMinAccounts)
        {
            // Few accounts: still, two strangers sharing the same blog post a week apart are not a chain.
            return sortedTimes.Length <= 1 ? 0 : densest;
        }

        // Many accounts: a burst still counts, but the weight falls with the number of accounts outside it.
        return densest * densest;
    }
}
