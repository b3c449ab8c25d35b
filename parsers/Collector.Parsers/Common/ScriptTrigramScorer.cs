using System.Text;
using Lingua;

namespace Collector.Parsers.Common;

/// <summary>
/// Lingua's low-accuracy decision for a detector of one script's languages (Latin or Cyrillic), computed from tables
/// instead of Lingua's per-language dictionary look-ups, for samples whose letters are all of that script (accented
/// Latin, Cyrillic).
/// <para>
/// It follows Lingua 2.0's steps in their order: the same clean-up; the rule that counts, per word, the letters unique to
/// a language; the rule that narrows the candidates to the languages of letters such as ñ or ё when at least half the
/// words hold one (Lingua's own table, read from the loaded Lingua assembly); then, for the remaining candidates, the
/// sum over the sample's distinct letter trigrams (in order of first appearance, as Lingua sums them) of log P(trigram),
/// else log P(its first two letters), else log P(its first letter), with the probabilities read from Lingua's model
/// files; the softmax and tie rules of its confidence values. Per trigram that is one look-up and one vector addition
/// over all languages instead of up to three dictionary look-ups per language.
/// </para>
/// <see cref="TryDetect"/> says no (and Lingua itself must be asked) for a sample with a word of another alphabet, or
/// when this Lingua build lacks the table the rules read.
/// </summary>
internal sealed partial class ScriptTrigramScorer
{
    private const int MaxLanguages = 64;

    private readonly Language[] _languages;
    private readonly int _width;
    private readonly UnicodeScript _script;

    // Letters unique to languages (Lingua's rule stage): a mask of language indices per lower-case letter.
    private readonly Dictionary<char, ulong> _unique;

    // Lingua's letters-to-languages table, in its order: the letters, and the candidate indices in the table's set order.
    private readonly (string Letters, int[] Languages)[] _letterRules;

    // For each letter of that table, the rules (indices into _letterRules) that list it.
    private readonly Dictionary<char, int[]> _ruleLetters;

    // log P rows, _width wide: unigram rows (0 where absent), bigram rows (falling back to the first letter's unigram).
    private readonly Dictionary<char, int> _unigramRows;
    private readonly Dictionary<uint, int> _bigramRows;
    private readonly double[] _unigramValues;
    private readonly double[] _bigramValues;

    // Trigrams of any model: their languages and log P, sparse (entries [start, start + count) of the two arrays).
    private readonly Dictionary<ulong, (int Start, int Count)> _trigrams;
    private readonly byte[] _trigramLanguages;
    private readonly double[] _trigramValues;

