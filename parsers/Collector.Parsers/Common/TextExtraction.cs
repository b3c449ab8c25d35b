using System.Text.RegularExpressions;

namespace Collector.Parsers.Common;

/// <summary>Outbound links and hashtags found in a post's plain text.</summary>
public static partial class TextExtraction
{
    /// <summary>http(s) URLs in the text, trailing punctuation trimmed, in order, without duplicates.</summary>
    public static IReadOnlyList<string> Links(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Contains("http", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        var found = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match match in UrlPattern().Matches(text))
        {
            var url = match.Value.TrimEnd('.', ',', ';', ':', '!', '?', '\'', '"', '*');
            if (url.EndsWith(')') && !url.Contains('(', StringComparison.Ordinal))
            {
                url = url.TrimEnd(')');
            }

            if (Uri.TryCreate(url, UriKind.Absolute, out _) && seen.Add(url))
            {
                found.Add(url);
            }
        }

        return found;
    }

    /// <summary>Hashtags in the text without the '#', in order, without duplicates (case-insensitive).</summary>
    public static IReadOnlyList<string> Hashtags(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Contains('#', StringComparison.Ordinal))
        {
            return [];
        }

        var found = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match match in HashtagPattern().Matches(text))
        {
            var tag = match.Groups[1].Value;
            if (!tag.All(char.IsDigit) && seen.Add(tag))
            {
                found.Add(tag);
            }
        }

        return found;
    }

    /// <summary>Merges links found in markup (hrefs) with those in the text, keeping the first occurrence.</summary>
    public static IReadOnlyList<string> Merge(IEnumerable<string> first, IEnumerable<string> second)
    {
        var all = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var url in first.Concat(second))
        {
            if (seen.Add(url))
            {
                all.Add(url);
            }
        }

        return all;
    }

    [GeneratedRegex(@"https?://[^\s<>""'\u00A0\u3000\uFF08\uFF09]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"(?<![\w&/#])#([\p{L}\p{Mn}\p{Nd}_]{1,100})", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex HashtagPattern();
}
