using Collector.Detection.Links;

namespace Collector.Detection.Chains;

/// <summary>
/// Ties the posts that share one key (a canonical link, an image's hash group, a canonical media URL) when the key's
/// sharing is concentrated enough (see <see cref="ShareConcentration"/>); widely and slowly shared keys tie nothing.
/// A key many accounts share in a burst (a viral meme, the day's news) ties only the accounts among them that are
/// repeat co-sharers: ones already tied, by another text, link or image, to another account sharing the key. Popularity
/// alone ties strangers to nothing; repetition is what coordination looks like (CooRnet's "repeatedly" rule).
/// </summary>
internal sealed class SharedKeyTies(PostTable table, DetectionOptions options, UnionFind chains, MatchBits[] matched)
{
    /// <summary>Keys that tied posts, per post (for the report's "shared" list).</summary>
    public Dictionary<int, List<string>> KeysByPost { get; } = [];

    public (int Tying, int DownWeighted) Tie(Dictionary<string, List<int>> groups, TimeSpan window, MatchBits bit)
    {
        int tying = 0, down = 0;
        Dictionary<int, HashSet<int>>? chainsByAccount = null;
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

            if (accounts.Count >= options.ViralMinAccounts)
            {
                posts = RepeatCoSharers(posts, chainsByAccount ??= ChainsByAccount());
                if (posts.Count < 2)
                {
                    down++;
                    continue;
                }
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

    /// <summary>The posts whose account shares an existing chain with another account of the same key.</summary>
    private List<int> RepeatCoSharers(List<int> posts, Dictionary<int, HashSet<int>> chainsByAccount)
    {
        var accountsByChain = new Dictionary<int, HashSet<int>>();
        foreach (var account in posts.Select(p => table.Account[p]).Where(a => a >= 0).Distinct())
        {
            foreach (var chain in chainsByAccount.GetValueOrDefault(account) ?? [])
            {
                if (!accountsByChain.TryGetValue(chain, out var set))
                {
                    accountsByChain[chain] = set = [];
                }

                set.Add(account);
            }
        }

        var repeat = accountsByChain.Values.Where(s => s.Count >= 2).SelectMany(s => s).ToHashSet();
        return posts.Where(p => repeat.Contains(table.Account[p])).ToList();
    }

    /// <summary>For every account, the tie sets of two or more posts it has a post in (a snapshot before this pass).</summary>
    private Dictionary<int, HashSet<int>> ChainsByAccount()
    {
        var byAccount = new Dictionary<int, HashSet<int>>();
        for (var i = 0; i < table.Count; i++)
        {
            if (matched[i] == MatchBits.None || table.Account[i] < 0)
            {
                continue;
            }

            var root = chains.Find(i);
            if (chains.SizeOf(root) < 2)
            {
                continue;
            }

            if (!byAccount.TryGetValue(table.Account[i], out var set))
            {
                byAccount[table.Account[i]] = set = [];
            }

            set.Add(root);
        }

        return byAccount;
    }
}
