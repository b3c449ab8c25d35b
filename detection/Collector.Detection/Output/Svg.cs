using System.Globalization;
using System.Net;
using System.Text;

namespace Collector.Detection.Output;

/// <summary>The report's inline SVG charts: chain timelines, hour-of-day profiles, weekday bars, the network.</summary>
internal static class Svg
{
    private static readonly (long Seconds, string Label)[] Ticks =
        [(60, "1m"), (600, "10m"), (3600, "1h"), (6 * 3600, "6h"), (86400, "1d"), (7 * 86400, "7d"), (30 * 86400, "30d")];

    /// <summary>One lane per platform (in order of first appearance), posts as dots on a log time axis from the origin.</summary>
    public static string ChainTimeline(RepostChain chain)
    {
        const int width = 760, left = 104, right = 24, lane = 24, top = 10;
        var height = top + (chain.Platforms.Count * lane) + 28;
        var t0 = chain.Posts[0].PublishedAt;
        var span = Math.Max(60.0, chain.SpreadSeconds);
        double X(double seconds) => left + ((width - left - right) * Math.Log(1 + (Math.Max(0, seconds) / 60)) / Math.Log(1 + (span / 60)));
        var b = new StringBuilder();
        b.Append(Inv($"<svg class=\"timeline\" viewBox=\"0 0 {width} {height}\" width=\"100%\" role=\"img\" aria-label=\"timeline of {chain.Id}\">"));
        for (var l = 0; l < chain.Platforms.Count; l++)
        {
            var y = top + (l * lane) + (lane / 2);
            b.Append(Inv($"<line x1=\"{left}\" y1=\"{y}\" x2=\"{width - right}\" y2=\"{y}\" class=\"lane\"/>"));
            b.Append(Inv($"<text x=\"{left - 16}\" y=\"{y + 4}\" text-anchor=\"end\" class=\"lane-label\" fill=\"{PlatformColors.Of(chain.Platforms[l])}\">{Esc(chain.Platforms[l])}</text>"));
        }

        var axisY = top + (chain.Platforms.Count * lane) + 6;
        b.Append(Inv($"<line x1=\"{left}\" y1=\"{axisY}\" x2=\"{width - right}\" y2=\"{axisY}\" class=\"axis\"/>"));
        b.Append(Inv($"<text x=\"{left}\" y=\"{axisY + 16}\" class=\"tick\" text-anchor=\"middle\">0</text>"));
        foreach (var (seconds, label) in Ticks.Where(t => t.Seconds <= span))
        {
            var x = X(seconds);
            b.Append(Inv($"<line x1=\"{x:0.#}\" y1=\"{top}\" x2=\"{x:0.#}\" y2=\"{axisY}\" class=\"grid\"/>"));
            b.Append(Inv($"<text x=\"{x:0.#}\" y=\"{axisY + 16}\" class=\"tick\" text-anchor=\"middle\">+{label}</text>"));
        }

        for (var k = chain.Posts.Count - 1; k >= 0; k--)
        {
            var p = chain.Posts[k];
            var lanePos = IndexOf(chain.Platforms, p.Platform);
            var x = X((p.PublishedAt - t0).TotalSeconds);
            var y = top + (lanePos * lane) + (lane / 2);
            var color = PlatformColors.Of(p.Platform);
            var title = Esc($"{p.Platform} · {p.Author ?? "unknown"} · {Model.UtcDateTimeOffsetConverter.ToWire(p.PublishedAt)} · {p.Role} · by {string.Join("+", p.MatchedBy)}");
            b.Append(k == 0
                ? Inv($"<circle cx=\"{x:0.#}\" cy=\"{y}\" r=\"7\" class=\"origin\" stroke=\"{color}\"><title>{title}</title></circle>")
                : Inv($"<circle cx=\"{x:0.#}\" cy=\"{y}\" r=\"4.5\" fill=\"{color}\" fill-opacity=\"0.8\"><title>{title}</title></circle>"));
        }

        b.Append("</svg>");
        return b.ToString();
    }

