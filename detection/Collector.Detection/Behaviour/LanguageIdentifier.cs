using Collector.Detection.Text;
using Lingua;

namespace Collector.Detection.Behaviour;

/// <summary>
/// ISO 639-1 language of a post: the platform's own tag when it has one; the script where it decides alone
/// (Han/kana, Hangul, Cyrillic, Arabic, Thai...); Lingua among the common Latin-script languages otherwise.
/// </summary>
internal sealed class LanguageIdentifier
{
    private static readonly Lazy<LanguageDetector> Latin = new(() => LanguageDetectorBuilder
        .FromLanguages(Language.English, Language.Spanish, Language.French, Language.German, Language.Portuguese,
            Language.Italian, Language.Dutch, Language.Indonesian, Language.Turkish, Language.Vietnamese, Language.Tagalog)
        .WithLowAccuracyMode()
        .Build());

    /// <summary>The language, or null when the text is too short or undecidable.</summary>
    public string? Identify(Model.Post post)
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

        var language = Latin.Value.DetectLanguageOf(text);
        return language == Language.Unknown ? null : language.IsoCode6391().ToString().ToLowerInvariant();
    }
}
