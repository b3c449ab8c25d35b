using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Collector.Parsers.Common;

/// <summary>Full DOM parsing with AngleSharp (for pages whose data is only in markup), plus small DOM read helpers.</summary>
public static class HtmlPage
{
    private static readonly HtmlParserOptions Options = new()
    {
        IsScripting = false,
        IsNotConsumingCharacterReferences = false,
        IsKeepingSourceReferences = false,
    };

    /// <summary>
    /// Parses the body into a document (AngleSharp recovers from any malformed markup); throws
    /// <see cref="HostileMarkupException"/> for nesting beyond <see cref="MarkupDepth.Limit"/>, which would take AngleSharp hours.
    /// </summary>
    public static IHtmlDocument Parse(string html)
    {
        var depth = MarkupDepth.Max(html);
        if (depth > MarkupDepth.Limit)
        {
            throw new HostileMarkupException($"markup nested more than {MarkupDepth.Limit} deep");
        }

        return new HtmlParser(Options).ParseDocument(html);
    }

    /// <summary>Normalized text content of the element (null when none).</summary>
    public static string? Text(this IElement? element) => element is null ? null : TextNormalizer.Normalize(element.TextContent);

    /// <summary>
    /// The element's text with line breaks for &lt;br&gt; and block elements (paragraphs stay apart), normalized.
    /// </summary>
    public static string? BlockText(this IElement? element) => element is null ? null : HtmlText.ToPlainText(element.InnerHtml);

    /// <summary>An attribute value, null when absent or blank.</summary>
    public static string? Attr(this IElement? element, string name) =>
        element?.GetAttribute(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value : null;

    /// <summary>The content of &lt;meta property|name=key&gt;, first match.</summary>
    public static string? Meta(this IDocument document, string key)
    {
        foreach (var meta in document.QuerySelectorAll("meta"))
        {
            var name = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop");
            if (string.Equals(name, key, StringComparison.OrdinalIgnoreCase) && meta.Attr("content") is { } content)
            {
                return content;
            }
        }

        return null;
    }

    /// <summary>Absolute http(s) hrefs of the links inside the element.</summary>
    public static IReadOnlyList<string> Hrefs(this IElement? element, Uri page)
    {
        if (element is null)
        {
            return [];
        }

        var links = new List<string>();
        foreach (var a in element.QuerySelectorAll("a[href]"))
        {
            if (Urls.ResolveString(page, a.GetAttribute("href")) is { } url && !links.Contains(url, StringComparer.Ordinal))
            {
                links.Add(url);
            }
        }

        return links;
    }
}