    /// <summary>
    /// Bars: the account's share of posts per local hour; dashed line: its platform's normal spread; shaded: the
    /// account's learned shift windows (when it has them). Axes titled, y ticks in percent, a legend.
    /// </summary>
    public static string HourChart(int[] hours, double[]? platform, string timeZone, IReadOnlyList<string>? windows = null)
    {
        const int width = 380, height = 150, left = 36, bottom = 34, top = 18;
        var total = Math.Max(1, hours.Sum());
        var max = Math.Max(hours.Max() / (double)total, platform?.Max() ?? 0);
        max = Math.Max(max, 0.05);
        var barWidth = (width - left - 6) / 24.0;
        double Y(double share) => top + ((height - top - bottom) * (1 - (share / max)));
        var b = new StringBuilder();
        b.Append(Inv($"<svg class=\"hours\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"posts by hour of day\">"));
        foreach (var window in windows ?? [])
        {
            if (TimeOnly.TryParse(window[..5], CultureInfo.InvariantCulture, out var from) && TimeOnly.TryParse(window[6..], CultureInfo.InvariantCulture, out var to))
            {
                var x0 = left + (from.ToTimeSpan().TotalHours * barWidth);
                var x1 = left + ((to <= from ? 24 : to.ToTimeSpan().TotalHours) * barWidth);
                b.Append(Inv($"<rect x=\"{x0:0.#}\" y=\"{top}\" width=\"{x1 - x0:0.#}\" height=\"{height - top - bottom}\" class=\"office\"><title>learned window {Esc(window)}</title></rect>"));
            }
        }

        for (var h = 0; h < 24; h++)
        {
            var share = hours[h] / (double)total;
            var y = Y(share);
            b.Append(Inv($"<rect x=\"{left + (h * barWidth) + 1:0.#}\" y=\"{y:0.#}\" width=\"{barWidth - 2:0.#}\" height=\"{height - bottom - y:0.#}\" class=\"bar\"><title>{h:00}:00 {hours[h]} posts ({share:P0})</title></rect>"));
        }

        if (platform is not null)
        {
            var points = string.Join(' ', Enumerable.Range(0, 24).Select(h => Inv($"{left + ((h + 0.5) * barWidth):0.#},{Y(platform[h]):0.#}")));
            b.Append(Inv($"<polyline points=\"{points}\" class=\"baseline\"><title>platform's normal spread</title></polyline>"));
        }

        b.Append(Inv($"<line x1=\"{left}\" y1=\"{height - bottom}\" x2=\"{width - 6}\" y2=\"{height - bottom}\" class=\"axis\"/>"));
        b.Append(Inv($"<line x1=\"{left}\" y1=\"{top}\" x2=\"{left}\" y2=\"{height - bottom}\" class=\"axis\"/>"));
        foreach (var share in new[] { 0, max / 2, max })
        {
            b.Append(Inv($"<text x=\"{left - 3}\" y=\"{Y(share) + 3:0.#}\" class=\"tick\" text-anchor=\"end\">{share:P0}</text>"));
        }

        foreach (var h in new[] { 0, 6, 12, 18, 23 })
        {
            b.Append(Inv($"<text x=\"{left + ((h + 0.5) * barWidth):0.#}\" y=\"{height - bottom + 12}\" class=\"tick\" text-anchor=\"middle\">{h:00}h</text>"));
        }

        b.Append(Inv($"<text x=\"{left + ((width - left) / 2)}\" y=\"{height - 6}\" class=\"axis-title\" text-anchor=\"middle\">hour of day ({Esc(timeZone)})</text>"));
        b.Append(Inv($"<text x=\"{left}\" y=\"10\" class=\"axis-title\">share of posts · ▮ this account · ┅ platform{(windows is { Count: > 0 } ? " · shaded: learned windows" : string.Empty)}</text>"));
        b.Append("</svg>");
        return b.ToString();
    }

