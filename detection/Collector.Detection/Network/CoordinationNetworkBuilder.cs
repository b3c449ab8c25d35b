namespace Collector.Detection.Network;

/// <summary>
/// Builds the account network: two accounts are tied once per chain in which both posted within the window of each
/// other; the weight is the number of such chains. Edges under the minimum weight are dropped, then Louvain finds
/// communities.
/// </summary>
internal static class CoordinationNetworkBuilder
{
    /// <summary>In a crowded chain a post is paired with at most this many earlier posts inside the window.</summary>
    private const int MaxLookBack = 300;

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
        for (var c = 0; c < chainPosts.Length; c++)
        {
            var posts = chainPosts[c];
            pairBest.Clear();
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

        var kept = counts.Where(kv => kv.Value[0] >= options.MinEdgeWeight).OrderBy(kv => kv.Key).ToList();
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

        var louvainEdges = kept.Select(kv => (nodeIndex[kv.Key.Item1], nodeIndex[kv.Key.Item2], (double)kv.Value[0])).ToList();
        var (community, modularity) = Louvain.Detect(nodeAccounts.Count, louvainEdges);

        var chainsOfAccount = new Dictionary<int, HashSet<int>>();
        var degree = new double[nodeAccounts.Count];
        var edges = new List<NetworkEdge>(kept.Count);
        foreach (var (key, perWindow) in kept)
        {
            var shared = edgeChains.GetValueOrDefault(key) ?? [];
            foreach (var a in new[] { key.Item1, key.Item2 })
            {
                if (!chainsOfAccount.TryGetValue(a, out var set))
                {
                    chainsOfAccount[a] = set = [];
                }

                set.UnionWith(shared);
            }

            degree[nodeIndex[key.Item1]] += perWindow[0];
            degree[nodeIndex[key.Item2]] += perWindow[0];
            edges.Add(new NetworkEdge
            {
                Source = table.AccountKeys[key.Item1],
                Target = table.AccountKeys[key.Item2],
                Weight = perWindow[0],
                WeightsByWindow = perWindow,
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
                internalWeight[ca] = internalWeight.GetValueOrDefault(ca) + perWindow[0];
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
