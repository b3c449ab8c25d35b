using System.Net;
using AngleSharp.Html.Parser;

namespace Collector.Crawler.Routing;

/// <summary>
/// The URLs of the elements a page's follow selectors pick (their href, else src), resolved against the page URL
/// (or its &lt;base href&gt;). Simple selectors are matched by scanning start tags (no DOM: the crawl's hot path);
/// any other selector parses the page once with AngleSharp.
/// </summary>
public sealed class LinkExtractor
{
    private readonly List<string> _complex;
    private readonly List<SimpleSelector> _simple;

    public LinkExtractor(IEnumerable<string> selectors)
    {
        ArgumentNullException.ThrowIfNull(selectors);
        var simple = new List<SimpleSelector>();
        var complex = new List<string>();
        foreach (var selector in selectors.Where(s => !string.IsNullOrWhiteSpace(s)))
        {
            if (SimpleSelector.TryParse(selector) is { } parsed)
            {
                simple.Add(parsed);
            }
            else
            {
                complex.Add(selector);
            }
        }

        _simple = simple;
        _complex = complex;
    }

    public bool IsEmpty => _simple.Count == 0 && _complex.Count == 0;

    public IReadOnlyList<string> Extract(string html, Uri pageUrl)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(pageUrl);
        var found = new List<string>();
        if (_simple.Count > 0)
        {
            ScanStartTags(html, pageUrl, found);
        }

        if (_complex.Count > 0)
        {
            var document = new HtmlParser().ParseDocument(html);
            var baseUrl = BaseOf(document.QuerySelector("base[href]")?.GetAttribute("href"), pageUrl);
            foreach (var selector in _complex)
            {
                try
                {
                    foreach (var element in document.QuerySelectorAll(selector))
                    {
                        var target = element.GetAttribute("href") ?? element.GetAttribute("src");
                        if (Resolve(target, baseUrl) is { } url)
                        {
                            found.Add(url);
                        }
                    }
                }
                catch (AngleSharp.Dom.DomException)
                {
                    // validated up front by the command; a bad selector from a config file matches nothing
                }
            }
        }

        return found;
    }

    /// <summary>True when AngleSharp accepts the selector (for up-front validation of --follow).</summary>
    public static bool IsValidSelector(string selector) => Configuration.CssSelectors.IsValid(selector);

    private void ScanStartTags(string html, Uri pageUrl, List<string> found)
    {
        var baseUrl = pageUrl;
        var attributes = new List<KeyValuePair<string, string>>(8);
        var i = 0;
        while ((i = html.IndexOf('<', i)) >= 0 && i + 1 < html.Length)
        {
            var c = html[i + 1];
            if (c == '!')
            {
                i = SkipPast(html, i, html.AsSpan(i).StartsWith("<!--") ? "-->" : ">");
                continue;
            }

            if (!char.IsAsciiLetter(c))
            {
                i++;
                continue;
            }

            var (tag, end) = ReadTag(html, i + 1, attributes);
            i = end;
            if (tag.Equals("script", StringComparison.OrdinalIgnoreCase) || tag.Equals("style", StringComparison.OrdinalIgnoreCase)
                || tag.Equals("textarea", StringComparison.OrdinalIgnoreCase) || tag.Equals("template", StringComparison.OrdinalIgnoreCase))
            {
                var close = html.IndexOf("</" + tag, i, StringComparison.OrdinalIgnoreCase);
                i = close < 0 ? html.Length : close;
                continue;
            }

            if (tag.Equals("base", StringComparison.OrdinalIgnoreCase))
            {
                baseUrl = BaseOf(Attribute(attributes, "href"), pageUrl);
                continue;
            }

            foreach (var selector in _simple)
            {
                if (selector.Matches(tag, attributes))
                {
                    if (Resolve(Attribute(attributes, "href") ?? Attribute(attributes, "src"), baseUrl) is { } url)
                    {
                        found.Add(url);
                    }

                    break;
                }
            }
        }
    }

    private static (string Tag, int End) ReadTag(string html, int start, List<KeyValuePair<string, string>> attributes)
    {
        attributes.Clear();
        var i = start;
        while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] is not '>' and not '/')
        {
            i++;
        }

        var tag = html[start..i];
        while (i < html.Length)
        {
            while (i < html.Length && (char.IsWhiteSpace(html[i]) || html[i] == '/'))
            {
                i++;
            }

            if (i >= html.Length || html[i] == '>')
            {
                return (tag, i + 1);
            }

            var nameStart = i;
            while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] is not '=' and not '>' and not '/')
            {
                i++;
            }

            var name = html[nameStart..i];
            while (i < html.Length && char.IsWhiteSpace(html[i]))
            {
                i++;
            }

            var value = "";
            if (i < html.Length && html[i] == '=')
            {
                i++;
                while (i < html.Length && char.IsWhiteSpace(html[i]))
                {
                    i++;
                }

                if (i < html.Length && html[i] is '"' or '\'')
                {
                    var quote = html[i];
                    var close = html.IndexOf(quote, i + 1);
                    close = close < 0 ? html.Length : close;
                    value = html[(i + 1)..close];
                    i = close + 1;
                }
                else
                {
                    var valueStart = i;
                    while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] != '>')
                    {
                        i++;
                    }

                    value = html[valueStart..i];
                }
            }

            if (name.Length > 0)
            {
                attributes.Add(new(name, value.Contains('&', StringComparison.Ordinal) ? WebUtility.HtmlDecode(value) : value));
            }
        }

        return (tag, html.Length);
    }

    private static string? Attribute(List<KeyValuePair<string, string>> attributes, string name)
    {
        foreach (var (key, value) in attributes)
        {
            if (key.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }

    private static int SkipPast(string html, int from, string marker)
    {
        var at = html.IndexOf(marker, from + 2, StringComparison.Ordinal);
        return at < 0 ? html.Length : at + marker.Length;
    }

    private static Uri BaseOf(string? href, Uri pageUrl) =>
        href is not null && Uri.TryCreate(pageUrl, href.Trim(), out var b) ? b : pageUrl;

    private static string? Resolve(string? target, Uri baseUrl)
    {
        if (string.IsNullOrWhiteSpace(target))
        {
            return null;
        }

        return Uri.TryCreate(baseUrl, target.Trim(), out var url) ? url.AbsoluteUri : null;
    }
}