    /// <summary>The rest-ratio histogram (<see cref="RestRatioHistogram"/>) with the shift test's cut drawn on it; axes titled.</summary>
    public static string RestRatioChart(RestRatioHistogram h)
    {
        const int width = 520, height = 170, bottom = 34, top = 20, left = 40;
        var bins = h.Counts.Count;
        var max = Math.Max(1, h.Counts.Max());
        var barWidth = (width - left - 6) / (double)bins;
        var b = new StringBuilder();
        b.Append(Inv($"<svg class=\"restratio\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"accounts by rest-day ratio\">"));
        b.Append(Inv($"<line x1=\"{left}\" y1=\"{top}\" x2=\"{left}\" y2=\"{height - bottom}\" class=\"axis\"/>"));
        b.Append(Inv($"<text x=\"{left - 3}\" y=\"{top + 4}\" class=\"tick\" text-anchor=\"end\">{max}</text><text x=\"{left - 3}\" y=\"{height - bottom}\" class=\"tick\" text-anchor=\"end\">0</text>"));
        for (var i = 0; i < bins; i++)
        {
            var barHeight = (height - top - bottom) * h.Counts[i] / (double)max;
            var from = i * RestRatioHistogram.Width;
            var label = i == bins - 1 ? Inv($"≥ {RestRatioHistogram.Max:0.0}") : Inv($"{from:0.00}-{from + RestRatioHistogram.Width:0.00}");
            b.Append(Inv($"<rect x=\"{left + (i * barWidth) + 0.5:0.#}\" y=\"{height - bottom - barHeight:0.#}\" width=\"{Math.Max(1, barWidth - 1):0.#}\" height=\"{barHeight:0.#}\" class=\"{(from + 1e-9 < h.Bar ? "bar weekend" : "bar")}\"><title>{label}: {h.Counts[i]} accounts</title></rect>"));
        }

        foreach (var tick in new[] { 0.0, 0.5, 1.0, 1.5, 2.0 })
        {
            b.Append(Inv($"<text x=\"{left + (tick / RestRatioHistogram.Width * barWidth):0.#}\" y=\"{height - bottom + 12}\" class=\"tick\" text-anchor=\"middle\">{tick:0.0}</text>"));
        }

        var cut = left + (h.Bar / RestRatioHistogram.Width * barWidth);
        b.Append(Inv($"<line x1=\"{cut:0.#}\" y1=\"{top - 4}\" x2=\"{cut:0.#}\" y2=\"{height - bottom}\" stroke=\"#c0392b\" stroke-dasharray=\"3,2\"/>"));
        b.Append(Inv($"<text x=\"{cut + 3:0.#}\" y=\"{top + 4}\" class=\"tick\">cut {h.Bar:0.0}</text>"));
        b.Append(Inv($"<text x=\"{left + ((width - left) / 2)}\" y=\"{height - 6}\" class=\"axis-title\" text-anchor=\"middle\">rest ratio: share of sittings on the two quietest days ÷ an ordinary account's</text>"));
        b.Append(Inv($"<text x=\"{left}\" y=\"10\" class=\"axis-title\">accounts · darker: below the cut</text>"));
        b.Append("</svg>");
        return b.ToString();
    }

    /// <summary>Posts per weekday, Monday first, weekend bars marked; axes titled.</summary>
    public static string WeekdayChart(int[] days)
    {
        const int width = 170, height = 150, bottom = 34, top = 18, left = 22;
        string[] names = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];
        var max = Math.Max(1, days.Max());
        var barWidth = (width - left - 4) / 7.0;
        var b = new StringBuilder();
        b.Append(Inv($"<svg class=\"weekdays\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"posts by weekday\">"));
        b.Append(Inv($"<line x1=\"{left}\" y1=\"{top}\" x2=\"{left}\" y2=\"{height - bottom}\" class=\"axis\"/>"));
        b.Append(Inv($"<text x=\"{left - 3}\" y=\"{top + 4}\" class=\"tick\" text-anchor=\"end\">{max}</text><text x=\"{left - 3}\" y=\"{height - bottom}\" class=\"tick\" text-anchor=\"end\">0</text>"));
        for (var d = 0; d < 7; d++)
        {
            var h = (height - top - bottom) * days[d] / (double)max;
            b.Append(Inv($"<rect x=\"{left + (d * barWidth) + 2:0.#}\" y=\"{height - bottom - h:0.#}\" width=\"{barWidth - 4:0.#}\" height=\"{h:0.#}\" class=\"{(d >= 5 ? "bar weekend" : "bar")}\"><title>{names[d]}: {days[d]} posts</title></rect>"));
            b.Append(Inv($"<text x=\"{left + ((d + 0.5) * barWidth):0.#}\" y=\"{height - bottom + 12}\" class=\"tick\" text-anchor=\"middle\">{names[d]}</text>"));
        }

