using System.Text.RegularExpressions;

namespace Collector.Detection.Links;

/// <summary>The URLs a post shares: its <c>links</c> and any address written in its text (parsers do not always list those).</summary>
public static partial class TextUrls
{
    /// <summary>Addresses in <paramref name="text"/>: http(s) URLs and bare <c>www.</c> ones, without trailing punctuation.</summary>
    public static IEnumerable<string> Find(string? text)
    {
        if (string.IsNullOrEmpty(text) || (!text.Contains("://", StringComparison.Ordinal) && !text.Contains("www.", StringComparison.OrdinalIgnoreCase)))
        {
            yield break;
        }

        foreach (Match match in UrlPattern().Matches(text))
        {
            yield return match.Value.TrimEnd('.', ',', ';', ':', '!', '?', '…', ')', ']', '}', '"', '\'', '»', '」', '。', '，');
        }
    }

    /// <summary>The canonical keys of every URL the post shares, each once.</summary>
    public static IReadOnlyList<string> Keys(Model.Post post)
    {
        List<string>? keys = null;
        foreach (var url in post.Links.Concat(Find(post.Text)))
        {
            if (UrlCanonicalizer.Canonicalize(url) is { } key && !(keys ??= []).Contains(key, StringComparer.Ordinal))
            {
                keys.Add(key);
            }
        }

        return keys ?? (IReadOnlyList<string>)[];
    }

    [GeneratedRegex(@"(?:https?://|(?<![\w@/.])www\.)[^\s<>""'）】]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();
}