    private ScriptTrigramScorer(
        Language[] languages, UnicodeScript script, Dictionary<char, ulong> unique, (string, int[])[] letterRules,
        Dictionary<char, int> unigramRows, double[] unigramValues, Dictionary<uint, int> bigramRows, double[] bigramValues,
        Dictionary<ulong, (int, int)> trigrams, byte[] trigramLanguages, double[] trigramValues)
    {
        _languages = languages;
        _width = languages.Length;
        _script = script;
        _unique = unique;
        _letterRules = letterRules;
        _ruleLetters = letterRules.SelectMany((rule, index) => rule.Item1.Distinct().Select(c => (Letter: c, Rule: index)))
            .GroupBy(x => x.Letter)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Rule).ToArray());
        _unigramRows = unigramRows;
        _unigramValues = unigramValues;
        _bigramRows = bigramRows;
        _bigramValues = bigramValues;
        _trigrams = trigrams;
        _trigramLanguages = trigramLanguages;
        _trigramValues = trigramValues;
    }

    public IReadOnlyList<Language> Languages => _languages;

    /// <summary>
    /// The detector's answer for the sample (Unknown on a tie or without letters); false when a character is of a script
    /// other than this one's (Lingua's rules would then weigh alphabets and logograms, which these tables do not model).
    /// </summary>
    public bool TryDetect(string sample, out Language language)
    {
        language = Language.Unknown;
        var cleaned = CleanUp(sample);
        if (cleaned.Length == 0 || !HasLetter(cleaned))
        {
            return true;
        }

        if (Words(cleaned) is not { } split)
        {
            return false;
        }

        var (words, anyOfScript) = split;

        if (RuleLanguage(cleaned, words) is { } byRule)
        {
            language = byRule;
            return true;
        }

        language = Finish(cleaned, words, anyOfScript);
        return true;
    }

    /// <summary>
    /// Lingua's steps after its first rule, once its alphabet count kept this script's languages (or, with
    /// <paramref name="letterRule"/> false, when no word was wholly of one alphabet): the letter rule, then the trigram sums.
    /// </summary>
    internal Language Finish(string cleaned, List<Range> words, bool letterRule)
    {
        var candidates = letterRule ? Candidates(cleaned, words) : [.. Enumerable.Range(0, _width)];
        if (candidates.Count == 1)
        {
            return _languages[candidates[0]];
        }

        if (cleaned.Length < 3)
        {
            return Language.Unknown;
        }

        Span<double> sums = stackalloc double[_width];
        sums.Clear();
        Score(cleaned, sums);
        return Decide(sums, candidates);
    }

    /// <summary>Lingua's clean-up: trimmed, lower case (surrogate pairs as one code point), punctuation and digits dropped, whitespace runs to one space.</summary>
    internal static string CleanUp(string text)
    {
        var span = text.AsSpan().Trim();
        if (span.IsEmpty)
        {
            return string.Empty;
        }

        var builder = new StringBuilder(span.Length);
        Span<char> pair = stackalloc char[2];
        var space = false;
        for (var i = 0; i < span.Length; i++)
        {
            var c = span[i];
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
            {
                if (space)
                {
                    builder.Append(' ');
                    space = false;
                }

                var written = Rune.ToLowerInvariant(new Rune(c, span[i + 1])).EncodeToUtf16(pair);
                builder.Append(pair[..written]);
                i++;
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            if (char.IsPunctuation(lower) || char.IsNumber(lower))
            {
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(lower);
        }

        if (space)
        {
            builder.Append(' ');
        }

        return builder.ToString();
    }

    /// <summary>
    /// The words (split at spaces: there are no logograms here), and whether any word is wholly of this script (else
    /// Lingua's second rule keeps every language); null when a character is of another script.
    /// </summary>
    private (List<Range> Words, bool AnyOfScript)? Words(string cleaned)
    {
        var words = new List<Range>();
        var anyOfScript = false;
        var start = 0;
        var wordOfScript = true;
        for (var i = 0; i <= cleaned.Length; i++)
        {
            if (i < cleaned.Length && cleaned[i] != ' ')
            {
                var script = cleaned[i].GetScript();
                if (script != _script)
                {
                    if (script is not (UnicodeScript.Common or UnicodeScript.Inherited or UnicodeScript.Unknown))
                    {
                        return null;
                    }

                    wordOfScript = false;
                }

                continue;
            }

            if (i > start)
            {
                words.Add(start..i);
                anyOfScript |= wordOfScript;
            }

            start = i + 1;
            wordOfScript = true;
        }

        return (words, anyOfScript);
    }

    /// <summary>Per language, the sum over distinct letter trigrams (first appearance order) of the first positive log P of trigram, bigram, unigram.</summary>
    private void Score(string cleaned, Span<double> sums)
    {
        Span<double> row = stackalloc double[_width];
        var seen = new HashSet<ulong>();
        var span = cleaned.AsSpan();
        var i = 0;
        while (i < span.Length)
        {
            if (!char.IsLetter(span[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < span.Length && char.IsLetter(span[i]))
            {
                i++;
            }

            for (var j = start; j + 3 <= i; j++)
            {
                var key = Pack(span[j], span[j + 1], span[j + 2]);
                if (!seen.Add(key))
                {
                    continue;
                }

                if (_bigramRows.TryGetValue(Pack(span[j], span[j + 1]), out var bigram))
                {
                    _bigramValues.AsSpan(bigram * _width, _width).CopyTo(row);
                }
                else if (_unigramRows.TryGetValue(span[j], out var unigram))
                {
                    _unigramValues.AsSpan(unigram * _width, _width).CopyTo(row);
                }
                else
                {
                    row.Clear();
                }

                if (_trigrams.TryGetValue(key, out var entries))
                {
                    for (var e = entries.Start; e < entries.Start + entries.Count; e++)
                    {
                        row[_trigramLanguages[e]] = _trigramValues[e];
                    }
                }

                LinguaTables.Add(sums, row);
            }
        }
    }

    /// <summary>Lingua's confidence step: softmax of the candidates' sums, the most likely wins unless the next one ties it.</summary>
    private Language Decide(ReadOnlySpan<double> sums, List<int> candidates)
    {
        // Lingua keeps the candidates with a negative sum, exponentiates them, and normalizes by their total.
        var denominator = 0.0;
        var any = false;
        foreach (var l in candidates)
        {
            if (sums[l] < 0)
            {
                any = true;
                denominator += Math.Exp(sums[l]);
            }
        }

        if (!any)
        {
            return Language.Unknown;
        }

        if (denominator == 0)
        {
            // Every exponent underflowed: the first candidate (in candidate order) with the highest sum.
            var top = -1;
            foreach (var l in candidates)
            {
                if (sums[l] < 0 && (top < 0 || sums[l] > sums[top]))
                {
                    top = l;
                }
            }

            return _languages[top];
        }

        // Confidence values over all the detector's languages (0 for the others), sorted stably in detector order.
        Span<double> values = stackalloc double[_width];
        values.Clear();
        foreach (var l in candidates)
        {
            if (sums[l] < 0)
            {
                values[l] = Math.Exp(sums[l]) / denominator;
            }
        }

        var best = 0;
        for (var l = 1; l < _width; l++)
        {
            if (values[l] > values[best])
            {
                best = l;
            }
        }

        for (var l = 0; l < _width; l++)
        {
            if (l != best && values[l].Equals(values[best]))
            {
                return Language.Unknown;
            }
        }

        return _languages[best];
    }

    internal static bool HasLetter(string text)
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

    private static uint Pack(char a, char b) => ((uint)a << 16) | b;

    private static ulong Pack(char a, char b, char c) => ((ulong)a << 32) | ((ulong)b << 16) | c;
}
