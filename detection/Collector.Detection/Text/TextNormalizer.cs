using System.Text;

namespace Collector.Detection.Text;

/// <summary>
/// Normalizes post text for matching: Unicode NFKC, lower case, URLs and @mentions removed, punctuation and
/// whitespace reduced to token boundaries. Chinese and Japanese characters are one token each; other scripts split on
/// anything that is not a letter or digit.
/// </summary>
public static class TextNormalizer
{
    /// <summary>Tokens of a normalized text (from <see cref="Normalize"/>), without allocating.</summary>
    public static TokenEnumerator Tokens(ReadOnlySpan<char> normalized) => new(normalized);

    /// <summary>NFKC, lower case, with URLs and @mentions replaced by spaces.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var nfkc = Ascii.IsValid(text) || text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(nfkc.Length);
        var i = 0;
        while (i < nfkc.Length)
        {
            var atWordStart = i == 0 || char.IsWhiteSpace(nfkc[i - 1]) || nfkc[i - 1] is '(' or '"' or '\'' or '[' or '<';
            if (atWordStart && StartsUrl(nfkc.AsSpan(i)))
            {
                while (i < nfkc.Length && !char.IsWhiteSpace(nfkc[i]))
                {
                    i++;
                }

                builder.Append(' ');
                continue;
            }

            if (nfkc[i] == '@' && atWordStart && i + 1 < nfkc.Length && (char.IsLetterOrDigit(nfkc[i + 1]) || nfkc[i + 1] == '_'))
            {
                i++;
                while (i < nfkc.Length && (char.IsLetterOrDigit(nfkc[i]) || nfkc[i] is '_' or '.'))
                {
                    i++;
                }

                builder.Append(' ');
                continue;
            }

            builder.Append(char.ToLowerInvariant(nfkc[i]));
            i++;
        }

        return builder.ToString();
    }

    /// <summary>Han ideographs, kana and CJK punctuation-free symbols: scripts written without spaces.</summary>
    public static bool IsCjk(char c) =>
        c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u3040' and <= '\u30FF')
            or (>= '\uF900' and <= '\uFAFF');

    internal static bool IsJoiner(ReadOnlySpan<char> s, int i) =>
        s[i] is '\'' or '’' && i > 0 && i + 1 < s.Length && char.IsLetter(s[i - 1]) && char.IsLetter(s[i + 1]);

    private static bool StartsUrl(ReadOnlySpan<char> s) =>
        s.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || s.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || s.StartsWith("www.", StringComparison.OrdinalIgnoreCase);
}

/// <summary>Walks the tokens of a normalized text: words, or single Chinese/Japanese characters.</summary>
public ref struct TokenEnumerator(ReadOnlySpan<char> text)
{
    private readonly ReadOnlySpan<char> text = text;
    private int position;

    public ReadOnlySpan<char> Current { get; private set; }

    public bool CurrentIsCjk { get; private set; }

    public readonly TokenEnumerator GetEnumerator() => this;

    public bool MoveNext()
    {
        while (position < text.Length)
        {
            var c = text[position];
            if (TextNormalizer.IsCjk(c))
            {
                Current = text.Slice(position, 1);
                CurrentIsCjk = true;
                position++;
                return true;
            }

            if (!char.IsLetterOrDigit(c))
            {
                position++;
                continue;
            }

            var start = position;
            while (position < text.Length && !TextNormalizer.IsCjk(text[position])
                && (char.IsLetterOrDigit(text[position]) || TextNormalizer.IsJoiner(text, position)))
            {
                position++;
            }

            Current = text[start..position];
            CurrentIsCjk = false;
            return true;
        }

        return false;
    }
}
