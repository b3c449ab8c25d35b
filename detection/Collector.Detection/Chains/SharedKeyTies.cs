using Collector.Detection.Links;

namespace Collector.Detection.Chains;

/// <summary>
/// Ties the posts that share one key (a canonical link, an image's hash group, a canonical media URL) when the key's
/// sharing is concentrated enough (see <see cref="ShareConcentration"/>); widely and slowly shared keys tie nothing.
/// </summary>
internal sealed class SharedKeyTies(PostTable table, DetectionOptions options, UnionFind chains, MatchBits[] matched)
{
    /// <summary>Keys that tied posts, per post (for the report's "shared" list).</summary>
    public Dictionary<int, List<string>> KeysByPost { get; } = [];

    public (int Tying, int DownWeighted) Tie(Dictionary<string, List<int>> groups, TimeSpan window, MatchBits bit)
    {
        int tying = 0, down = 0;
        var times = new List<long>();
        var accounts = new HashSet<int>();
        foreach (var (key, members) in groups)
        {
            if (members.Count < 2)
            {
                continue;
            }

            var posts = members.Distinct().ToList();
            if (posts.Count < 2)
            {
                continue;
            }

            times.Clear();
            accounts.Clear();
            foreach (var p in posts)
            {
                times.Add(table.Times[p]);
                accounts.Add(table.Account[p] >= 0 ? table.Account[p] : -1 - p);
            }

            times.Sort();
            var weight = ShareConcentration.Weight(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(times), accounts.Count, window, options.ViralMinAccounts);
            if (weight < options.MinShareConcentration)
            {
                down++;
                continue;
            }

            tying++;
            foreach (var p in posts)
            {
                chains.Union(posts[0], p);
                matched[p] |= bit;
                if (!KeysByPost.TryGetValue(p, out var keys))
                {
                    KeysByPost[p] = keys = [];
                }

                if (keys.Count < 4)
                {
                    keys.Add(key);
                }
            }
        }

        return (tying, down);
    }
}
