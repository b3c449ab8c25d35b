using System.Security.Cryptography;
using System.Text;

namespace Collector.Detection.Chains;

/// <summary>Turns the tied sets of posts into ordered chains: origin first, platforms in order of first appearance.</summary>
internal static class ChainAssembler
{
    /// <summary>
    /// Chains of two or more posts, ordered by origin time; <paramref name="chainOf"/> gets each post's chain index (-1 for none).
    /// The origin is the earliest post, unless that post links to another post of the chain: a linked post is earlier
    /// evidence whatever the clocks say (a missing publication time, a first-seen stand-in), so the links are followed.
    /// </summary>
    public static List<RepostChain> Assemble(PostTable table, UnionFind ties, MatchBits[] matched, Dictionary<int, List<string>> keysByPost,
        Dictionary<int, List<int>> linksTo, out int[] chainOf)
    {
        var members = new Dictionary<int, List<int>>();
        for (var i = 0; i < table.Count; i++)
        {
            if (matched[i] == MatchBits.None)
            {
                continue;
            }

            var root = ties.Find(i);
            if (ties.SizeOf(root) < 2)
            {
                continue;
            }

            if (!members.TryGetValue(root, out var list))
            {
                members[root] = list = [];
            }

            list.Add(i);
        }

        var ordered = members.Values
            .Where(l => l.Count >= 2)
            .Select(l => OriginFirst(l.OrderBy(i => table.Posts[i].Time).ThenBy(i => table.Posts[i].Post.Platform, StringComparer.Ordinal).ThenBy(i => table.Posts[i].Post.Id, StringComparer.Ordinal).ToList(), linksTo))
            .OrderBy(l => table.Times[l[0]])
            .ThenBy(l => table.Posts[l[0]].Post.Id, StringComparer.Ordinal)
            .ToList();

        chainOf = new int[table.Count];
        Array.Fill(chainOf, -1);
        var chains = new List<RepostChain>(ordered.Count);
        foreach (var list in ordered)
        {
            var index = chains.Count;
            var posts = new List<ChainPost>(list.Count);
            var platforms = new List<string>();
            var keys = new List<string>();
            for (var k = 0; k < list.Count; k++)
            {
                var i = list[k];
                chainOf[i] = index;
                var dp = table.Posts[i];
                var p = dp.Post;
                if (!platforms.Contains(p.Platform))
                {
                    platforms.Add(p.Platform);
                }

                if (keysByPost.TryGetValue(i, out var postKeys))
                {
                    foreach (var key in postKeys)
                    {
                        if (keys.Count < 6 && !keys.Contains(key))
                        {
                            keys.Add(key);
                        }
                    }
                }

                posts.Add(new ChainPost
                {
                    Platform = p.Platform,
                    Id = p.Id,
                    PublishedAt = dp.Time,
                    Author = PostTable.HandleOf(p),
                    Role = k == 0 ? "origin" : "repost",
                    MatchedBy = matched[i].ToWire(),
                    Url = p.Url,
                    Text = Snippet(p.Text ?? p.Title),
                    TimeIsFirstSeen = p.PublishedAt is null,
                });
            }

            var origin = table.Posts[list[0]].Post;
            chains.Add(new RepostChain
            {
                Id = ChainId(origin.Platform, origin.Id),
                Origin = new PostRef(origin.Platform, origin.Id),
                Posts = posts,
                Platforms = platforms,
                CrossPlatform = platforms.Count > 1,
                SpreadSeconds = (long)(table.Posts[list[^1]].Time - table.Posts[list[0]].Time).TotalSeconds,
                SharedKeys = keys,
            });
        }

        return chains;
    }

    /// <summary>Moves the origin to the front: from the earliest post, follow its links to archived posts back to one that links to none.</summary>
    internal static List<int> OriginFirst(List<int> byTime, Dictionary<int, List<int>> linksTo)
    {
        var origin = byTime[0];
        var visited = new HashSet<int> { origin };
        while (linksTo.TryGetValue(origin, out var targets))
        {
            var next = targets.Where(visited.Add).OrderBy(byTime.IndexOf).FirstOrDefault(-1);
            if (next < 0)
            {
                break;
            }

            origin = next;
        }

        if (origin != byTime[0])
        {
            byTime.Remove(origin);
            byTime.Insert(0, origin);
        }

        return byTime;
    }

    /// <summary>A stable id: the same origin gives the same chain id in every run.</summary>
    public static string ChainId(string platform, string id)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(platform + ":" + id));
        return "chain-" + Convert.ToHexStringLower(bytes.AsSpan(0, 6));
    }

    /// <summary>The text as the report shows it (expandable): whole, up to 4,000 characters.</summary>
    private static string? Snippet(string? text) => text is null || text.Length <= 4000 ? text : text[..4000] + "…";
}
