using System.Globalization;

namespace Collector.Detection.Behaviour;

/// <summary>
/// Repurposed accounts: a change point before which one language dominates and after which that language is all but
/// abandoned (at most 1 - <see cref="DetectionOptions.LanguageMinDominance"/> of the posts), with a change of topic
/// (communities, hashtags and link domains barely overlap) or a dormancy gap before it (a fixed
/// <see cref="DetectionOptions.DormancyGap"/>, or a silence the account's own rhythm makes improbable, see <see cref="Dormant"/>). The new side need not be one
/// language: a bought account put to work for a campaign that posts in two languages has switched all the same.
/// A genuinely bilingual account mixes its languages throughout, so no split has one of them dominant before and gone after.
/// </summary>
internal static class LanguageSwitchDetector
{
    private const double MaxTopicOverlap = 0.2;

    /// <summary>The conventional 5% level below which a silence is too long to be the account's own pace.</summary>
    public const double DormancyLevel = 0.05;

    public static LanguageSwitchEvidence? Detect(PostTable table, List<int> posts, string?[] languages, DetectionOptions options)
    {
        var known = posts.Where(i => languages[i] is not null).ToList();
        var min = options.LanguageMinSegment;
        if (known.Count < 2 * min)
        {
            return null;
        }

        var codes = known.Select(i => languages[i]!).Distinct(StringComparer.Ordinal).ToList();
        if (codes.Count < 2)
        {
            return null;
        }

        // prefix[c][k] = posts of language c among the first k.
        var prefix = codes.Select(_ => new int[known.Count + 1]).ToArray();
        for (var k = 0; k < known.Count; k++)
        {
            for (var c = 0; c < codes.Count; c++)
            {
                prefix[c][k + 1] = prefix[c][k] + (languages[known[k]] == codes[c] ? 1 : 0);
            }
        }

        var bestSplit = -1;
        var bestScore = 0.0;
        int bestBefore = 0, bestAfter = 0;
        for (var split = min; split <= known.Count - min; split++)
        {
            var (before, beforeShare) = Dominant(prefix, 0, split);
            var (after, afterShare) = Dominant(prefix, split, known.Count);
            var keptShare = (double)(prefix[before][known.Count] - prefix[before][split]) / (known.Count - split);
            if (before == after || beforeShare < options.LanguageMinDominance || keptShare > 1 - options.LanguageMinDominance)
            {
                continue;
            }

            var gap = table.Times[known[split]] - table.Times[known[split - 1]];
            var score = beforeShare + (1 - keptShare) + Math.Min(1, gap / options.DormancyGap.TotalSeconds);
            if (score > bestScore)
            {
                (bestScore, bestSplit, bestBefore, bestAfter) = (score, split, before, after);
            }
        }

        if (bestSplit < 0)
        {
            return null;
        }

        var beforePosts = known.Take(bestSplit).ToList();
        var afterPosts = known.Skip(bestSplit).ToList();
        var topicBefore = Topic(table, beforePosts);
        var topicAfter = Topic(table, afterPosts);
        var union = topicBefore.Union(topicAfter).Count();
        var overlap = union == 0 ? 1.0 : (double)topicBefore.Intersect(topicAfter).Count() / union;
        var dormant = (table.Times[afterPosts[0]] - table.Times[beforePosts[^1]]) / 86400.0;
        // Where one side has no topic markers at all (no community, hashtag or link), the topic cannot be compared:
        // the language change alone stands as the evidence, as it does once the account lay dormant.
        var topicUnknown = topicBefore.Count == 0 || topicAfter.Count == 0;
        if (!topicUnknown && overlap > MaxTopicOverlap && dormant < options.DormancyGap.TotalDays && !Dormant(table, posts, dormant))
        {
            return null;
        }

        return new LanguageSwitchEvidence
        {
            LanguageBefore = codes[bestBefore],
            LanguageAfter = codes[bestAfter],
            DominanceBefore = Math.Round((double)prefix[bestBefore][bestSplit] / bestSplit, 3),
            DominanceAfter = Math.Round((double)(prefix[bestAfter][known.Count] - prefix[bestAfter][bestSplit]) / (known.Count - bestSplit), 3),
            SwitchedAt = table.Posts[afterPosts[0]].Time,
            DormantDays = Math.Round(dormant, 1),
            TopicOverlap = Math.Round(overlap, 3),
            TopicBefore = TopTerms(table, beforePosts),
            TopicAfter = TopTerms(table, afterPosts),
            LastBefore = beforePosts.TakeLast(3).Select(i => table.Evidence(i)).ToList(),
            FirstAfter = afterPosts.Take(3).Select(i => table.Evidence(i)).ToList(),
        };
    }

    /// <summary>
    /// A silence the account's own rhythm makes improbable: were it posting as a Poisson process at its mean rate over its
    /// whole history (n posts, n - 1 gaps), the chance that any gap lasts this long is at most (n - 1)·e^(-rate·gap) (a
    /// union bound over the gaps); below <see cref="DormancyLevel"/> the account went quiet, whatever its usual pace. A
    /// daily poster silent for three weeks was dormant; one who posts monthly was not.
    /// </summary>
    internal static bool Dormant(PostTable table, List<int> posts, double gapDays)
    {
        var spanDays = (table.Times[posts[^1]] - table.Times[posts[0]]) / 86400.0;
        if (posts.Count < 3 || spanDays <= 0)
        {
            return false;
        }

        var rate = (posts.Count - 1) / spanDays;
        return Math.Log(posts.Count - 1) - (rate * gapDays) < Math.Log(DormancyLevel);
    }

    private static (int Code, double Share) Dominant(int[][] prefix, int from, int to)
    {
        var best = 0;
        var bestCount = -1;
        for (var c = 0; c < prefix.Length; c++)
        {
            var count = prefix[c][to] - prefix[c][from];
            if (count > bestCount)
            {
                (best, bestCount) = (c, count);
            }
        }

        return (best, (double)bestCount / (to - from));
    }

    /// <summary>Topic terms: community, hashtags and link domains (language-independent markers of what is posted about).</summary>
    private static HashSet<string> Topic(PostTable table, List<int> posts)
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var i in posts)
        {
            foreach (var term in Terms(table.Posts[i].Post))
            {
                set.Add(term);
            }
        }

        return set;
    }

    private static IEnumerable<string> Terms(Model.Post p)
    {
        if (!string.IsNullOrWhiteSpace(p.Community))
        {
            yield return "community:" + p.Community.ToLowerInvariant();
        }

        foreach (var tag in p.Hashtags)
        {
            yield return "#" + tag.TrimStart('#').ToLowerInvariant();
        }

        foreach (var link in p.Links)
        {
            if (Uri.TryCreate(link, UriKind.Absolute, out var uri))
            {
                yield return "domain:" + uri.Host.ToLowerInvariant().Replace("www.", string.Empty, StringComparison.Ordinal);
            }
        }
    }

    private static List<string> TopTerms(PostTable table, List<int> posts) =>
        posts.SelectMany(i => Terms(table.Posts[i].Post))
            .GroupBy(t => t, StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(6)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} ({g.Count()})"))
            .ToList();
}
