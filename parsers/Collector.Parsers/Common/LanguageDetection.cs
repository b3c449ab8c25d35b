using Lingua;

namespace Collector.Parsers.Common;

/// <summary>
/// A post's language: the page's declared language wins; otherwise it is detected from a sample of the text (links,
/// @mentions and #hashtags left out, at most <see cref="SampleLength"/> characters cut at a word boundary); a sample
/// shorter than <see cref="MinimumLength"/> gets null. Scripts that name their language (Hangul, kana, Han without kana,
/// Thai, Greek, Hebrew...) are told without statistics; plain a-z samples get Lingua's low-accuracy answer computed by
/// <see cref="AsciiTrigramScorer"/> from Lingua's own models; other samples whose letters are all Latin or all Cyrillic
/// get the answer of Lingua's detector of that script's languages (Lingua's rules would narrow to those languages anyway),
/// computed by <see cref="ScriptTrigramScorer"/> from the same models; everything else goes to Lingua's detector of all
/// languages in low-accuracy mode (high-accuracy models take ~1 GB and tens of seconds to load), whose answer
/// <see cref="AllLanguagesScorer"/> computes from the same tables when its rules leave Latin-script or Cyrillic-script
/// languages (Latin mixed with Cyrillic, Japanese or Chinese). Detectors and tables are built once, on first use.
/// </summary>
public static class LanguageDetection
{
    public const int MinimumLength = 20;

    /// <summary>Characters of text the detection reads: trigram statistics settle well before that.</summary>
    public const int SampleLength = 250;

