namespace Collector.Parsers.Common;

/// <summary>Links marked <c>rel="..."</c> (&lt;a&gt; and &lt;link&gt;), found by scanning the raw text.</summary>
public static class RelLinks
{
    /// <summary>
    /// Absolute URLs of every &lt;a&gt;/&lt;link&gt; whose rel contains <paramref name="rel"/>, in page order, deduplicated;
    /// linear in the page (each tag is read once, whatever the number of <c>rel=</c> in it or around it).
    /// </summary>
    public static IReadOnlyList<Uri> Find(string html, Uri page, string rel)
    {
        var found = new List<Uri>();
        var seen = new HashSet<Uri>();
        var bounds = new TagBounds(html);
        var i = 0;
        while (true)
        {
            var at = html.IndexOf("rel=", i, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                return found;
            }

            i = at + 4;
            var open = bounds.OpenBefore(at);
            if (open < 0)
            {
                continue;
            }

            var gt = bounds.CloseFrom(at);
            if (gt < 0)
            {
                return found;
            }

            // the tag is read once: further rel= inside it are the same tag
            i = gt + 1;
            var tag = html.AsSpan(open, gt + 1 - open);
            if (!(IsTag(tag, "<a") || IsTag(tag, "<link")))
            {
                continue;
            }

            var text = tag.ToString();
            var rels = TagAttributes.Get(text, "rel");
            if (rels is null || !rels.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(rel, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            if (Urls.Resolve(page, TagAttributes.Get(text, "href")) is { } url && seen.Add(url))
            {
                found.Add(url);
            }
        }
    }

    /// <summary>True when the tag is <paramref name="name"/> itself (<c>&lt;a </c>, not <c>&lt;abbr</c>).</summary>
    private static bool IsTag(ReadOnlySpan<char> tag, string name) =>
        tag.StartsWith(name, StringComparison.OrdinalIgnoreCase) && tag.Length > name.Length
        && (char.IsWhiteSpace(tag[name.Length]) || tag[name.Length] is '/' or '>');
}
