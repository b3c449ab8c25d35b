using System.Globalization;
using System.Text;
using Collector.Model;
using static Collector.Detection.Output.Svg;

namespace Collector.Detection.Output;

/// <summary>
/// report.html: one self-contained page (inline CSS, script and SVG; nothing fetched) with the chains (timeline and
/// platform-to-platform flow), the network summary and each flagged account with its hour-of-day chart and evidence.
/// </summary>
internal static class HtmlReport
{
    public const int MaxChains = 80;
    public const int MaxAccounts = 150;
    public const int MaxPostsPerChain = 200;

    /// <param name="result">What detection found.</param>
    /// <param name="generatedAt">When (UTC), for the header.</param>
    /// <param name="evidence">The cited posts' copied captures (<see cref="ReportEvidence"/>), linked beside each; null: commands only.</param>
    public static string Render(DetectionResult result, DateTimeOffset generatedAt, IReadOnlyDictionary<PostKey, CapturedEvidence>? evidence = null)
    {
        var b = new StringBuilder(256 * 1024);
        var crossPlatform = result.Chains.Count(c => c.CrossPlatform);
        b.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">");
        b.Append("<title>Collector · repost chains and coordination</title><style>").Append(ReportAssets.Css).Append("</style></head><body>");
        b.Append("<header class=\"top\"><h1>Repost chains and coordination signals</h1>");
        b.Append(Inv($"<p>{result.Stats.Posts:N0} posts from {result.Stats.Accounts:N0} accounts · generated {Model.UtcDateTimeOffsetConverter.ToWire(generatedAt)} · account profiles in {Esc(result.TimeZone)}</p></header>"));
        b.Append("<nav class=\"toc\"><a href=\"#chains\">Chains</a><a href=\"#network\">Network</a><a href=\"#accounts\">Accounts</a><a href=\"#method\">Method</a></nav><main>");

        b.Append("<section class=\"cards\">");
        Stat(b, result.Chains.Count, "repost chains");
        Stat(b, crossPlatform, "cross-platform");
        Stat(b, result.Chains.Count == 0 ? 0 : result.Chains.Max(c => c.Posts.Count), "largest chain");
        Stat(b, result.Network.Nodes.Count, "coordinated-network accounts");
        Stat(b, result.Network.Communities.Count, "communities");
        Stat(b, result.Accounts.Count, "flagged accounts");
        foreach (var flag in new[] { AccountFlags.ShiftPattern, AccountFlags.LanguageSwitch, AccountFlags.OffTopicReplies, AccountFlags.Coordinated })
        {
            Stat(b, result.Accounts.Count(a => a.Flags.Contains(flag)), flag);
        }

