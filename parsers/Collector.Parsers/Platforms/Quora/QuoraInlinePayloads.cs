using System.Text.Json;
using Collector.Parsers.Common;

namespace Collector.Parsers.Platforms.Quora;

/// <summary>
/// Quora's server-sent query results: <c>window.ansFrontendGlobals.data.inlineQueryResults.results["&lt;hash&gt;"]</c>
/// followed by <c>.push("…")</c> or <c>= "…"</c>, where the string literal holds the JSON (encoded twice). Read by scanning.
/// </summary>
internal static class QuoraInlinePayloads
{
    private const string Marker = "inlineQueryResults.results[";

    /// <summary>The decoded JSON texts, in page order (undecodable ones skipped).</summary>
    public static List<string> Find(string html)
    {
        var found = new List<string>();
        var i = 0;
        while ((i = html.IndexOf(Marker, i, StringComparison.Ordinal)) >= 0)
        {
            i += Marker.Length;
            var close = html.IndexOf(']', i);
            if (close < 0)
            {
                break;
            }

            var j = close + 1;
            while (j < html.Length && html[j] is not '"' and not ';' and not '\n' && j - close < 40)
            {
                j++;
            }

            if (j >= html.Length || html[j] != '"')
            {
                continue;
            }

            var end = StringLiteralEnd(html, j);
            if (end < 0)
            {
                break;
            }

            if (Decode(html.AsSpan(j, end - j + 1)) is { } json)
            {
                found.Add(json);
            }

            i = end;
        }

        return found;
    }

    private static int StringLiteralEnd(string text, int open)
    {
        for (var k = open + 1; k < text.Length; k++)
        {
            if (text[k] == '\\')
            {
                k++;
            }
            else if (text[k] == '"')
            {
                return k;
            }
        }

        return -1;
    }

    private static string? Decode(ReadOnlySpan<char> literal)
    {
        try
        {
            return JsonSerializer.Deserialize<string>(literal);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>Quora's rich text (<c>{"sections":[{"type":"plain","spans":[{"text":"…"}]}]}</c>) to plain text.</summary>
internal static class QuoraRichText
{
    public static string? ToText(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var trimmed = value.TrimStart();
        if (!trimmed.StartsWith('{'))
        {
            return TextNormalizer.Normalize(value);
        }

        using var document = JsonRead.TryParse(trimmed);
        if (document is null)
        {
            return TextNormalizer.Normalize(value);
        }

        var lines = new List<string>();
        foreach (var section in document.RootElement.Items("sections"))
        {
            var text = string.Concat(section.Items("spans").Select(s => s.Str("text") ?? string.Empty));
            if (section.Str("type") is "unordered-list" or "ordered-list")
            {
                text = "- " + text;
            }

            lines.Add(text);
        }

        return TextNormalizer.Normalize(string.Join('\n', lines));
    }

    /// <summary>Link targets inside rich text spans (modifiers.link.url).</summary>
    public static IReadOnlyList<string> Links(string? value)
    {
        if (value is null || !value.Contains("\"link\"", StringComparison.Ordinal))
        {
            return [];
        }

        using var document = JsonRead.TryParse(value);
        if (document is null)
        {
            return [];
        }

        return [.. document.RootElement.Items("sections")
            .SelectMany(s => s.Items("spans"))
            .Select(s => s.Str("modifiers", "link", "url"))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)];
    }
}
