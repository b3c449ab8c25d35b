namespace Collector.Detection.Text;

/// <summary>Exact set similarity of two sorted distinct shingle arrays.</summary>
internal static class ShingleSimilarity
{
    public static int Intersection(ReadOnlySpan<uint> x, ReadOnlySpan<uint> y)
    {
        int i = 0, j = 0, common = 0;
        while (i < x.Length && j < y.Length)
        {
            var a = x[i];
            var b = y[j];
            if (a == b)
            {
                common++;
                i++;
                j++;
            }
            else if (a < b)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return common;
    }

    public static double Jaccard(ReadOnlySpan<uint> x, ReadOnlySpan<uint> y)
    {
        if (x.Length == 0 || y.Length == 0)
        {
            return 0;
        }

        var common = Intersection(x, y);
        return (double)common / (x.Length + y.Length - common);
    }

    /// <summary>
    /// The near-duplicate test of two texts: their word shingles pass <see cref="IsNearDuplicate(ReadOnlySpan{uint}, ReadOnlySpan{uint}, DetectionOptions)"/>,
    /// or their character shingles have Jaccard at the same threshold (a copy with a typo every few words).
    /// </summary>
    public static bool IsNearDuplicate(in TextFeatures x, in TextFeatures y, DetectionOptions options) =>
        IsNearDuplicate(x.Shingles, y.Shingles, options)
        || (!ReferenceEquals(x.CharacterShingles, x.Shingles) && Jaccard(x.CharacterShingles, y.CharacterShingles) >= options.JaccardThreshold);

    /// <summary>The near-duplicate test: Jaccard at the threshold, or the smaller set contained in the larger (truncation).</summary>
    public static bool IsNearDuplicate(ReadOnlySpan<uint> x, ReadOnlySpan<uint> y, DetectionOptions options)
    {
        if (x.Length == 0 || y.Length == 0)
        {
            return false;
        }

        var common = Intersection(x, y);
        var jaccard = (double)common / (x.Length + y.Length - common);
        if (jaccard >= options.JaccardThreshold)
        {
            return true;
        }

        var smaller = Math.Min(x.Length, y.Length);
        return smaller >= options.MinContainmentShingles && (double)common / smaller >= options.ContainmentThreshold;
    }
}