        b.Append("</section>");
        Chains(b, result, evidence);
        Network(b, result);
        Accounts(b, result, evidence);
        Method(b, result);
        b.Append("<footer>Collector detection report. Every chain lists the posts that tie it; every flag lists the posts that justify it.</footer>");
        b.Append("</main><script>").Append(ReportAssets.Js).Append("</script></body></html>");
        return b.ToString();
    }

    /// <summary>The chains the report shows, in its order: cross-platform and widest first.</summary>
    private static List<RepostChain> ShownChains(DetectionResult result) =>
        result.Chains.OrderByDescending(c => c.CrossPlatform).ThenByDescending(c => c.Platforms.Count).ThenByDescending(c => c.Posts.Count).Take(MaxChains).ToList();

    /// <summary>Every post the report cites, in the order it cites them (chain posts, then each shown account's evidence).</summary>
    internal static IEnumerable<PostKey> CitedPosts(DetectionResult result)
    {
        foreach (var chain in ShownChains(result))
        {
            foreach (var p in chain.Posts.Take(MaxPostsPerChain))
            {
                yield return new PostKey(p.Platform, p.Id);
            }
        }

        foreach (var a in result.Accounts.Take(MaxAccounts))
        {
            var e = a.Evidence;
            var posts = (e.Shift?.SamplePosts.Take(3) ?? [])
                .Concat(e.LanguageSwitch?.LastBefore.Take(2) ?? []).Concat(e.LanguageSwitch?.FirstAfter.Take(2) ?? [])
                .Concat(e.OffTopic?.Replies.Take(3).SelectMany(r => new[] { r.Reply, r.Parent }) ?? []);
            foreach (var p in posts)
            {
                yield return new PostKey(p.Platform, p.Id);
            }
        }
    }

    private static void Chains(StringBuilder b, DetectionResult result, IReadOnlyDictionary<PostKey, CapturedEvidence>? evidence)
    {
        var shown = ShownChains(result);
        b.Append("<h2 id=\"chains\">Repost chains</h2>");
        b.Append(Inv($"<p class=\"lead\">Posts tied by near-identical text, a concentrated shared link or the same image, ordered by publication time. Showing {shown.Count} of {result.Chains.Count} (cross-platform and widest first); all are in chains.json.</p>"));
        b.Append("<input id=\"chain-search\" class=\"search\" type=\"search\" placeholder=\"Filter chains by platform, account, text…\">");
        foreach (var chain in shown)
        {
            var origin = chain.Posts[0];
            b.Append(Inv($"<article class=\"card chain\" id=\"{Esc(chain.Id)}\"><h3>{Esc(chain.Id)}"));
            b.Append(chain.CrossPlatform ? "<span class=\"badge coordinated\">cross-platform</span>" : "<span class=\"badge m\">single platform</span>");
            foreach (var signal in chain.Posts.SelectMany(p => p.MatchedBy).Distinct(StringComparer.Ordinal))
            {
                b.Append(Inv($"<span class=\"badge m\">{Esc(signal)}</span>"));
            }

            b.Append("</h3>");
            b.Append(Inv($"<div class=\"meta\">{chain.Posts.Count} posts · {chain.Posts.Select(p => p.Author).Distinct().Count()} accounts · spread {Esc(Duration(chain.SpreadSeconds))} · origin {Esc(origin.Platform)}/{Esc(origin.Author ?? "?")} at {Model.UtcDateTimeOffsetConverter.ToWire(origin.PublishedAt)}</div>"));
            Flow(b, chain);
            b.Append(ChainTimeline(chain));
            if (!string.IsNullOrEmpty(origin.Text))
            {
                b.Append(Inv($"<div class=\"quote\">{Esc(Clip(origin.Text, 320))}</div>"));
            }

            if (chain.SharedKeys.Count > 0)
            {
                b.Append("<div class=\"meta\">Shared: ").Append(string.Join(" · ", chain.SharedKeys.Select(k => "<code>" + Esc(Clip(k, 90)) + "</code>"))).Append("</div>");
            }

            b.Append(Inv($"<details><summary>{chain.Posts.Count} posts</summary><table><tr><th>time (UTC)</th><th>platform</th><th>account</th><th>role</th><th>matched by</th><th>text</th></tr>"));
            foreach (var p in chain.Posts.Take(MaxPostsPerChain))
            {
                var link = p.Url is null ? Esc(p.Id) : Inv($"<a href=\"{Esc(p.Url)}\" rel=\"noreferrer\">{Esc(p.Id)}</a>");
                b.Append(Inv($"<tr><td class=\"t\">{Model.UtcDateTimeOffsetConverter.ToWire(p.PublishedAt)}{(p.TimeIsFirstSeen ? " (first seen)" : string.Empty)}</td><td>{Chip(p.Platform)}</td><td>{Esc(p.Author)}<br><small>{link}</small></td><td>{Esc(p.Role)}</td><td>{Esc(string.Join(", ", p.MatchedBy))}</td><td class=\"text\">{Expandable(p.Text, 220)}<br>{ReportEvidence.Links(evidence, p.Platform, p.Id)}{Evidence(p.Platform, p.Id)}</td></tr>"));
            }

            b.Append("</table></details></article>");
        }
    }

    private static void Flow(StringBuilder b, RepostChain chain)
    {
        var t0 = chain.Posts[0].PublishedAt;
        b.Append("<div class=\"flow\">");
        for (var i = 0; i < chain.Platforms.Count; i++)
        {
            var platform = chain.Platforms[i];
            var count = chain.Posts.Count(p => p.Platform == platform);
            var first = chain.Posts.First(p => p.Platform == platform).PublishedAt;
            if (i > 0)
            {
                b.Append("<span class=\"arrow\">→</span>");
            }

            b.Append(Inv($"<span class=\"chip\" style=\"background:{PlatformColors.Of(platform)}\">{Esc(platform)} <small>×{count}{(i > 0 ? " · +" + Duration((long)(first - t0).TotalSeconds) : string.Empty)}</small></span>"));
        }

        b.Append("</div>");
    }

    private static void Network(StringBuilder b, DetectionResult result)
    {
        var n = result.Network;
        b.Append("<h2 id=\"network\">Coordination network</h2>");
        b.Append(Inv($"<p class=\"lead\">Accounts are tied when both posted in the same chain within {Esc(WindowLabel.Of(n.Window))}{(n.WindowEstimated ? " (estimated from the data, CooRnet-style)" : string.Empty)}; an edge needs at least {n.MinEdgeWeight} shared chains. Communities by Louvain (modularity {n.Modularity:0.00}).</p>"));
        b.Append("<section class=\"cards\">");
        Stat(b, n.Nodes.Count, "accounts");
        Stat(b, n.Edges.Count, "edges");
        Stat(b, n.Communities.Count, "communities");
        Stat(b, n.Nodes.Select(x => x.Platform).Distinct().Count(), "platforms");
        b.Append("</section>");
        if (n.Edges.Count > 0)
        {
            b.Append("<div class=\"card\">").Append(Svg.Network(n));
            b.Append("<div class=\"legend\">");
            foreach (var platform in n.Nodes.Select(x => x.Platform).Distinct().Order(StringComparer.Ordinal))
            {
                b.Append(Inv($"<span><i style=\"background:{PlatformColors.Of(platform)}\"></i>{Esc(platform)}</span>"));
            }

            b.Append("</div></div>");
            b.Append("<div class=\"card\"><table><tr><th>community</th><th>accounts</th><th>platforms</th><th>internal weight</th><th>members</th></tr>");
            foreach (var c in n.Communities.Take(30))
            {
                b.Append(Inv($"<tr><td>#{c.Id}</td><td>{c.Members.Count}</td><td>{string.Join(' ', c.Platforms.Select(Chip))}</td><td>{c.InternalWeight}</td><td>{Esc(string.Join(", ", c.Members.Take(12)))}{(c.Members.Count > 12 ? " …" : string.Empty)}</td></tr>"));
            }

            b.Append("</table>");
            var windows = string.Join(", ", n.ReportWindows.Select(WindowLabel.Of));
            b.Append(Inv($"<p class=\"meta\">Edge weights for every window ({Esc(windows)}) are in edges.csv, network.gexf and network.graphml.</p></div>"));
        }
        else
        {
            b.Append("<p class=\"card meta\">No two accounts posted in the same chains often enough to be tied.</p>");
        }
    }

    private static void Accounts(StringBuilder b, DetectionResult result, IReadOnlyDictionary<PostKey, CapturedEvidence>? evidence)
    {
        var shown = result.Accounts.Take(MaxAccounts).ToList();
        b.Append("<h2 id=\"accounts\">Flagged accounts</h2>");
        b.Append(Inv($"<p class=\"lead\">Each flag with the posts that justify it. Showing {shown.Count} of {result.Accounts.Count}; all are in accounts.json. Charts in {Esc(result.TimeZone)}: posts per hour of day (bars) against the platform's normal spread (dashed line), shaded where a shift worker's learned windows are; posts per weekday; and the whole week, hour by hour.</p>"));
        b.Append("<div class=\"filters\"><button class=\"on\" data-flag=\"all\">all</button>");
        foreach (var flag in new[] { AccountFlags.ShiftPattern, AccountFlags.LanguageSwitch, AccountFlags.OffTopicReplies, AccountFlags.Coordinated }
            .Where(f => result.Accounts.Any(a => a.Flags.Contains(f))))
        {
            b.Append(Inv($"<button data-flag=\"{flag}\">{flag}</button>"));
        }

        b.Append("</div>");
        if (result.ShiftGroups.Count > 0)
        {
            b.Append("<div class=\"card\"><h3>Shift groups</h3><table><tr><th>group</th><th>accounts</th><th>windows (UTC)</th><th>members</th></tr>");
            foreach (var g in result.ShiftGroups.Take(30))
            {
                b.Append(Inv($"<tr><td>#{g.Id}</td><td>{g.Members.Count}</td><td class=\"t\">{Esc(string.Join(", ", g.WindowsUtc))}</td><td>{Esc(string.Join(", ", g.Members.Take(12)))}{(g.Members.Count > 12 ? " …" : string.Empty)}</td></tr>"));
            }

            b.Append("</table></div>");
        }

        foreach (var a in shown)
        {
            var e = a.Evidence;
            b.Append(Inv($"<article class=\"card account\" data-flags=\"{string.Join(' ', a.Flags)}\"><h3>{Chip(a.Platform)} {Esc(a.Handle)}"));
            foreach (var flag in a.Flags)
            {
                b.Append(Inv($"<span class=\"badge {flag}\">{flag}</span>"));
            }

            b.Append(Inv($"</h3><div class=\"meta\">{e.PostCount} posts</div><div class=\"row\"><div>"));
            b.Append(HourChart(e.HourOfDay, result.PlatformHourProfiles.GetValueOrDefault(a.Platform), result.TimeZone, e.Shift?.Windows)).Append(WeekdayChart(e.Weekday));
            if (e.HourOfWeek.Length == 168)
            {
                b.Append(WeekGrid(e.HourOfWeek, result.TimeZone));
            }

            b.Append("</div><div class=\"evidence\">");
            AccountEvidenceHtml(b, e, evidence);
            b.Append("</div></div></article>");
        }
    }

    private static void AccountEvidenceHtml(StringBuilder b, AccountEvidence e, IReadOnlyDictionary<PostKey, CapturedEvidence>? evidence)
    {
        if (e.Shift is { MatchedGroup: { } group } g)
        {
            b.Append(Inv($"<dl><dt>matches shift group</dt><dd>{Esc(string.Join(", ", group.Take(6)))}{(group.Count > 6 ? Inv($" and {group.Count - 6} more") : "")}: every sitting in the group's working week, none in its breaks, nights or rest days (second stage)</dd><dt>group's windows</dt><dd>{Esc(string.Join(", ", g.Windows))} ({Esc(g.TimeZone)}); UTC {Esc(string.Join(", ", g.WindowsUtc))}; rests {Esc(string.Join(", ", g.RestDays))}</dd><dt>ordinary share in the group's week</dt><dd>{g.OrdinaryShareInWindows:P0}</dd><dt>evidence</dt><dd>{g.Evidence:0.0} decades over {g.Sittings} sittings (needed {g.EvidenceNeeded:0.0}); confidence {g.Confidence:0.000} (1 - Holm-adjusted chance over the accounts × groups tested)</dd></dl>"));
            Posts(b, "Sample posts", g.SamplePosts.Take(3), evidence);
        }
        else if (e.Shift is { } s)
        {
            b.Append(Inv($"<dl><dt>learned windows</dt><dd>{Esc(string.Join(", ", s.Windows))} ({Esc(s.TimeZone)}); UTC {Esc(string.Join(", ", s.WindowsUtc))}</dd><dt>rest days</dt><dd>{Esc(string.Join(", ", s.RestDays))} ({s.WeekendShare:P0} of sittings); rhythm suggests {Esc(s.RhythmUtcOffset)}</dd><dt>ordinary share in windows</dt><dd>{s.OrdinaryShareInWindows:P0}</dd><dt>evidence</dt><dd>{s.Evidence:0.0} decades over {s.Sittings} sittings (needed {s.EvidenceNeeded:0.0}); confidence {s.Confidence:0.000} (1 - Holm-adjusted chance)</dd></dl>"));
            Posts(b, "Sample posts", s.SamplePosts.Take(3), evidence);
        }

        if (e.LanguageSwitch is { } l)
        {
            b.Append(Inv($"<dl><dt>language</dt><dd>{Esc(l.LanguageBefore)} ({l.DominanceBefore:P0}) → {Esc(l.LanguageAfter)} ({l.DominanceAfter:P0})</dd><dt>switched</dt><dd>{Model.UtcDateTimeOffsetConverter.ToWire(l.SwitchedAt)} after {l.DormantDays:0} days dormant</dd><dt>topic overlap</dt><dd>{l.TopicOverlap:0.00}</dd><dt>before</dt><dd>{Esc(string.Join(", ", l.TopicBefore))}</dd><dt>after</dt><dd>{Esc(string.Join(", ", l.TopicAfter))}</dd></dl>"));
            Posts(b, "Last posts before", l.LastBefore.Take(2), evidence);
            Posts(b, "First posts after", l.FirstAfter.Take(2), evidence);
        }

        if (e.OffTopic is { } o)
        {
            b.Append(Inv($"<dl><dt>off-topic replies</dt><dd>{o.OffTopicReplies} under {o.DistinctParents} unrelated posts</dd></dl>"));
            foreach (var r in o.Replies.Take(3))
            {
                b.Append("<div class=\"pair\">");
                Posts(b, "Reply", [r.Reply], evidence);
                Posts(b, Inv($"…under (word overlap {r.WordOverlap:0.00})"), [r.Parent], evidence);
                b.Append("</div>");
            }
        }

        if (e.Coordination is { } c)
        {
            b.Append(Inv($"<dl><dt>community</dt><dd>#{c.Community} ({c.CommunitySize} accounts)</dd><dt>partners</dt><dd>{Esc(string.Join(", ", c.Partners.Take(6)))}</dd></dl>"));
            b.Append("<div class=\"meta\">Shared chains: ").Append(string.Join(" ", c.SharedChains.Take(8).Select(id => Inv($"<a href=\"#{Esc(id)}\">{Esc(id)}</a>")))).Append("</div>");
        }
    }

    private static void Posts(StringBuilder b, string title, IEnumerable<EvidencePost> posts, IReadOnlyDictionary<PostKey, CapturedEvidence>? evidence)
    {
        foreach (var p in posts)
        {
            var link = p.Url is null ? Esc(p.Id) : Inv($"<a href=\"{Esc(p.Url)}\" rel=\"noreferrer\">{Esc(p.Id)}</a>");
            b.Append(Inv($"<div class=\"quote\"><span class=\"meta\">{Esc(title)} · {Esc(p.Platform)} {link} · <span class=\"nowrap\">{Model.UtcDateTimeOffsetConverter.ToWire(p.At)}</span></span>{Expandable(p.Text, 220)}<br>{ReportEvidence.Links(evidence, p.Platform, p.Id)}{Evidence(p.Platform, p.Id)}</div>"));
        }
    }

    private static void Method(StringBuilder b, DetectionResult result)
    {
        var s = result.Stats;
        b.Append("<h2 id=\"method\">Method and counts</h2><div class=\"card\"><dl class=\"evidence\" style=\"display:grid;grid-template-columns:max-content 1fr;gap:2px 14px\">");
        void Row(string name, string value) => b.Append(Inv($"<dt>{Esc(name)}</dt><dd>{Esc(value)}</dd>"));
        Row("text", Inv($"NFKC, case, URLs and mentions removed; word 2-shingles and character 3-grams (CJK: character shingles); MinHash 128 of the character shingles + LSH; {s.NearDuplicateCandidates:N0} candidate pairs, {s.NearDuplicatePairsVerified:N0} verified on real Jaccard/containment; {s.TextGroups:N0} text groups"));
        Row("links", Inv($"canonicalized (scheme, www./m./old./mobile. hosts, trailing slash, fragment, tracking parameters, redirect wrappers, platform short links); {s.LinksToPosts:N0} links to archived posts tie them (link-to-post); of outside links {s.LinksTying:N0} tie posts, {s.LinksDownWeighted:N0} shared too widely to tie alone"));
        Row("images", Inv($"PDQ at Hamming ≤ 31 (quality ≥ 50), canonical media URL where no bytes were archived; {s.ImagesTying:N0} tie posts, {s.ImagesDownWeighted:N0} viral images down-weighted"));
        Row("stages", string.Join(", ", s.StageSeconds.Select(kv => Inv($"{kv.Key} {kv.Value:0.00}s"))));
        b.Append("</dl></div>");
        b.Append("<h3>Thresholds used</h3><div class=\"card\"><table class=\"thresholds\"><tr><th>threshold</th><th>value</th><th>source</th><th>why</th></tr>");
        foreach (var t in result.Thresholds)
        {
            b.Append(Inv($"<tr><td>{Esc(t.Name)}</td><td>{Esc(t.Value)}</td><td>{(t.Estimated ? "estimated from this archive" : "documented constant")}</td><td>{Esc(t.Basis)}</td></tr>"));
        }

        b.Append("</table></div>");
        if (result.RestRatios is { Total: > 0 } rest)
        {
            var bar = rest.Bar;
            b.Append("<h3 id=\"rest-ratio\">Where the rest-day cut falls in this archive</h3><div class=\"card\">");
            b.Append(Svg.RestRatioChart(rest));
            b.Append(Inv($"<p class=\"meta\">Each account the shift test judged ({rest.Total:N0}), by its share of sittings on its own two quietest consecutive days divided by the share the archive's two quietest days hold (1 = as much; 0 = never; an account with few posts falls below 1 by chance alone, its quietest pair being the least of seven). Median {rest.Median():0.00}. Below the cut of {bar:0.0}: {rest.Below(bar):N0} accounts, the only ones the test goes on to judge by their hours; between {bar:0.0} and {2 * bar:0.0}: {rest.Below(2 * bar) - rest.Below(bar):N0} (what a cut twice as loose would add); below 0.5: {rest.Below(0.5):N0}.</p></div>"));
        }
    }

    private static void Stat(StringBuilder b, int value, string label) =>
        b.Append(Inv($"<div class=\"stat\"><b>{value:N0}</b><span>{Esc(label)}</span></div>"));

    private static string Chip(string platform) =>
        Inv($"<span class=\"chip\" style=\"background:{PlatformColors.Of(platform)}\">{Esc(platform)}</span>");

    /// <summary>The text clipped, with the whole of it a click away.</summary>
    private static string Expandable(string? text, int max) => text is null || text.Length <= max
        ? Esc(text)
        : Inv($"<details class=\"full\"><summary>{Esc(Clip(text, max))}</summary>{Esc(text)}</details>");

    /// <summary>How to get the post's archived evidence: its history (versions, captures) and a case bundle.</summary>
    private static string Evidence(string platform, string id) =>
        Inv($"<small class=\"meta\">captures: <code class=\"cmd\">collector history {Esc(platform)} {Esc(id)}</code> · case bundle: <code class=\"cmd\">collector export --format bundle --out case.zip --post {Esc(platform)}:{Esc(id)}</code></small>");

    private static string Clip(string? text, int max) => text is null ? string.Empty : text.Length <= max ? text : text[..max] + "…";

    private static string Duration(long seconds) => seconds switch
    {
        < 60 => Inv($"{seconds}s"),
        < 3600 => Inv($"{seconds / 60}m"),
        < 86400 => Inv($"{seconds / 3600}h {seconds % 3600 / 60}m"),
        _ => Inv($"{seconds / 86400}d {seconds % 86400 / 3600}h"),
    };

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
