namespace Collector.Detection.Network;

/// <summary>Louvain community detection (Blondel et al. 2008) on an undirected weighted graph, deterministic order.</summary>
internal static class Louvain
{
    /// <summary>Community per node (0-based, dense) and the modularity reached.</summary>
    public static (int[] Community, double Modularity) Detect(int nodeCount, IReadOnlyList<(int A, int B, double W)> edges)
    {
        var membership = new int[nodeCount];
        for (var i = 0; i < nodeCount; i++)
        {
            membership[i] = i;
        }

        var graph = Graph.From(nodeCount, edges);
        for (var level = 0; level < 20; level++)
        {
            var (local, moved) = OneLevel(graph);
            for (var i = 0; i < nodeCount; i++)
            {
                membership[i] = local[membership[i]];
            }

            if (!moved)
            {
                break;
            }

            graph = graph.Aggregate(local);
        }

        return (membership, Modularity(nodeCount, edges, membership));
    }

    public static double Modularity(int nodeCount, IReadOnlyList<(int A, int B, double W)> edges, int[] membership)
    {
        var total = edges.Sum(e => e.W);
        if (total <= 0)
        {
            return 0;
        }

        var degree = new double[nodeCount];
        var inside = new Dictionary<int, double>();
        foreach (var (a, b, w) in edges)
        {
            degree[a] += w;
            degree[b] += w;
            if (membership[a] == membership[b])
            {
                inside[membership[a]] = inside.GetValueOrDefault(membership[a]) + w;
            }
        }

        var tot = new Dictionary<int, double>();
        for (var i = 0; i < nodeCount; i++)
        {
            tot[membership[i]] = tot.GetValueOrDefault(membership[i]) + degree[i];
        }

        var q = 0.0;
        foreach (var (c, t) in tot)
        {
            q += (inside.GetValueOrDefault(c) / total) - Math.Pow(t / (2 * total), 2);
        }

        return q;
    }

    private static (int[] Local, bool Moved) OneLevel(Graph g)
    {
        var n = g.NodeCount;
        var community = new int[n];
        var tot = new double[n];
        for (var i = 0; i < n; i++)
        {
            community[i] = i;
            tot[i] = g.Degree[i];
        }

        var m2 = g.TotalWeight * 2;
        var anyMove = false;
        var neighbourWeight = new Dictionary<int, double>();
        for (var pass = 0; pass < 50 && m2 > 0; pass++)
        {
            var moved = false;
            for (var i = 0; i < n; i++)
            {
                neighbourWeight.Clear();
                foreach (var (j, w) in g.Adjacent[i])
                {
                    if (j != i)
                    {
                        neighbourWeight[community[j]] = neighbourWeight.GetValueOrDefault(community[j]) + w;
                    }
                }

                var own = community[i];
                tot[own] -= g.Degree[i];
                var best = own;
                var bestGain = neighbourWeight.GetValueOrDefault(own) - (tot[own] * g.Degree[i] / m2);
                foreach (var (c, w) in neighbourWeight.OrderBy(kv => kv.Key))
                {
                    var gain = w - (tot[c] * g.Degree[i] / m2);
                    if (gain > bestGain + 1e-12)
                    {
                        bestGain = gain;
                        best = c;
                    }
                }

                tot[best] += g.Degree[i];
                if (best != own)
                {
                    community[i] = best;
                    moved = true;
                    anyMove = true;
                }
            }

            if (!moved)
            {
                break;
            }
        }

        var renumber = new Dictionary<int, int>();
        var local = new int[n];
        for (var i = 0; i < n; i++)
        {
            if (!renumber.TryGetValue(community[i], out var c))
            {
                c = renumber.Count;
                renumber[community[i]] = c;
            }

            local[i] = c;
        }

        return (local, anyMove && renumber.Count < n);
    }

    private sealed class Graph
    {
        public required int NodeCount { get; init; }
        public required List<(int Node, double W)>[] Adjacent { get; init; }
        public required double[] Degree { get; init; }
        public required double TotalWeight { get; init; }

        public static Graph From(int n, IEnumerable<(int A, int B, double W)> edges)
        {
            var adjacent = new List<(int, double)>[n];
            for (var i = 0; i < n; i++)
            {
                adjacent[i] = [];
            }

            var degree = new double[n];
            var total = 0.0;
            foreach (var (a, b, w) in edges)
            {
                adjacent[a].Add((b, w));
                degree[a] += w;
                if (a != b)
                {
                    adjacent[b].Add((a, w));
                    degree[b] += w;
                }
                else
                {
                    degree[a] += w;
                }

                total += w;
            }

            return new Graph { NodeCount = n, Adjacent = adjacent, Degree = degree, TotalWeight = total };
        }

        public Graph Aggregate(int[] local)
        {
            var count = local.Max() + 1;
            var weights = new Dictionary<(int, int), double>();
            for (var i = 0; i < NodeCount; i++)
            {
                foreach (var (j, w) in Adjacent[i])
                {
                    if (j < i)
                    {
                        continue;
                    }

                    var a = Math.Min(local[i], local[j]);
                    var b = Math.Max(local[i], local[j]);
                    weights[(a, b)] = weights.GetValueOrDefault((a, b)) + w;
                }
            }

            return From(count, weights.Select(kv => (kv.Key.Item1, kv.Key.Item2, kv.Value)));
        }
    }
}
