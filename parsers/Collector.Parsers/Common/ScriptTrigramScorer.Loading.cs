using System.Text.Json;
using Lingua;

namespace Collector.Parsers.Common;

/// <summary>Building a scorer's tables: from Lingua's model files and its letters-to-languages rule table.</summary>
internal sealed partial class ScriptTrigramScorer
{
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
            if (languages.Length is < 2 or > MaxLanguages || !languages.All(ofScript.Contains))
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
                languages, script, unique, LetterRules(languages), unigramRows, unigramValues, bigramRows, bigramValues,
                trigrams, [.. trigramLanguages], [.. trigramValues]);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or InvalidDataException
            or FormatException or OverflowException or ArgumentException or InvalidCastException)
        {
            return null;
        }
    }

    /// <summary>Lingua's letters-to-languages rules (<see cref="LinguaLetterRules"/>) restricted to the detector's languages, in Lingua's order.</summary>
    private static (string, int[])[] LetterRules(Language[] languages) =>
        [.. LinguaLetterRules.Table.Select(rule => (rule.Letters, rule.Languages.Select(l => Array.IndexOf(languages, l)).Where(i => i >= 0).ToArray()))];

    /// <summary>A model file's n-grams and their probabilities; empty when the file is absent.</summary>
    private static Dictionary<string, double> ReadModel(string path)
    {
        var model = new Dictionary<string, double>(StringComparer.Ordinal);
        LinguaTables.ReadModel(path, (ngram, probability) => model[ngram.ToString()] = probability);
        return model;
    }

    private static double Log(Dictionary<string, double> model, string key) =>
        model.TryGetValue(key, out var p) && p > 0 ? Math.Log(p) : 0;
}
