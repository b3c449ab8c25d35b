using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Collector.Web.Detection;

namespace Collector.Web.Pages;

/// <summary>The coordination network as an inline SVG: accounts on a circle, one line per edge (thicker for more shared chains), each account a link to its page.</summary>
public static class NetworkDrawing
{
    /// <summary>Accounts drawn at most (the heaviest edges' accounts first); the table lists every edge.</summary>
    public const int MaxNodes = 60;

    public static HtmlString Render(IReadOnlyList<EdgeRow> edges)
    {
        var nodes = edges.OrderByDescending(e => e.Weight).SelectMany(e => new[] { e.Source, e.Target }).Distinct(StringComparer.Ordinal).Take(MaxNodes).ToList();
        if (nodes.Count == 0)
        {
            return Html.H($"<p class=\"muted\">No network edges.</p>");
        }

        const double Size = 520;
        const double Radius = 200;
        var at = new Dictionary<string, (double X, double Y)>(StringComparer.Ordinal);
        for (var i = 0; i < nodes.Count; i++)
        {
            var angle = 2 * Math.PI * i / nodes.Count;
            at[nodes[i]] = ((Size / 2) + (Radius * Math.Cos(angle)), (Size / 2) + (Radius * Math.Sin(angle)));
        }

        var maxWeight = Math.Max(1, edges.Max(e => e.Weight));
        var svg = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"<svg class=\"network\" role=\"img\" aria-label=\"coordination network\" width=\"{Size}\" height=\"{Size}\" viewBox=\"0 0 {Size} {Size}\">"));
        foreach (var e in edges.Where(e => at.ContainsKey(e.Source) && at.ContainsKey(e.Target)))
        {
            var (a, b) = (at[e.Source], at[e.Target]);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{a.X:0.#}\" y1=\"{a.Y:0.#}\" x2=\"{b.X:0.#}\" y2=\"{b.Y:0.#}\" stroke=\"#8a94a6\" stroke-width=\"{1 + (3.0 * e.Weight / maxWeight):0.#}\"/>");
        }

        foreach (var n in nodes)
        {
            var (x, y) = at[n];
            var colon = n.IndexOf(':', StringComparison.Ordinal);
            var href = colon > 0 ? "/account/" + Html.Seg(n[..colon]) + "/" + Html.Seg(n[(colon + 1)..]) : "#";
            svg.Append(CultureInfo.InvariantCulture, $"<a href=\"{HtmlEncoder.Default.Encode(href)}\"><circle cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"6\" fill=\"#1f6feb\"/><text x=\"{x + 8:0.#}\" y=\"{y + 4:0.#}\" font-size=\"10\">{HtmlEncoder.Default.Encode(n)}</text></a>");
        }

        return new HtmlString(svg.Append("</svg>").ToString());
    }
}
