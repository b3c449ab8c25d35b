using Collector.Detection.Links;

namespace Collector.Detection.Chains;

/// <summary>
/// Link-to-post ties: a post whose text or links hold the (canonicalized) address of another archived post is tied to
/// it, however many others link to it too: a link to the original is the strongest tie there is, so no big-news guard
/// applies. The remaining links, to pages outside the archive, are returned as co-link groups for
/// <see cref="SharedKeyTies"/>, which keeps its guard.
/// </summary>
internal sealed class PostLinkTies(PostTable table)
{
    /// <summary>Per post, the archived posts it links to (the origin rule reads them as earlier evidence).</summary>
    public Dictionary<int, List<int>> LinksTo { get; } = [];

    public int Tied { get; private set; }

    public Dictionary<string, List<int>> Tie(UnionFind ties, MatchBits[] matched, Dictionary<int, List<string>> keysByPost)
    {
        var own = new string?[table.Count];
        var shared = new IReadOnlyList<string>[table.Count];
        Parallel.For(0, table.Count, i =>
        {
            var post = table.Posts[i].Post;
            own[i] = UrlCanonicalizer.Canonicalize(post.Url);
            shared[i] = TextUrls.Keys(post);
        });

        var byAddress = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < table.Count; i++)
        {
            if (own[i] is { } key)
            {
                byAddress.TryAdd(key, i);
            }
        }

        var coLinks = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < table.Count; i++)
        {
            foreach (var key in shared[i])
            {
                if (byAddress.TryGetValue(key, out var target))
                {
                    if (target != i)
                    {
                        Link(i, target, key, ties, matched, keysByPost);
                    }

                    continue;
                }

                if (!coLinks.TryGetValue(key, out var list))
                {
                    coLinks[key] = list = [];
                }

                list.Add(i);
            }
        }

        return coLinks;
    }

    private void Link(int from, int target, string key, UnionFind ties, MatchBits[] matched, Dictionary<int, List<string>> keysByPost)
    {
        ties.Union(from, target);
        matched[from] |= MatchBits.LinkToPost;
        matched[target] |= MatchBits.LinkToPost;
        if (!LinksTo.TryGetValue(from, out var targets))
        {
            LinksTo[from] = targets = [];
        }

        targets.Add(target);
        Tied++;
        if (!keysByPost.TryGetValue(from, out var keys))
        {
            keysByPost[from] = keys = [];
        }

        if (keys.Count < 4 && !keys.Contains(key))
        {
            keys.Add(key);
        }
    }
}
