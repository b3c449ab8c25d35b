using System.Text.Json;
using Lingua;

namespace Collector.Parsers.Common;

/// <summary>
/// Lingua's low-accuracy decision, computed directly for the common case of a sample whose letters are all ASCII a-z.
/// <para>
/// For such a sample Lingua's rule stage cannot decide (no letter is unique to a language) and narrows the candidates to
/// the languages written in Latin script; the answer is then the candidate with the highest sum, over the sample's distinct
/// letter trigrams, of log P(trigram), falling back to P(first two letters) and then P(first letter) when a model lacks
/// the trigram. This class reads the same model files Lingua ships and precomputes that per-trigram value for every
/// a-z trigram and every Latin-script language, so a sample costs one row addition per distinct trigram instead of
/// Lingua's per-language dictionary look-ups. The sum runs in the same order as Lingua's, so the results are the same.
/// </para>
/// Any sample with another letter, or a character of another script, is left to Lingua (<see cref="TryDetect"/> says no).
/// </summary>
internal sealed class AsciiTrigramScorer
{
    private const int Letters = 26;
    private const int Bigrams = Letters * Letters;
    private const int Trigrams = Letters * Letters * Letters;

    /// <summary>Longest sample scored here (the caller's samples are shorter; longer ones go to Lingua).</summary>
    public const int MaxSample = 1024;

    private readonly Language[] _languages;
    private readonly int _width;

    // [trigram * _width + language]: log P of the trigram, else of its first two letters, else of its first letter, else 0.
    private readonly double[] _rows;

    // a-z letters that no language claims as its own (Lingua's rules would decide on those).
    private readonly bool[] _plain;

    private AsciiTrigramScorer(Language[] languages, double[] rows, bool[] plain)
    {
        _languages = languages;
        _width = languages.Length;
        _rows = rows;
        _plain = plain;
    }

    public IReadOnlyList<Language> Languages => _languages;

    /// <summary>Loads the Latin-script models from Lingua's model folder; null when any of them cannot be read.</summary>
    public static AsciiTrigramScorer? TryLoad(string modelsDirectory, IReadOnlyCollection<Language> detectorLanguages)
    {
        try
        {
            var latin = LanguageInfo.AllWithLatinScript().Where(detectorLanguages.Contains).Order().ToArray();
            if (latin.Length < 2)
            {
                return null;
            }

            var plain = new bool[Letters];
            for (var i = 0; i < Letters; i++)
            {
                var letter = (char)('a' + i);
                plain[i] = !LanguageInfo.All().Any(l => l.UniqueCharacters() is { } unique && unique.Contains(letter, StringComparison.Ordinal));
            }

            var width = latin.Length;
            var rows = new double[Trigrams * width];
            for (var l = 0; l < width; l++)
            {
                var folder = Path.Combine(modelsDirectory, latin[l].IsoCode6391().ToString().ToLowerInvariant());
                var unigrams = ReadModel(Path.Combine(folder, "unigrams.json.br"), 1, Letters);
                var bigrams = ReadModel(Path.Combine(folder, "bigrams.json.br"), 2, Bigrams);
                var trigrams = ReadModel(Path.Combine(folder, "trigrams.json.br"), 3, Trigrams);
                if (unigrams is null || bigrams is null || trigrams is null)
                {
                    return null;
                }

                for (var t = 0; t < Trigrams; t++)
                {
                    var p = trigrams[t];
                    if (p <= 0)
                    {
                        p = bigrams[t / Letters];
                    }

                    if (p <= 0)
                    {
                        p = unigrams[t / Bigrams];
                    }

                    rows[(t * width) + l] = p > 0 ? Math.Log(p) : 0;
                }
            }

            return new AsciiTrigramScorer(latin, rows, plain);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or InvalidDataException or FormatException or OverflowException)
        {
            return null;
        }
    }

