using Lingua;

namespace Collector.Parsers.Common;

/// <summary>
/// A post's language: the page's declared language wins; otherwise Lingua detects it from text of at least
/// <see cref="MinimumLength"/> characters; shorter text gets null. Scripts that name their language (Hangul, kana,
/// Han without kana, Thai, Greek, Hebrew...) are told without Lingua; the rest goes to one Lingua detector, built once on
/// first use in low-accuracy mode (all-language high-accuracy models take ~1 GB and tens of seconds to load).
/// </summary>
public static class LanguageDetection
{
    public const int MinimumLength = 20;

    private static readonly Lazy<LanguageDetector> Detector = new(
        () => LanguageDetectorBuilder.FromAllLanguages().WithLowAccuracyMode().Build(),
        LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>ISO 639-1 code of the text's language, or null when unknown or too short.</summary>
    public static string? Resolve(string? text, string? declared = null)
    {
        var fromPage = Normalize(declared);
        if (fromPage is not null)
        {
            return fromPage;
        }

        if (text is null || !text.Any(char.IsLetter))
        {
            return null;
        }

        var sample = text.Length > 600 ? text[..600] : text;

        // A script used by one language names it even in a short text (a CJK sentence of 10 characters is a full one).
        if (text.Length >= 8 && ScriptLanguage.Of(sample) is { } byScript)
        {
            return byScript;
        }

        if (text.Length < MinimumLength)
        {
            return null;
        }

        try
        {
            var language = Detector.Value.DetectLanguageOf(sample);
            if (language == Language.Unknown)
            {
                return null;
            }

            var code = language.IsoCode6391();
            return code == IsoCode6391.None ? null : code.ToString().ToLowerInvariant();
        }
        catch (Exception)
        {
            return null;
        }
    }

    /// <summary>"en-US", "en_GB", "EN" to "en"; null for empty, "und", "x-default" and the like.</summary>
    public static string? Normalize(string? declared)
    {
        if (string.IsNullOrWhiteSpace(declared))
        {
            return null;
        }

        var span = declared.AsSpan().Trim();
        var cut = span.IndexOfAny('-', '_');
        var primary = (cut > 0 ? span[..cut] : span).ToString().ToLowerInvariant();
        return primary.Length is 2 && primary.All(char.IsAsciiLetterLower) ? primary : null;
    }
}
