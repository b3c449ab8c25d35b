using System.Net;
using System.Text;

namespace Collector.Parsers.Common;

/// <summary>
/// HTML fragment to plain text by fast scanning (no DOM): tags dropped, block tags and &lt;br&gt; become line breaks,
/// script/style contents skipped, entities decoded, whitespace normalized.
/// </summary>
public static class HtmlText
{
    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "table",
        "section", "article", "header", "footer", "hr", "figure", "figcaption",
    };

    public static string? ToPlainText(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return null;
        }

        if (!html.Contains('<', StringComparison.Ordinal) && !html.Contains('&', StringComparison.Ordinal))
        {
            return TextNormalizer.Normalize(html);
        }

        var sb = new StringBuilder(html.Length);
        var i = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0)
            {
                sb.Append(html, i, html.Length - i);
                break;
            }

            sb.Append(html, i, lt - i);
            var gt = html.IndexOf('>', lt + 1);
            if (gt < 0)
            {
                break;
            }

            var name = TagName(html.AsSpan(lt + 1, gt - lt - 1), out var closing);
            if (!closing && (name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase)))
            {
                var end = html.IndexOf("</" + name.ToString(), gt, StringComparison.OrdinalIgnoreCase);
                i = end < 0 ? html.Length : end;
                continue;
            }

            if (name.Length > 0 && BlockTags.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name))
            {
                sb.Append(name.Equals("p", StringComparison.OrdinalIgnoreCase) && closing ? "\n\n" : "\n");
            }

            i = gt + 1;
        }

        return TextNormalizer.Normalize(WebUtility.HtmlDecode(sb.ToString()));
    }

    private static ReadOnlySpan<char> TagName(ReadOnlySpan<char> tag, out bool closing)
    {
        closing = tag.Length > 0 && tag[0] == '/';
        var start = closing ? 1 : 0;
        var end = start;
        while (end < tag.Length && (char.IsAsciiLetterOrDigit(tag[end]) || tag[end] == '-'))
        {
            end++;
        }

        return tag[start..end];
    }
}