    /// <summary>
    /// Lingua's answer for the sample when its letters are all plain a-z (Unknown on a tie or without trigrams);
    /// false when the sample is outside that case and Lingua itself must be asked.
    /// </summary>
    public bool TryDetect(string sample, out Language language)
    {
        language = Language.Unknown;
        if (sample.Length > MaxSample)
        {
            return false;
        }

        Span<char> buffer = stackalloc char[sample.Length + 1];
        var cleaned = buffer[..Clean(sample, buffer)];
        if (!IsPlainLatin(cleaned))
        {
            return false;
        }

        if (cleaned.Length < 3)
        {
            return true;
        }

        Span<double> sums = stackalloc double[_width];
        sums.Clear();
        Span<ulong> seen = stackalloc ulong[(Trigrams + 63) / 64];
        seen.Clear();
        var any = false;
        for (var i = 0; i + 2 < cleaned.Length; i++)
        {
            var a = cleaned[i] - 'a';
            var b = cleaned[i + 1] - 'a';
            var c = cleaned[i + 2] - 'a';
            if ((uint)a >= Letters || (uint)b >= Letters || (uint)c >= Letters)
            {
                continue;
            }

            var trigram = (((a * Letters) + b) * Letters) + c;
            ref var word = ref seen[trigram >> 6];
            var bit = 1UL << (trigram & 63);
            if ((word & bit) != 0)
            {
                continue;
            }

            word |= bit;
            any = true;
            LinguaTables.Add(sums, _rows.AsSpan(trigram * _width, _width));
        }

        if (!any)
        {
            return true;
        }

        var best = -1;
        var tie = false;
        for (var l = 0; l < _width; l++)
        {
            if (sums[l] >= 0)
            {
                continue;
            }

            if (best < 0 || sums[l] > sums[best])
            {
                best = l;
                tie = false;
            }
            else if (sums[l] == sums[best])
            {
                tie = true;
            }
        }

        language = best < 0 || tie ? Language.Unknown : _languages[best];
        return true;
    }

    /// <summary>
    /// Lingua's clean-up: surrounding whitespace trimmed, lower case, punctuation and digits dropped (not replaced), every
    /// run of whitespace before a kept character becomes one space (and one trailing space when the text ends in one).
    /// </summary>
    internal static int Clean(ReadOnlySpan<char> text, Span<char> output)
    {
        text = text.Trim();
        var length = 0;
        var space = false;
        foreach (var raw in text)
        {
            if (char.IsWhiteSpace(raw))
            {
                space = true;
                continue;
            }

            // Surrogates stay as they are (a supplementary letter lowers to another supplementary one, and Lingua reads
            // surrogates one char at a time: never letters, never a script of its alphabets).
            var c = char.IsSurrogate(raw) ? raw : char.ToLowerInvariant(raw);
            if (char.IsPunctuation(c) || char.IsNumber(c))
            {
                continue;
            }

            if (space)
            {
                output[length++] = ' ';
                space = false;
            }

            output[length++] = c;
        }

        if (space)
        {
            output[length++] = ' ';
        }

        return length;
    }

    /// <summary>
    /// Every letter is a plain a-z, every other character belongs to no script (symbols, marks, emoji halves), and at
    /// least one space-separated word is all a-z: then Lingua's rules leave exactly the Latin-script languages.
    /// </summary>
    private bool IsPlainLatin(ReadOnlySpan<char> cleaned)
    {
        var plainWord = false;
        var wordIsPlain = true;
        var wordLength = 0;
        foreach (var c in cleaned)
        {
            if (c == ' ')
            {
                plainWord |= wordIsPlain && wordLength > 0;
                wordIsPlain = true;
                wordLength = 0;
                continue;
            }

            wordLength++;
            if (c is >= 'a' and <= 'z')
            {
                if (!_plain[c - 'a'])
                {
                    return false;
                }

                continue;
            }

            wordIsPlain = false;
            if (c < 0x80)
            {
                continue; // ASCII symbols are of the Common script
            }

            if (char.IsLetter(c) || c.GetScript() is not (UnicodeScript.Common or UnicodeScript.Inherited or UnicodeScript.Unknown))
            {
                return false;
            }
        }

        return plainWord || (wordIsPlain && wordLength > 0);
    }

    /// <summary>
    /// The probabilities of the model's all-a-z n-grams, indexed like <see cref="TryDetect"/> (0 where absent); null when
    /// the file is missing.
    /// </summary>
    private static double[]? ReadModel(string path, int n, int size)
    {
        var probabilities = new double[size];
        return LinguaTables.ReadModel(path, (ngram, probability) =>
        {
            if (ngram.Length == n && Index(ngram) is { } index && index < size)
            {
                probabilities[index] = probability;
            }
        }) ? probabilities : null;
    }

    private static int? Index(ReadOnlySpan<char> ngram)
    {
        var index = 0;
        foreach (var c in ngram)
        {
            if (c is < 'a' or > 'z')
            {
                return null;
            }

            index = (index * Letters) + (c - 'a');
        }

        return index;
    }
}