        b.Append(Inv($"<text x=\"{left + ((width - left) / 2)}\" y=\"{height - 6}\" class=\"axis-title\" text-anchor=\"middle\">weekday</text>"));
        b.Append(Inv($"<text x=\"{left}\" y=\"10\" class=\"axis-title\">posts · weekend shaded darker</text>"));
        b.Append("</svg>");
        return b.ToString();
    }

    /// <summary>The account's week: one cell per weekday and hour, darker with more posts.</summary>
    public static string WeekGrid(int[] hourOfWeek, string timeZone)
    {
        const int cell = 14, left = 26, top = 16, bottom = 26;
        const int width = left + (24 * cell) + 4, height = top + (7 * cell) + bottom;
        string[] names = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];
        var max = Math.Max(1, hourOfWeek.Max());
        var b = new StringBuilder();
        b.Append(Inv($"<svg class=\"week\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"posts by weekday and hour\">"));
        b.Append(Inv($"<text x=\"{left}\" y=\"10\" class=\"axis-title\">the week, hour by hour (darker: more posts, up to {max})</text>"));
        for (var d = 0; d < 7; d++)
        {
            b.Append(Inv($"<text x=\"{left - 3}\" y=\"{top + (d * cell) + 10}\" class=\"tick\" text-anchor=\"end\">{names[d]}</text>"));
            for (var h = 0; h < 24; h++)
            {
                var n = hourOfWeek[(d * 24) + h];
                var shade = n == 0 ? "#f1f5f9" : Inv($"rgba(37,99,235,{0.2 + (0.8 * n / max):0.##})");
                b.Append(Inv($"<rect x=\"{left + (h * cell)}\" y=\"{top + (d * cell)}\" width=\"{cell}\" height=\"{cell}\" fill=\"{shade}\" class=\"week-cell\"><title>{names[d]} {h:00}:00 {n} posts</title></rect>"));
            }
        }

        foreach (var h in new[] { 0, 6, 12, 18 })
        {
            b.Append(Inv($"<text x=\"{left + (h * cell)}\" y=\"{top + (7 * cell) + 11}\" class=\"tick\">{h:00}h</text>"));
        }

        b.Append(Inv($"<text x=\"{left + (12 * cell)}\" y=\"{height - 3}\" class=\"axis-title\" text-anchor=\"middle\">hour of day ({Esc(timeZone)})</text>"));
        b.Append("</svg>");
        return b.ToString();
    }

    /// <summary>The largest communities, each on its own circle, nodes coloured by platform, edges by weight.</summary>
    public static string Network(CoordinationNetwork network, int maxCommunities = 12)
    {
        var communities = network.Communities.Where(c => c.Members.Count >= 2).Take(maxCommunities).ToList();
        const int cell = 270, columns = 3;
        var rows = Math.Max(1, (communities.Count + columns - 1) / columns);
        var width = cell * columns;
        var height = cell * rows;
        var position = new Dictionary<string, (double X, double Y)>(StringComparer.Ordinal);
        var nodes = network.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        var b = new StringBuilder();
        b.Append(Inv($"<svg class=\"network\" viewBox=\"0 0 {width} {height}\" width=\"100%\" role=\"img\" aria-label=\"coordination network\">"));
        for (var c = 0; c < communities.Count; c++)
        {
            var cx = (c % columns * cell) + (cell / 2.0);
            var cy = (c / columns * cell) + (cell / 2.0);
            var members = communities[c].Members.Take(60).ToList();
            var radius = Math.Min(95, 18 + (members.Count * 4));
            for (var m = 0; m < members.Count; m++)
            {
                var angle = 2 * Math.PI * m / members.Count;
                position[members[m]] = (cx + (radius * Math.Cos(angle)), cy + (radius * Math.Sin(angle)));
            }

            b.Append(Inv($"<circle cx=\"{cx:0.#}\" cy=\"{cy:0.#}\" r=\"{radius + 18}\" class=\"community\"/>"));
            b.Append(Inv($"<text x=\"{cx:0.#}\" y=\"{cy - radius - 24:0.#}\" text-anchor=\"middle\" class=\"community-label\">community #{communities[c].Id} · {communities[c].Members.Count} accounts</text>"));
        }

        var maxWeight = Math.Max(1, network.Edges.Count == 0 ? 1 : network.Edges.Max(e => e.Weight));
        foreach (var e in network.Edges)
        {
            if (position.TryGetValue(e.Source, out var a) && position.TryGetValue(e.Target, out var z))
            {
                var opacity = 0.15 + (0.6 * e.Weight / maxWeight);
                b.Append(Inv($"<line x1=\"{a.X:0.#}\" y1=\"{a.Y:0.#}\" x2=\"{z.X:0.#}\" y2=\"{z.Y:0.#}\" class=\"edge\" stroke-opacity=\"{opacity:0.##}\" stroke-width=\"{1 + (2.0 * e.Weight / maxWeight):0.#}\"/>"));
            }
        }

        foreach (var (id, (x, y)) in position)
        {
            var node = nodes[id];
            b.Append(Inv($"<circle cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"{4 + Math.Min(6, Math.Sqrt(node.Chains)):0.#}\" fill=\"{PlatformColors.Of(node.Platform)}\" class=\"node\"><title>{Esc(id)} · {node.Chains} chains · degree {node.WeightedDegree:0}</title></circle>"));
            b.Append(Inv($"<text x=\"{x:0.#}\" y=\"{y + 14:0.#}\" text-anchor=\"middle\" class=\"node-label\">{Esc(node.Handle.Length > 16 ? node.Handle[..15] + "…" : node.Handle)}</text>"));
        }

        b.Append("</svg>");
        return b.ToString();
    }

    public static string Esc(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return i;
            }
        }

        return 0;
    }
}
