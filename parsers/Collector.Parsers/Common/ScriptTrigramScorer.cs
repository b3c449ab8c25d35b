using System.Collections;
using System.Numerics;
using System.Reflection;
using System.Text;
using System.Text.Json;
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
internal sealed class ScriptTrigramScorer
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
    /// Tables for the detector's languages (in the order the detector holds them, which its tie rules follow), all of
    /// the given script; null when a model file or Lingua's rule table cannot be read.
    /// </summary>
    public static ScriptTrigramScorer? TryLoad(string modelsDirectory, LanguageDetector detector, UnicodeScript script)
    {
        try
        {
            var languages = detector.Languages.ToArray();
            var ofScript = script switch
            {
                UnicodeScript.Latin => LanguageInfo.AllWithLatinScript(),
                UnicodeScript.Cyrillic => LanguageInfo.AllWithCyrillicScript(),
                _ => [],
            };
            if (languages.Length is < 2 or > MaxLanguages || !languages.All(ofScript.Contains) || LetterRules(languages) is not { } letterRules)
            {
                return null;
            }

            var index = new Dictionary<Language, int>();
            for (var i = 0; i < languages.Length; i++)
            {
                index[languages[i]] = i;
            }

            var unique = new Dictionary<char, ulong>();
            for (var i = 0; i < languages.Length; i++)
            {
                if (languages[i].UniqueCharacters() is { } letters && !string.IsNullOrWhiteSpace(letters))
                {
                    foreach (var c in letters)
                    {
                        unique[c] = unique.GetValueOrDefault(c) | (1UL << i);
                    }
                }
            }

            var width = languages.Length;
            var unigramModels = new Dictionary<string, double>[width];
            var bigramModels = new Dictionary<string, double>[width];
            var trigramModels = new Dictionary<string, double>[width];
            for (var l = 0; l < width; l++)
            {
                var folder = Path.Combine(modelsDirectory, languages[l].IsoCode6391().ToString().ToLowerInvariant());
                unigramModels[l] = ReadModel(Path.Combine(folder, "unigrams.json.br"));
                bigramModels[l] = ReadModel(Path.Combine(folder, "bigrams.json.br"));
                trigramModels[l] = ReadModel(Path.Combine(folder, "trigrams.json.br"));
            }

            var unigramRows = new Dictionary<char, int>();
            foreach (var key in unigramModels.SelectMany(m => m.Keys).Where(k => k.Length == 1).Distinct(StringComparer.Ordinal))
            {
                unigramRows[key[0]] = unigramRows.Count;
            }

            var unigramValues = new double[unigramRows.Count * width];
            foreach (var (letter, row) in unigramRows)
            {
                for (var l = 0; l < width; l++)
                {
                    unigramValues[(row * width) + l] = Log(unigramModels[l], letter.ToString());
                }
            }

            var bigramRows = new Dictionary<uint, int>();
            foreach (var key in bigramModels.SelectMany(m => m.Keys).Where(k => k.Length == 2).Distinct(StringComparer.Ordinal))
            {
                bigramRows[Pack(key[0], key[1])] = bigramRows.Count;
            }

            var bigramValues = new double[bigramRows.Count * width];
            foreach (var (packed, row) in bigramRows)
            {
                var key = string.Create(2, packed, static (s, p) => (s[0], s[1]) = ((char)(p >> 16), (char)(p & 0xFFFF)));
                for (var l = 0; l < width; l++)
                {
                    // Presence, not the value, decides the fallback (a probability of 1 has a log of 0 and still stops it).
                    bigramValues[(row * width) + l] = bigramModels[l].TryGetValue(key, out var p) && p > 0
                        ? Math.Log(p)
                        : Log(unigramModels[l], key[..1]);
                }
            }

            var trigramKeys = trigramModels.SelectMany(m => m.Keys).Where(k => k.Length == 3).Distinct(StringComparer.Ordinal).ToList();
            var trigrams = new Dictionary<ulong, (int, int)>(trigramKeys.Count);
            var trigramLanguages = new List<byte>();
            var trigramValues = new List<double>();
            foreach (var key in trigramKeys)
            {
                var start = trigramLanguages.Count;
                for (var l = 0; l < width; l++)
                {
                    if (trigramModels[l].TryGetValue(key, out var p) && p > 0)
                    {
                        trigramLanguages.Add((byte)l);
                        trigramValues.Add(Math.Log(p));
                    }
                }

                trigrams[Pack(key[0], key[1], key[2])] = (start, trigramLanguages.Count - start);
            }

            return new ScriptTrigramScorer(
                languages, script, unique, letterRules, unigramRows, unigramValues, bigramRows, bigramValues,
                trigrams, [.. trigramLanguages], [.. trigramValues]);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or InvalidDataException
            or FormatException or OverflowException or ArgumentException or InvalidCastException or TargetException
            or MemberAccessException)
        {
            return null;
        }
    }

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

    /// <summary>Lingua's first rule: a language whose unique letters decide more words than any other (and than "unknown").</summary>
    private Language? RuleLanguage(string cleaned, List<Range> words)
    {
        Span<int> counts = stackalloc int[_width];
        Span<int> totals = stackalloc int[_width];
        totals.Clear();
        var unknown = 0;
        foreach (var range in words)
        {
            counts.Clear();
            ulong seen = 0;
            foreach (var c in cleaned.AsSpan()[range])
            {
                if (_unique.TryGetValue(c, out var mask) && c.GetScript() is UnicodeScript.Latin or UnicodeScript.Cyrillic or UnicodeScript.Devanagari)
                {
                    seen |= mask;
                    for (var bits = mask; bits != 0; bits &= bits - 1)
                    {
                        counts[BitOperations.TrailingZeroCount(bits)]++;
                    }
                }
            }

            if (seen == 0)
            {
                unknown++;
            }
            else if (BitOperations.PopCount(seen) == 1)
            {
                totals[BitOperations.TrailingZeroCount(seen)]++;
            }
            else if (LinguaTables.UniqueMax(counts) is { } best)
            {
                totals[best]++;
            }
            else
            {
                unknown++;
            }
        }

        // Unknown stays a contender only when at least half the words are undecided.
        var half = 0.5 * words.Count;
        var keepUnknown = unknown > 0 && unknown >= half;
        var best2 = -1;
        var bestCount = keepUnknown ? unknown : 0;
        var tie = false;
        var contenders = keepUnknown ? 1 : 0;
        for (var l = 0; l < _width; l++)
        {
            if (totals[l] == 0)
            {
                continue;
            }

            contenders++;
            if (totals[l] > bestCount)
            {
                (best2, bestCount, tie) = (l, totals[l], false);
            }
            else if (totals[l] == bestCount)
            {
                tie = true;
            }
        }

        if (contenders == 0 || best2 < 0)
        {
            return null; // nothing, only "unknown", or "unknown" ahead
        }

        return contenders == 1 || !tie ? _languages[best2] : null;
    }

    /// <summary>Lingua's second rule: the languages of letters such as ñ, ё or ą held by at least half the words, else all (as indices, in Lingua's order).</summary>
    private List<int> Candidates(string cleaned, List<Range> words)
    {
        // Lingua adds, per rule, per word, per letter of the rule that the word holds, one to each of the rule's languages.
        // So a rule adds (the number of its letters each word holds, summed over the words) to each of its languages, and a
        // language's first addition comes from the first rule (in table order) with any of its letters in the sample.
        Span<int> perRule = stackalloc int[_letterRules.Length];
        perRule.Clear();
        var any = false;
        foreach (var range in words)
        {
            var word = cleaned.AsSpan()[range];
            for (var i = 0; i < word.Length; i++)
            {
                // Each letter a word holds counts once for it, however often it occurs.
                if (_ruleLetters.TryGetValue(word[i], out var rules) && !word[..i].Contains(word[i]))
                {
                    foreach (var rule in rules)
                    {
                        perRule[rule]++;
                    }

                    any = true;
                }
            }
        }

        if (!any)
        {
            return [.. Enumerable.Range(0, _width)];
        }

        Span<int> counts = stackalloc int[_width];
        counts.Clear();
        var order = new List<int>();
        for (var r = 0; r < _letterRules.Length; r++)
        {
            if (perRule[r] == 0)
            {
                continue;
            }

            foreach (var l in _letterRules[r].Languages)
            {
                if (counts[l] == 0)
                {
                    order.Add(l);
                }

                counts[l] += perRule[r];
            }
        }

        var half = 0.5 * words.Count;
        var subset = new List<int>();
        foreach (var l in order)
        {
            if (counts[l] >= half)
            {
                subset.Add(l);
            }
        }

        return subset.Count > 0 ? subset : [.. Enumerable.Range(0, _width)];
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

    /// <summary>
    /// Lingua's letters-to-languages rule table (a private static dictionary of string to language set) read from the
    /// loaded Lingua, restricted to the detector's languages and kept in Lingua's order; null when it is not there.
    /// </summary>
    private static (string, int[])[]? LetterRules(Language[] languages)
    {
        var field = typeof(LanguageDetector).GetField("CharsToLanguagesMapping", BindingFlags.NonPublic | BindingFlags.Static);
        if (field?.GetValue(null) is not IDictionary table)
        {
            return null;
        }

        var rules = new List<(string, int[])>();
        foreach (DictionaryEntry entry in table)
        {
            if (entry.Key is not string letters || entry.Value is not IEnumerable<Language> set)
            {
                return null;
            }

            rules.Add((letters, [.. set.Select(l => Array.IndexOf(languages, l)).Where(i => i >= 0)]));
        }

        return [.. rules];
    }

    /// <summary>A model file's n-grams and their probabilities; empty when the file is absent.</summary>
    private static Dictionary<string, double> ReadModel(string path)
    {
        var model = new Dictionary<string, double>(StringComparer.Ordinal);
        LinguaTables.ReadModel(path, (ngram, probability) => model[ngram.ToString()] = probability);
        return model;
    }

    private static double Log(Dictionary<string, double> model, string key) =>
        model.TryGetValue(key, out var p) && p > 0 ? Math.Log(p) : 0;

    private static uint Pack(char a, char b) => ((uint)a << 16) | b;

    private static ulong Pack(char a, char b, char c) => ((ulong)a << 32) | ((ulong)b << 16) | c;

}
