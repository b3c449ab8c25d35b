namespace Collector.Detection.Network;

/// <summary>
/// Builds the account network: two accounts are tied once per chain in which both posted within the window of each
/// other (the weight, CooRnet's co-posting), and once per chain both posted in at all (the co-appearances: shifts and
/// time zones spread a team's reposts over days, but the same accounts keep turning up in the same chains). An edge is
/// kept when either count reaches the minimum weight ("repeatedly"); Louvain then finds communities on the larger count.
/// Chains with more than <see cref="MaxTeam"/> accounts are popular content, not a team: only their co-posting counts.
/// </summary>
internal static class CoordinationNetworkBuilder
{
    /// <summary>In a crowded chain a post is paired with at most this many earlier posts inside the window.</summary>
    private const int MaxLookBack = 300;

    /// <summary>Chains with more accounts than this count only for co-posting within the window (pairs grow as its square).</summary>
    internal const int MaxTeam = 60;

    public static CoordinationNetwork Build(PostTable table, IReadOnlyList<RepostChain> chains, int[][] chainPosts, DetectionOptions options)
    {
        var estimated = options.CoordinationWindow is null;
        var window = options.CoordinationWindow ?? WindowEstimator.Estimate(chainPosts.Select(posts => DistinctAccountTimes(table, posts)));
        var windows = new List<TimeSpan> { window };
        windows.AddRange(options.ReportWindows.Where(w => w != window).Distinct().Order());
        var maxWindow = (long)windows.Max().TotalSeconds;

        // (a, b) -> per window count, plus the chains behind the main-window count.
        var counts = new Dictionary<(int, int), int[]>();
        var edgeChains = new Dictionary<(int, int), List<int>>();
        var pairBest = new Dictionary<(int, int), long>();
        var together = new Dictionary<(int, int), List<int>>();
        for (var c = 0; c < chainPosts.Length; c++)
        {
            var posts = chainPosts[c];
            pairBest.Clear();
            CountCoAppearances(table, posts, c, together);
            for (var x = 0; x < posts.Length; x++)
            {
                var i = posts[x];
                var ai = table.Account[i];
                if (ai < 0)
                {
                    continue;
                }

                for (var y = x - 1; y >= 0 && y >= x - MaxLookBack; y--)
                {
                    var j = posts[y];
                    var gap = table.Times[i] - table.Times[j];
                    if (gap > maxWindow)
                    {
                        break;
                    }

                    var aj = table.Account[j];
                    if (aj < 0 || aj == ai)
                    {
                        continue;
                    }

                    var key = ai < aj ? (ai, aj) : (aj, ai);
                    if (!pairBest.TryGetValue(key, out var best) || gap < best)
                    {
                        pairBest[key] = gap;
                    }
                }
            }

            foreach (var (key, gap) in pairBest)
            {
                if (!counts.TryGetValue(key, out var perWindow))
                {
                    counts[key] = perWindow = new int[windows.Count];
                }

                for (var w = 0; w < windows.Count; w++)
                {
                    if (gap <= windows[w].TotalSeconds)
                    {
                        perWindow[w]++;
                    }
                }

                if (gap <= window.TotalSeconds)
                {
                    if (!edgeChains.TryGetValue(key, out var list))
                    {
                        edgeChains[key] = list = [];
                    }

                    list.Add(c);
                }
            }
        }

        foreach (var key in together.Keys)
        {
            if (!counts.ContainsKey(key))
            {
                counts[key] = new int[windows.Count];
            }
        }

        int Together((int, int) key) => together.TryGetValue(key, out var list) ? list.Count : 0;
        var kept = counts.Where(kv => kv.Value[0] >= options.MinEdgeWeight || Together(kv.Key) >= options.MinEdgeWeight).OrderBy(kv => kv.Key).ToList();
        var nodeIndex = new Dictionary<int, int>();
        var nodeAccounts = new List<int>();
        foreach (var (key, _) in kept)
        {
            foreach (var a in new[] { key.Item1, key.Item2 })
            {
                if (!nodeIndex.ContainsKey(a))
                {
                    nodeIndex[a] = nodeAccounts.Count;
                    nodeAccounts.Add(a);
                }
            }
        }

        var louvainEdges = kept.Select(kv => (nodeIndex[kv.Key.Item1], nodeIndex[kv.Key.Item2], (double)Math.Max(kv.Value[0], Together(kv.Key)))).ToList();
        var (community, modularity) = Louvain.Detect(nodeAccounts.Count, louvainEdges);

        var chainsOfAccount = new Dictionary<int, HashSet<int>>();
        var degree = new double[nodeAccounts.Count];
        var edges = new List<NetworkEdge>(kept.Count);
        foreach (var (key, perWindow) in kept)
        {
            var shared = together.GetValueOrDefault(key) ?? edgeChains.GetValueOrDefault(key) ?? [];
            foreach (var a in new[] { key.Item1, key.Item2 })
            {
                if (!chainsOfAccount.TryGetValue(a, out var set))
                {
                    chainsOfAccount[a] = set = [];
                }

                set.UnionWith(shared);
            }

            var weight = Math.Max(perWindow[0], Together(key));
            degree[nodeIndex[key.Item1]] += weight;
            degree[nodeIndex[key.Item2]] += weight;
            edges.Add(new NetworkEdge
            {
                Source = table.AccountKeys[key.Item1],
                Target = table.AccountKeys[key.Item2],
                Weight = perWindow[0],
                WeightsByWindow = perWindow,
                CoAppearances = Together(key),
                Chains = shared.Select(c => chains[c].Id).ToList(),
            });
        }

        var nodes = new List<NetworkNode>(nodeAccounts.Count);
        for (var n = 0; n < nodeAccounts.Count; n++)
        {
            var a = nodeAccounts[n];
            nodes.Add(new NetworkNode(table.AccountKeys[a], table.PlatformNames[table.AccountPlatform[a]], table.AccountHandles[a],
                community[n], chainsOfAccount.GetValueOrDefault(a)?.Count ?? 0, degree[n]));
        }

        var internalWeight = new Dictionary<int, int>();
        foreach (var (key, perWindow) in kept)
        {
            var ca = community[nodeIndex[key.Item1]];
            if (ca == community[nodeIndex[key.Item2]])
            {
                internalWeight[ca] = internalWeight.GetValueOrDefault(ca) + Math.Max(perWindow[0], Together(key));
            }
        }

        var communities = nodes.GroupBy(n => n.Community)
            .Select(g => new Community(
                g.Key,
                g.Select(n => n.Id).Order(StringComparer.Ordinal).ToList(),
                g.Select(n => n.Platform).Distinct().Order(StringComparer.Ordinal).ToList(),
                internalWeight.GetValueOrDefault(g.Key)))
            .OrderByDescending(c => c.Members.Count)
            .ThenBy(c => c.Id)
            .ToList();

        return new CoordinationNetwork
        {
            Window = window,
            WindowEstimated = estimated,
            ReportWindows = windows,
            MinEdgeWeight = options.MinEdgeWeight,
            Nodes = nodes,
            Edges = edges,
            Communities = communities,
            Modularity = modularity,
        };
    }

    /// <summary>Adds chain <paramref name="c"/> to every pair of distinct accounts posting in it (up to <see cref="MaxTeam"/> accounts).</summary>
    private static void CountCoAppearances(PostTable table, int[] posts, int c, Dictionary<(int, int), List<int>> together)
    {
        var accounts = posts.Select(i => table.Account[i]).Where(a => a >= 0).Distinct().Order().ToArray();
        if (accounts.Length < 2 || accounts.Length > MaxTeam)
        {
            return;
        }

        for (var x = 0; x < accounts.Length; x++)
        {
            for (var y = x + 1; y < accounts.Length; y++)
            {
                var key = (accounts[x], accounts[y]);
                if (!together.TryGetValue(key, out var list))
                {
                    together[key] = list = [];
                }

                list.Add(c);
            }
        }
    }

    private static long[] DistinctAccountTimes(PostTable table, int[] posts)
    {
        var seen = new HashSet<int>();
        var times = new List<long>();
        foreach (var i in posts)
        {
            if (table.Account[i] >= 0 && seen.Add(table.Account[i]))
            {
                times.Add(table.Times[i]);
            }
        }

        return [.. times];
    }
}
