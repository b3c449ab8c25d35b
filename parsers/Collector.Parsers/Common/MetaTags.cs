namespace Collector.Parsers.Common;

/// <summary>
/// The &lt;meta&gt; tags, &lt;link rel&gt; tags, &lt;title&gt; and &lt;html lang&gt; of a page, read by scanning the raw text
/// (only the head is scanned when a head exists).
/// </summary>
public sealed class MetaTags
{
    private readonly List<KeyValuePair<string, string>> _meta = [];
    private readonly List<KeyValuePair<string, string>> _links = [];

    private MetaTags()
    {
    }

    public string? Title { get; private set; }

    /// <summary>The &lt;html lang&gt; value as written.</summary>
    public string? Lang { get; private set; }

    public static MetaTags Read(string html)
    {
        var tags = new MetaTags();
        var headEnd = html.IndexOf("</head", StringComparison.OrdinalIgnoreCase);
        var limit = headEnd > 0 ? headEnd : Math.Min(html.Length, 500_000);
        var htmlTag = html.IndexOf("<html", StringComparison.OrdinalIgnoreCase);
        if (htmlTag >= 0 && htmlTag < limit)
        {
            var gt = html.IndexOf('>', htmlTag);
            if (gt > 0)
            {
                tags.Lang = TagAttributes.Get(html[htmlTag..(gt + 1)], "lang");
            }
        }

        var titleEnds = true;
        var i = 0;
        while (i < limit)
        {
            var lt = html.IndexOf('<', i, limit - i);
            if (lt < 0)
            {
                break;
            }

            var gt = html.IndexOf('>', lt);
            if (gt < 0)
            {
                break;
            }

            var span = html.AsSpan(lt + 1);
            if (span.StartsWith("meta", StringComparison.OrdinalIgnoreCase))
            {
                var tag = html[lt..(gt + 1)];
                var key = TagAttributes.Get(tag, "property") ?? TagAttributes.Get(tag, "name") ?? TagAttributes.Get(tag, "itemprop");
                var content = TagAttributes.Get(tag, "content") ?? TagAttributes.Get(tag, "value"); // react-helmet writes value=
                if (!string.IsNullOrEmpty(key) && content is not null)
                {
                    tags._meta.Add(new(key.ToLowerInvariant(), content));
                }
            }
            else if (span.StartsWith("link", StringComparison.OrdinalIgnoreCase))
            {
                var tag = html[lt..(gt + 1)];
                if (TagAttributes.Get(tag, "rel") is { Length: > 0 } rel && TagAttributes.Get(tag, "href") is { Length: > 0 } href)
                {
                    foreach (var r in rel.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    {
                        tags._links.Add(new(r.ToLowerInvariant(), href));
                    }
                }
            }
            else if (tags.Title is null && titleEnds && span.StartsWith("title", StringComparison.OrdinalIgnoreCase))
            {
                // a page without </title> is searched once, not once per <title>
                var close = html.IndexOf("</title", gt, StringComparison.OrdinalIgnoreCase);
                titleEnds = close > 0;
                if (close > 0)
                {
                    tags.Title = TextNormalizer.OneLine(System.Net.WebUtility.HtmlDecode(html[(gt + 1)..close]));
                }
            }
            else if (span.StartsWith("script", StringComparison.OrdinalIgnoreCase) || span.StartsWith("style", StringComparison.OrdinalIgnoreCase))
            {
                var name = span.StartsWith("script", StringComparison.OrdinalIgnoreCase) ? "</script" : "</style";
                var close = html.IndexOf(name, gt, StringComparison.OrdinalIgnoreCase);
                i = close < 0 ? limit : close + 1;
                continue;
            }

            i = gt + 1;
        }

        return tags;
    }

    /// <summary>The first meta content for the key (property/name/itemprop, case-insensitive), null when absent or blank.</summary>
    public string? Get(string key)
    {
        foreach (var pair in _meta)
        {
            if (string.Equals(pair.Key, key, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(pair.Value))
            {
                return pair.Value;
            }
        }

        return null;
    }

    /// <summary>All meta contents for the key.</summary>
    public IEnumerable<string> GetAll(string key) =>
        _meta.Where(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase)).Select(p => p.Value);

    /// <summary>The href of the first &lt;link rel=...&gt;.</summary>
    public string? Link(string rel) =>
        _links.FirstOrDefault(p => string.Equals(p.Key, rel, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>The hrefs of every &lt;link rel=...&gt;, in page order.</summary>
    public IEnumerable<string> Links(string rel) =>
        _links.Where(p => string.Equals(p.Key, rel, StringComparison.OrdinalIgnoreCase)).Select(p => p.Value);

    /// <summary>The page's declared language: &lt;html lang&gt;, else og:locale / content-language meta.</summary>
    public string? DeclaredLanguage =>
        LanguageDetection.Normalize(Lang) ?? LanguageDetection.Normalize(Get("og:locale")) ?? LanguageDetection.Normalize(Get("content-language"));
}