    private static readonly Lazy<LanguageDetector> Detector = new(
        () => LanguageDetectorBuilder.FromAllLanguages().WithLowAccuracyMode().Build(),
        LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<LanguageDetector> LatinDetector = new(
        () => ForScript(LanguageInfo.AllWithLatinScript(), UnicodeScript.Latin), LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<LanguageDetector> CyrillicDetector = new(
        () => ForScript(LanguageInfo.AllWithCyrillicScript(), UnicodeScript.Cyrillic), LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly string ModelsDirectory = Path.Combine(AppContext.BaseDirectory, "Lingua", "LanguageModels");

    // Each scorer is checked against Lingua's public API when it loads (LinguaAgreement) and stands down if they differ.
    private static readonly Lazy<AsciiTrigramScorer?> Scorer = new(
        () => AsciiTrigramScorer.TryLoad(ModelsDirectory, LanguageInfo.All()) is { } s ? LinguaAgreement.Verified(s, s.TryDetect, _ => Detector.Value) : null,
        LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<ScriptTrigramScorer?> LatinScorer = new(
        () => ScriptTrigramScorer.TryLoad(ModelsDirectory, LatinDetector.Value, UnicodeScript.Latin) is { } s ? LinguaAgreement.Verified(s, OnlyOwnScript(s, LatinDetector.Value), _ => LatinDetector.Value) : null,
        LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<ScriptTrigramScorer?> CyrillicScorer = new(
        () => ScriptTrigramScorer.TryLoad(ModelsDirectory, CyrillicDetector.Value, UnicodeScript.Cyrillic) is { } s ? LinguaAgreement.Verified(s, OnlyOwnScript(s, CyrillicDetector.Value), _ => CyrillicDetector.Value) : null,
        LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<AllLanguagesScorer?> AllScorer = new(
        () => AllLanguagesScorer.TryCreate(Detector.Value, LatinScorer.Value, CyrillicScorer.Value) is { } s ? LinguaAgreement.Verified(s, OnlyAll(s), _ => Detector.Value) : null,
        LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly string?[] Codes = BuildCodes();

    /// <summary>ISO 639-1 code of the text's language, or null when unknown or too short.</summary>
    public static string? Resolve(string? text, string? declared = null)
    {
        var fromPage = Normalize(declared);
        if (fromPage is not null)
        {
            return fromPage;
        }

        if (text is null || !HasLetter(text))
        {
            return null;
        }

        var sample = Sample(text);

        // A script used by one language names it even in a short text (a CJK sentence of 10 characters is a full one).
        if (sample.Length >= 8 && ScriptLanguage.Of(sample) is { } byScript)
        {
            return byScript;
        }

        return sample.Length < MinimumLength ? null : Detect(sample);
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
        var primary = cut > 0 ? span[..cut] : span;
        if (primary.Length != 2)
        {
            return null;
        }

        var (first, second) = (char.ToLowerInvariant(primary[0]), char.ToLowerInvariant(primary[1]));
        return char.IsAsciiLetterLower(first) && char.IsAsciiLetterLower(second)
            ? string.Create(2, (first, second), static (s, p) => (s[0], s[1]) = p)
            : null;
    }

    /// <summary>
    /// The words of the text that say something about its language, at most <see cref="SampleLength"/> characters:
    /// whitespace-separated tokens that are links (containing "://" or starting "www."), @mentions, e-mail addresses or
    /// #hashtags are skipped; the sample ends at the last whole token that fits (a single longer token, such as an
    /// unspaced CJK paragraph, is cut inside it).
    /// </summary>
    internal static string Sample(string text)
    {
        Span<char> buffer = stackalloc char[SampleLength];
        var length = 0;
        var span = text.AsSpan();
        var i = 0;
        while (i < span.Length)
        {
            while (i < span.Length && char.IsWhiteSpace(span[i]))
            {
                i++;
            }

            var start = i;
            while (i < span.Length && !char.IsWhiteSpace(span[i]))
            {
                i++;
            }

            var token = span[start..i];
            if (token.IsEmpty || IsNoise(token))
            {
                continue;
            }

            var room = SampleLength - length - (length > 0 ? 1 : 0);
            if (token.Length > room)
            {
                if (length < SampleLength / 2)
                {
                    // One token longer than the rest of the sample (unspaced scripts): cut it, not inside a surrogate pair.
                    var cut = room > 0 && char.IsHighSurrogate(token[room - 1]) ? room - 1 : room;
                    if (cut > 0)
                    {
                        if (length > 0)
                        {
                            buffer[length++] = ' ';
                        }

                        token[..cut].CopyTo(buffer[length..]);
                        length += cut;
                    }
                }

                break;
            }

            if (length > 0)
            {
                buffer[length++] = ' ';
            }

            token.CopyTo(buffer[length..]);
            length += token.Length;
        }

        return length == text.Length && buffer[..length].SequenceEqual(span) ? text : new string(buffer[..length]);
    }

    private static bool IsNoise(ReadOnlySpan<char> token) =>
        token.Contains("://", StringComparison.Ordinal)
        || token.StartsWith("www.", StringComparison.OrdinalIgnoreCase)
        || token.Contains('@')
        || (token.Length > 1 && token[0] == '#' && token[1] != '#');

    private static string? Detect(string sample)
    {
        try
        {
            if (Scorer.Value is not { } scorer || !scorer.TryDetect(sample, out var language))
            {
                var detector = DetectorFor(sample);
                if (!TryTables(sample, detector, out language))
                {
                    language = detector.DetectLanguageOf(sample);
                }
            }

            return Codes[(int)language];
        }
        catch (Exception)
        {
            return null;
        }
    }

    /// <summary>
    /// The Latin or Cyrillic detector when, in Lingua's cleaned form of the sample, every letter is of that script, every
    /// other character is of no script, and at least one word is all of that script: then Lingua's rules leave only that
    /// script's languages, so the smaller detector answers the same. Otherwise the detector of all languages.
    /// </summary>
    internal static LanguageDetector DetectorFor(string sample)
    {
        if (sample.Length > AsciiTrigramScorer.MaxSample)
        {
            return Detector.Value;
        }

        Span<char> buffer = stackalloc char[sample.Length + 1];
        var cleaned = buffer[..AsciiTrigramScorer.Clean(sample, buffer)];
        UnicodeScript? script = null;
        var pureWord = false;
        var wordIsPure = true;
        var wordLength = 0;
        foreach (var c in cleaned)
        {
            if (c == ' ')
            {
                pureWord |= wordIsPure && wordLength > 0;
                (wordIsPure, wordLength) = (true, 0);
                continue;
            }

            wordLength++;
            var of = c < 0x80 ? (char.IsAsciiLetter(c) ? UnicodeScript.Latin : UnicodeScript.Common) : c.GetScript();
            if (of is UnicodeScript.Common or UnicodeScript.Inherited or UnicodeScript.Unknown && !char.IsLetter(c))
            {
                wordIsPure = false;
                continue;
            }

            if (of is not (UnicodeScript.Latin or UnicodeScript.Cyrillic) || !char.IsLetter(c) || (script is { } seen && seen != of))
            {
                return Detector.Value;
            }

            script = of;
        }

        pureWord |= wordIsPure && wordLength > 0;
        return !pureWord ? Detector.Value
            : script == UnicodeScript.Latin ? LatinDetector.Value
            : script == UnicodeScript.Cyrillic ? CyrillicDetector.Value
            : Detector.Value;
    }

    /// <summary>The detector's answer computed from tables (<see cref="ScriptTrigramScorer"/>, <see cref="AllLanguagesScorer"/>); false when Lingua must be asked.</summary>
    /// <summary>A script scorer is only ever asked about samples <see cref="DetectorFor"/> gives its detector: the check asks the same.</summary>
    private static LinguaScorer OnlyOwnScript(ScriptTrigramScorer scorer, LanguageDetector detector) =>
        (string sample, out Language language) =>
        {
            language = Language.Unknown;
            return ReferenceEquals(DetectorFor(sample), detector) && scorer.TryDetect(sample, out language);
        };

    private static LinguaScorer OnlyAll(AllLanguagesScorer scorer) =>
        (string sample, out Language language) =>
        {
            language = Language.Unknown;
            return ReferenceEquals(DetectorFor(sample), Detector.Value) && scorer.TryDetect(sample, out language);
        };

    internal static bool TryTables(string sample, LanguageDetector detector, out Language language)
    {
        language = Language.Unknown;
        return ReferenceEquals(detector, Detector.Value)
            ? AllScorer.Value is { } all && all.TryDetect(sample, out language)
            : ScorerFor(detector) is { } tables && tables.TryDetect(sample, out language);
    }

    /// <summary>The tables that answer as the Latin or Cyrillic detector does (<see cref="ScriptTrigramScorer"/>), or null for the detector of all languages.</summary>
    internal static ScriptTrigramScorer? ScorerFor(LanguageDetector detector) =>
        ReferenceEquals(detector, Detector.Value) ? null
        : ReferenceEquals(detector, LatinDetector.Value) ? LatinScorer.Value
        : ReferenceEquals(detector, CyrillicDetector.Value) ? CyrillicScorer.Value
        : null;

    /// <summary>
    /// A detector of the script's languages; the detector of all languages instead if a language of another script
    /// claims one of this script's letters as unique (then Lingua's rules could pick it, and the smaller detector would not).
    /// </summary>
    private static LanguageDetector ForScript(HashSet<Language> languages, UnicodeScript script)
    {
        var foreignClaims = LanguageInfo.All().Where(l => !languages.Contains(l))
            .Any(l => l.UniqueCharacters() is { } unique && unique.Any(c => c.GetScript() == script));
        return foreignClaims
            ? Detector.Value
            : LanguageDetectorBuilder.FromLanguages([.. languages]).WithLowAccuracyMode().Build();
    }

    private static string?[] BuildCodes()
    {
        var all = Enum.GetValues<Language>();
        var codes = new string?[all.Max(l => (int)l) + 1];
        foreach (var language in all)
        {
            var code = language == Language.Unknown ? IsoCode6391.None : language.IsoCode6391();
            codes[(int)language] = code == IsoCode6391.None ? null : code.ToString().ToLowerInvariant();
        }

        return codes;
    }

    private static bool HasLetter(string text)
    {
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }
}
