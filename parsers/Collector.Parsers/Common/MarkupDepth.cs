namespace Collector.Parsers.Common;

/// <summary>
/// A cheap estimate of how deeply a page's tags nest, taken before building a DOM: HTML parsers check "in scope" by
/// walking the open-element stack, so a hostile page nested 100 000 deep costs them quadratic time.
/// </summary>
public static class MarkupDepth
{
    /// <summary>Deeper than any real page (real pages stay under a few hundred).</summary>
    public const int Limit = 4000;

    private static readonly HashSet<string> VoidTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "!doctype",
    };

    /// <summary>The largest nesting seen (scanning stops once it passes <paramref name="stopAt"/>).</summary>
    public static int Max(string html, int stopAt = Limit)
    {
        var depth = 0;
        var max = 0;
        var lookup = VoidTags.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var i = html.IndexOf('<'); i >= 0 && i < html.Length - 1; i = html.IndexOf('<', i + 1))
        {
            var next = html[i + 1];
            if (next == '/')
            {
                depth = Math.Max(0, depth - 1);
                continue;
            }

            if (!char.IsAsciiLetter(next))
            {
                continue;
            }

            var end = i + 1;
            while (end < html.Length && (char.IsAsciiLetterOrDigit(html[end]) || html[end] == '-'))
            {
                end++;
            }

            if (lookup.Contains(html.AsSpan(i + 1, end - i - 1)))
            {
                continue;
            }

            var gt = html.IndexOf('>', end);
            if (gt > 0 && html[gt - 1] == '/')
            {
                continue;
            }

            if (++depth > max)
            {
                max = depth;
                if (max > stopAt)
                {
                    return max;
                }
            }
        }

        return max;
    }
}

/// <summary>The page cannot be parsed safely (nesting far beyond any real page); the parser base classifies it.</summary>
public sealed class HostileMarkupException(string message) : Exception(message);
