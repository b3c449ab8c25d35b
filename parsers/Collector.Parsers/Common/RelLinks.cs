namespace Collector.Parsers.Common;

/// <summary>Links marked <c>rel="..."</c> (&lt;a&gt; and &lt;link&gt;), found by scanning the raw text.</summary>
public static class RelLinks
{
    /// <summary>Absolute URLs of every &lt;a&gt;/&lt;link&gt; whose rel contains <paramref name="rel"/>, in page order, deduplicated.</summary>
    public static IReadOnlyList<Uri> Find(string html, Uri page, string rel)
    {
        var found = new List<Uri>();
        var i = 0;
        while (true)
        {
            var at = html.IndexOf("rel=", i, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                return found;
            }

            i = at + 4;
            var open = html.LastIndexOf('<', at);
            var gt = html.IndexOf('>', at);
            if (open < 0 || gt < 0 || html.IndexOf('>', open, at - open) >= 0)
            {
                continue;
            }

            var tag = html[open..(gt + 1)];
            if (!(tag.StartsWith("<a", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("<link", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var rels = TagAttributes.Get(tag, "rel");
            if (rels is null || !rels.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(rel, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            if (Urls.Resolve(page, TagAttributes.Get(tag, "href")) is { } url && !found.Contains(url))
            {
                found.Add(url);
            }
        }
    }
}
