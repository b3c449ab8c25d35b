using System.Diagnostics;
using Collector.Detection.Behaviour;
using Collector.Detection.Chains;
using Collector.Detection.Images;
using Collector.Detection.Links;
using Collector.Detection.Network;
using Collector.Detection.Text;

namespace Collector.Detection;

/// <summary>
/// Detection in one call: match posts by text, link and image; build repost chains; build the coordination network;
/// check every account's behaviour. Works on archived and imported posts alike (see <see cref="DetectionPost"/>).
/// </summary>
public static class DetectionEngine
{
    /// <summary>The stages of <see cref="Run"/>, in order: each is reported to its <c>stageDone</c> callback when it ends.</summary>
    public static IReadOnlyList<string> Stages { get; } = ["load", "text-features", "near-duplicates", "links", "images", "chains", "network", "accounts"];

    /// <param name="posts">The posts to look at.</param>
    /// <param name="options">Thresholds and windows; the defaults when null.</param>
    /// <param name="stageDone">Told the name of each of <see cref="Stages"/> as it ends (on the calling thread), for progress.</param>
    public static DetectionResult Run(IEnumerable<DetectionPost> posts, DetectionOptions? options = null, Action<string>? stageDone = null)
    {
        options ??= new DetectionOptions();
        options.EnsureValid();
        var stages = new Dictionary<string, double>();
        var cpu = new Dictionary<string, double>();
        var clock = Stopwatch.StartNew();
        var process = Process.GetCurrentProcess();
        var cpuMark = process.TotalProcessorTime;
        void Stage(string name)
        {
            stages[name] = Math.Round(clock.Elapsed.TotalSeconds, 3);
            process.Refresh();
            cpu[name] = Math.Round((process.TotalProcessorTime - cpuMark).TotalSeconds, 3);
            cpuMark = process.TotalProcessorTime;
            clock.Restart();
            stageDone?.Invoke(name);
        }

        using var processHandle = process;
        var table = new PostTable(posts);
        Stage("load");

        // Text: exact and near duplicates.
        var featurizer = new TextFeaturizer(options);
        var features = new TextFeatures[table.Count];
        Parallel.For(0, table.Count, i => features[i] = featurizer.Featurize(table.Posts[i].Post.Title, table.Posts[i].Post.Text));
        Stage("text-features");
        var finder = new NearDuplicateFinder(options);
        var textGroups = finder.Group(features);
        Stage("near-duplicates");

        var ties = new UnionFind(table.Count);
        var matched = new MatchBits[table.Count];
        var textGroupCount = 0;
        for (var i = 0; i < table.Count; i++)
        {
            if (features[i].IsMatchable && textGroups.SizeOf(i) >= 2)
            {
                ties.Union(i, textGroups.Find(i));
                matched[i] |= MatchBits.Text;
                if (textGroups.Find(i) == i)
                {
                    textGroupCount++;
                }
            }
        }

        // Links and images, weighed by how concentrated their sharing is.
        var shared = new SharedKeyTies(table, options, ties, matched);
        var postLinks = new PostLinkTies(table);
        var coLinks = postLinks.Tie(ties, matched, shared.KeysByPost);
        var (linksTying, linksDown) = shared.Tie(coLinks, options.LinkConcentrationWindow, MatchBits.Link);
        Stage("links");
        var (imagesTying, imagesDown) = shared.Tie(ImageGroups(table, options), options.ImageConcentrationWindow, MatchBits.Image);
        TieExplicitReposts(table, ties, matched);
        Stage("images");

        var chains = ChainAssembler.Assemble(table, ties, matched, shared.KeysByPost, postLinks.LinksTo, out var chainOf);
        var chainPosts = new List<int>[chains.Count];
        for (var i = 0; i < table.Count; i++)
        {
            if (chainOf[i] >= 0)
            {
                (chainPosts[chainOf[i]] ??= []).Add(i);
            }
        }

        var chainPostArrays = chainPosts.Select(l => l.OrderBy(i => table.Times[i]).ToArray()).ToArray();
        Stage("chains");

        var network = CoordinationNetworkBuilder.Build(table, chains, chainPostArrays, options);
        Stage("network");

        var analyzer = new AccountAnalyzer(table, options);
        var accounts = analyzer.Analyze(i => features[i].IsMatchable ? textGroups.Find(i) + 1L : 0L, chainOf, network);
        Stage("accounts");

        return new DetectionResult
        {
            Chains = chains,
            Network = network,
            Accounts = accounts,
            TimeZone = options.TimeZone,
            PlatformHourProfiles = analyzer.PlatformProfiles,
            Thresholds = ThresholdsUsedBuilder.Build(options, network, analyzer.Shifts),
            ShiftGroups = analyzer.Shifts?.Groups ?? [],
            RestRatios = analyzer.Shifts is { Tested: > 0 } shifts ? shifts.RestRatios : null,
            Stats = new DetectionStats
            {
                Posts = table.Count,
                Accounts = table.AccountKeys.Count,
                TextGroups = textGroupCount,
                NearDuplicateCandidates = finder.Candidates,
                NearDuplicatePairsVerified = finder.Verified,
                LinksTying = linksTying,
                LinksToPosts = postLinks.Tied,
                LinksDownWeighted = linksDown,
                ImagesTying = imagesTying,
                ImagesDownWeighted = imagesDown,
                StageSeconds = stages,
                StageCpuSeconds = cpu,
            },
        };
    }

