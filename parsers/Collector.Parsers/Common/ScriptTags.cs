using System.Net;

namespace Collector.Parsers.Common;

/// <summary>One &lt;script&gt; element found by scanning: its opening tag and its body.</summary>
public readonly record struct ScriptTag(string OpenTag, string Body)
{
    public string? Attribute(string name) => TagAttributes.Get(OpenTag, name);
}

/// <summary>
/// Reads &lt;script&gt; elements and their embedded data by scanning the raw text: no DOM, so a 1 MB page
/// costs a few hundred microseconds rather than the tens of milliseconds of a full parse.
/// </summary>
public static class ScriptTags
{
    /// <summary>Every script element in document order (bodies cut off by truncation are skipped).</summary>
    public static IEnumerable<ScriptTag> All(string html)
    {
        var i = 0;
        while (true)
        {
            var open = html.IndexOf("<script", i, StringComparison.OrdinalIgnoreCase);
            if (open < 0)
            {
                yield break;
            }

            var gt = html.IndexOf('>', open + 7);
            if (gt < 0)
            {
                yield break;
            }

            var close = html.IndexOf("</script", gt + 1, StringComparison.OrdinalIgnoreCase);
            if (close < 0)
            {
                yield break;
            }

            yield return new ScriptTag(html.Substring(open, gt - open + 1), html.Substring(gt + 1, close - gt - 1));
            i = close + 8;
        }
    }

    /// <summary>The body of the first script whose id is <paramref name="id"/>.</summary>
    public static string? BodyById(string html, string id) => BodyWhere(html, "id", id);

    /// <summary>The body of the first script with the attribute value (cheap pre-check on the raw text first).</summary>
    public static string? BodyWhere(string html, string attribute, string value)
    {
        if (!html.Contains(value, StringComparison.Ordinal))
        {
            return null;
        }

        foreach (var script in All(html))
        {
            if (string.Equals(script.Attribute(attribute), value, StringComparison.Ordinal))
            {
                return script.Body;
            }
        }

        return null;
    }

    /// <summary>
    /// The JSON assigned by <c>name = {...}</c> or <c>name={...}</c> anywhere in the page (e.g. <c>window.___r</c>,
    /// <c>var ytInitialData</c>): the balanced object or array after the first such assignment.
    /// </summary>
    public static string? AssignedJson(string html, string name)
    {
        var i = 0;
        while (true)
        {
            var at = html.IndexOf(name, i, StringComparison.Ordinal);
            if (at < 0)
            {
                return null;
            }

            var j = at + name.Length;
            while (j < html.Length && html[j] is ' ' or '\t' or '\n' or '\r')
            {
                j++;
            }

            if (j < html.Length && html[j] == '=' && (j + 1 >= html.Length || html[j + 1] != '='))
            {
                var json = BalancedJson.Extract(html, j + 1);
                if (json is not null)
                {
                    return json;
                }
            }

            i = at + name.Length;
        }
    }

    /// <summary>The JSON-LD blocks of the page (<c>script type="application/ld+json"</c>), raw; only those scripts are read.</summary>
    public static IEnumerable<string> JsonLd(string html)
    {
        var i = 0;
        while (true)
        {
            var marker = html.IndexOf("ld+json", i, StringComparison.OrdinalIgnoreCase);
            if (marker < 0)
            {
                yield break;
            }

            var open = html.LastIndexOf("<script", marker, Math.Min(marker + 1, 500), StringComparison.OrdinalIgnoreCase);
            if (open < 0)
            {
                i = marker + 7;
                continue;
            }

            var gt = html.IndexOf('>', marker);
            if (gt < 0)
            {
                yield break; // no tag ends after here: searching again from each later marker would cost the square of the page
            }

            var close = html.IndexOf("</script", gt + 1, StringComparison.OrdinalIgnoreCase);
            if (close < 0)
            {
                yield break;
            }

            yield return html.Substring(gt + 1, close - gt - 1);
            i = close + 8;
        }
    }
}

/// <summary>Attribute reading from one raw opening tag ("&lt;script id='x' type=...&gt;").</summary>
public static class TagAttributes
{
    /// <summary>The decoded value of the attribute, "" for a bare attribute, null when absent.</summary>
    public static string? Get(string tag, string name)
    {
        var i = 0;
        while (true)
        {
            var at = tag.IndexOf(name, i, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                return null;
            }

            var end = at + name.Length;
            var boundaryBefore = at > 0 && (char.IsWhiteSpace(tag[at - 1]) || tag[at - 1] is '"' or '\'');
            var boundaryAfter = end >= tag.Length || tag[end] is '=' or ' ' or '>' or '/' or '\t' or '\n' or '\r';
            if (!boundaryBefore || !boundaryAfter)
            {
                i = end;
                continue;
            }

            var j = end;
            while (j < tag.Length && char.IsWhiteSpace(tag[j]))
            {
                j++;
            }

            if (j >= tag.Length || tag[j] != '=')
            {
                return string.Empty;
            }

            j++;
            while (j < tag.Length && char.IsWhiteSpace(tag[j]))
            {
                j++;
            }

            if (j >= tag.Length)
            {
                return string.Empty;
            }

            string raw;
            if (tag[j] is '"' or '\'')
            {
                var close = tag.IndexOf(tag[j], j + 1);
                raw = close < 0 ? tag[(j + 1)..] : tag[(j + 1)..close];
            }
            else
            {
                var k = j;
                while (k < tag.Length && !char.IsWhiteSpace(tag[k]) && tag[k] != '>')
                {
                    k++;
                }

                raw = tag[j..k];
            }

            return raw.Contains('&', StringComparison.Ordinal) ? WebUtility.HtmlDecode(raw) : raw;
        }
    }
}
