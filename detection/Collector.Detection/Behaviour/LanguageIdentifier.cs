using Collector.Detection.Text;
using Lingua;

namespace Collector.Detection.Behaviour;

/// <summary>
/// ISO 639-1 language of a post: the platform's own tag when it has one; the script where it decides alone
/// (Han/kana, Hangul, Cyrillic, Arabic, Thai...); for Latin script either Lingua (<see cref="Identify"/>, exact and
/// slow: about a millisecond a post) or a function-word vote (<see cref="IdentifyFast"/>, used to find candidate
/// accounts, whose posts are then all re-read with Lingua before anything is flagged).
/// </summary>
internal sealed class LanguageIdentifier
{
    private static readonly (string Code, HashSet<string> Words)[] FunctionWords =
    [
        ("en", ["the", "and", "of", "to", "is", "in", "that", "for", "with", "this", "are", "was", "you", "not", "be"]),
        ("es", ["el", "la", "de", "que", "y", "en", "los", "las", "por", "con", "para", "una", "es", "muy", "del"]),
        ("fr", ["le", "la", "les", "et", "est", "des", "une", "pour", "dans", "pas", "que", "qui", "sur", "du", "au"]),
        ("de", ["der", "die", "und", "ist", "das", "nicht", "mit", "ein", "eine", "zu", "den", "von", "auf", "sich", "auch"]),
        ("pt", ["o", "os", "de", "que", "não", "uma", "para", "com", "é", "do", "da", "em", "mais", "por", "as"]),
        ("it", ["il", "di", "che", "non", "per", "una", "sono", "della", "con", "gli", "anche", "del", "è", "le", "lo"]),
        ("id", ["yang", "dan", "di", "ini", "itu", "dengan", "untuk", "tidak", "dari", "ada", "akan", "saya", "kami", "juga", "ke"]),
    ];

    private static readonly Lazy<LanguageDetector> Latin = new(() => LanguageDetectorBuilder
        .FromLanguages(Language.English, Language.Spanish, Language.French, Language.German, Language.Portuguese,
            Language.Italian, Language.Indonesian)
        .WithLowAccuracyMode()
        .Build());

    /// <summary>The language (Lingua for Latin script), or null when the text is too short or undecidable.</summary>
    public string? Identify(Model.Post post) => Identify(post, precise: true);

    /// <summary>The language by script and function words; null when undecided.</summary>
    public string? IdentifyFast(Model.Post post) => Identify(post, precise: false);

    private static string? Identify(Model.Post post, bool precise)
    {
        if (!string.IsNullOrWhiteSpace(post.Language))
        {
            return post.Language.Length > 2 ? post.Language[..2].ToLowerInvariant() : post.Language.ToLowerInvariant();
        }

        var text = post.Text ?? post.Title;
        if (string.IsNullOrWhiteSpace(text) || text.Length < 12)
        {
            return null;
        }

        int han = 0, kana = 0, hangul = 0, cyrillic = 0, arabic = 0, thai = 0, latin = 0;
        foreach (var c in text)
        {
            if (c is >= '\u3040' and <= '\u30FF')
            {
                kana++;
            }
            else if (TextNormalizer.IsCjk(c))
            {
                han++;
            }
            else if (c is >= '\uAC00' and <= '\uD7AF')
            {
                hangul++;
            }
            else if (c is >= '\u0400' and <= '\u04FF')
            {
                cyrillic++;
            }
            else if (c is >= '\u0600' and <= '\u06FF')
            {
                arabic++;
            }
            else if (c is >= '\u0E00' and <= '\u0E7F')
            {
                thai++;
            }
            else if (char.IsAsciiLetter(c) || c is >= '\u00C0' and <= '\u024F')
            {
                latin++;
            }
        }

        var nonLatin = Math.Max(Math.Max(han + kana, hangul), Math.Max(cyrillic, Math.Max(arabic, thai)));
        if (nonLatin > latin / 4 && nonLatin > 0)
        {
            if (han + kana == nonLatin)
            {
                return kana > 0 && kana * 5 >= han ? "ja" : "zh";
            }

            return nonLatin == hangul ? "ko" : nonLatin == cyrillic ? "ru" : nonLatin == arabic ? "ar" : "th";
        }

        if (latin < 10)
        {
            return null;
        }

        if (!precise)
        {
            return VoteFunctionWords(text);
        }

        var language = Latin.Value.DetectLanguageOf(text);
        return language == Language.Unknown ? null : language.IsoCode6391().ToString().ToLowerInvariant();
    }

    private static readonly Dictionary<string, int> WordMask = BuildWordMask();
    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> WordLookup = WordMask.GetAlternateLookup<ReadOnlySpan<char>>();

    private static string? VoteFunctionWords(string text)
    {
        Span<int> votes = stackalloc int[FunctionWords.Length];
        Span<char> lower = stackalloc char[16];
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !char.IsLetter(text[i]))
            {
                i++;
            }

            var start = i;
            while (i < text.Length && char.IsLetter(text[i]))
            {
                i++;
            }

            var length = i - start;
            if (length is 0 or > 16)
            {
                continue;
            }

            scoped ReadOnlySpan<char> word = text.AsSpan(start, length);
            if (char.IsUpper(word[0]))
            {
                word.ToLowerInvariant(lower);
                word = lower[..length];
            }

            if (WordLookup.TryGetValue(word, out var mask))
            {
                for (var l = 0; l < FunctionWords.Length; l++)
                {
                    if ((mask & (1 << l)) != 0)
                    {
                        votes[l]++;
                    }
                }
            }
        }

        int best = -1, bestVotes = 0, second = 0;
        for (var l = 0; l < votes.Length; l++)
        {
            if (votes[l] > bestVotes)
            {
                (second, bestVotes, best) = (bestVotes, votes[l], l);
            }
            else if (votes[l] > second)
            {
                second = votes[l];
            }
        }

        return best >= 0 && bestVotes >= 2 && bestVotes > second ? FunctionWords[best].Code : null;
    }

    private static Dictionary<string, int> BuildWordMask()
    {
        var masks = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var l = 0; l < FunctionWords.Length; l++)
        {
            foreach (var word in FunctionWords[l].Words)
            {
                masks[word] = masks.GetValueOrDefault(word) | (1 << l);
            }
        }

        return masks;
    }
}