    /// <summary>PDQ groups of archived images; the canonical media URL for posts without archived image bytes.</summary>
    private static Dictionary<string, List<int>> ImageGroups(PostTable table, DetectionOptions options)
    {
        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var hashes = new List<PdqHash>();
        var owners = new List<int>();
        for (var i = 0; i < table.Count; i++)
        {
            var dp = table.Posts[i];
            if (dp.ImageHashes.Count > 0)
            {
                foreach (var hash in dp.ImageHashes)
                {
                    if (hash.Quality >= options.PdqMinQuality)
                    {
                        hashes.Add(hash);
                        owners.Add(i);
                    }
                }

                continue;
            }

            foreach (var media in dp.Post.Media)
            {
                if (media.Type is "image" or "gif" or "photo" && UrlCanonicalizer.Canonicalize(media.Url) is { } url)
                {
                    var key = "media:" + url;
                    if (!groups.TryGetValue(key, out var list))
                    {
                        groups[key] = list = [];
                    }

                    list.Add(i);
                }
            }
        }

        var pdq = PdqIndex.Group(hashes, options.PdqMaxDistance);
        var byRoot = new Dictionary<int, List<int>>();
        for (var h = 0; h < hashes.Count; h++)
        {
            var root = pdq.Find(h);
            if (!byRoot.TryGetValue(root, out var list))
            {
                byRoot[root] = list = [];
            }

            list.Add(owners[h]);
        }

        foreach (var (root, list) in byRoot)
        {
            if (list.Count > 1)
            {
                groups["pdq:" + hashes[root].ToHex()] = list;
            }
        }

        return groups;
    }

    /// <summary>A post that names the post it re-publishes (retweet, reblog, share) is tied to it when both are present.</summary>
    private static void TieExplicitReposts(PostTable table, UnionFind ties, MatchBits[] matched)
    {
        Dictionary<(string, string), int>? byKey = null;
        for (var i = 0; i < table.Count; i++)
        {
            var p = table.Posts[i].Post;
            if (p.RepostOf is null)
            {
                continue;
            }

            byKey ??= Enumerable.Range(0, table.Count).ToDictionary(k => (table.Posts[k].Post.Platform, table.Posts[k].Post.Id));
            if (byKey.TryGetValue((p.Platform, p.RepostOf), out var original) && original != i)
            {
                ties.Union(i, original);
                matched[i] |= MatchBits.Repost;
                matched[original] |= MatchBits.Repost;
            }
        }
    }
}
