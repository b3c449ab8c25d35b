using System.Globalization;
using System.Text;
using Collector.Storage;

namespace Collector.Web.Pages;

/// <summary>A post's observations drawn as an inline SVG time series: one line per metric the platform showed (score, likes, views, comments, shares).</summary>
public static class MetricsChart
{
    private const int Width = 720;
    private const int Height = 180;
    private const int Pad = 30;

    private static readonly (string Name, string Color, Func<Collector.Model.Metrics, long?> Read)[] Series =
    [
        ("score", "#1f6feb", m => m.Score), ("likes", "#d1242f", m => m.Likes), ("views", "#8250df", m => m.Views),
        ("comments", "#1a7f37", m => m.Comments), ("shares", "#bf8700", m => m.Shares),
    ];

    public static HtmlString Render(IReadOnlyList<Observation> observations)
    {
        var drawn = Series.Where(s => observations.Any(o => s.Read(o.Metrics) is not null)).ToList();
        if (observations.Count == 0 || drawn.Count == 0)
        {
            return Html.H($"<p class=\"muted\">No metrics were shown on the captures.</p>");
        }

        var t0 = observations[0].At.UtcTicks;
        var span = Math.Max(1, observations[^1].At.UtcTicks - t0);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"series\" role=\"img\" aria-label=\"metrics over time\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\">");
        var legend = 0;
        foreach (var (name, color, read) in drawn)
        {
            var points = observations.Where(o => read(o.Metrics) is not null).Select(o => (X: o.At.UtcTicks, Y: read(o.Metrics)!.Value)).ToList();
            var max = Math.Max(1, points.Max(p => p.Y));
            var coords = points.Select(p => string.Create(CultureInfo.InvariantCulture,
                $"{Pad + ((p.X - t0) * (double)(Width - (2 * Pad)) / span):0.#},{Height - Pad - (p.Y * (double)(Height - (2 * Pad)) / max):0.#}"));
            svg.Append(CultureInfo.InvariantCulture, $"<polyline class=\"metric {name}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"2\" points=\"{string.Join(' ', coords)}\"/>");
            foreach (var c in coords)
            {
                var xy = c.Split(',');
                svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{xy[0]}\" cy=\"{xy[1]}\" r=\"3\" fill=\"{color}\"/>");
            }

            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Pad + (legend * 120)}\" y=\"16\" fill=\"{color}\" font-size=\"12\">{name} (max {max.ToString("N0", CultureInfo.InvariantCulture)})</text>");
            legend++;
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Pad}\" y=\"{Height - 8}\" font-size=\"11\" fill=\"#6b7385\">{Html.Time(observations[0].At)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - Pad}\" y=\"{Height - 8}\" font-size=\"11\" fill=\"#6b7385\" text-anchor=\"end\">{Html.Time(observations[^1].At)}</text>");
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }
}
