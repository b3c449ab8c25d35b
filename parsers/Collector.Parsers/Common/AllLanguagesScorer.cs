using Lingua;

namespace Collector.Parsers.Common;

/// <summary>
/// Lingua's low-accuracy detector of all languages, for samples that mix Latin or Cyrillic letters with each other or
/// with Chinese and Japanese characters (a pixiv title in Japanese with an English name, a Russian post with a Latin
/// handle): Lingua's first rule (letters unique to a language, Han characters voting Chinese, kana Japanese, each
/// logogram a word of its own) computed here; when its alphabet rule then keeps the Latin-script or Cyrillic-script
/// languages, the rest is <see cref="ScriptTrigramScorer"/>'s (the detector holds those languages in the same relative
/// order, which its tie rules follow). <see cref="TryDetect"/> says no, and Lingua must be asked, for any other script or
/// when the alphabet rule keeps other languages or all of them.
/// </summary>
internal sealed class AllLanguagesScorer
{
    private const int MaxLanguages = 128;

    private readonly Language[] _languages;
    private readonly Dictionary<char, UInt128> _unique;
    private readonly int _chinese;
    private readonly int _japanese;
    private readonly ScriptTrigramScorer _latin;
    private readonly ScriptTrigramScorer _cyrillic;

    private AllLanguagesScorer(Language[] languages, Dictionary<char, UInt128> unique, ScriptTrigramScorer latin, ScriptTrigramScorer cyrillic)
    {
        _languages = languages;
        _unique = unique;
        _chinese = Array.IndexOf(languages, Language.Chinese);
        _japanese = Array.IndexOf(languages, Language.Japanese);
        _latin = latin;
        _cyrillic = cyrillic;
    }

    /// <summary>Null unless the detector holds Chinese, Japanese and the tables' languages in the tables' relative order.</summary>
    public static AllLanguagesScorer? TryCreate(LanguageDetector detector, ScriptTrigramScorer? latin, ScriptTrigramScorer? cyrillic)
    {
        var languages = detector.Languages.ToArray();
        if (latin is null || cyrillic is null || languages.Length > MaxLanguages
            || !languages.Contains(Language.Chinese) || !languages.Contains(Language.Japanese)
            || !languages.Where(latin.Languages.Contains).SequenceEqual(latin.Languages)
            || !languages.Where(cyrillic.Languages.Contains).SequenceEqual(cyrillic.Languages))
        {
            return null;
        }

        var unique = new Dictionary<char, UInt128>();
        for (var i = 0; i < languages.Length; i++)
        {
            if (languages[i].UniqueCharacters() is { } letters && !string.IsNullOrWhiteSpace(letters))
            {
                foreach (var c in letters)
                {
                    unique[c] = unique.GetValueOrDefault(c) | (UInt128.One << i);
                }
            }
        }

        return new AllLanguagesScorer(languages, unique, latin, cyrillic);
    }

    public bool TryDetect(string sample, out Language language)
    {
        language = Language.Unknown;
        var cleaned = ScriptTrigramScorer.CleanUp(sample);
        if (cleaned.Length == 0 || !ScriptTrigramScorer.HasLetter(cleaned))
        {
            return true;
        }

        // Words: split at spaces, and every Han or kana character is a word of its own.
        var words = new List<Range>();
        var start = 0;
        for (var i = 0; i < cleaned.Length; i++)
        {
            var c = cleaned[i];
            if (c == ' ')
            {
                if (i > start)
                {
                    words.Add(start..i);
                }

                start = i + 1;
                continue;
            }

            switch (c.GetScript())
            {
                case UnicodeScript.Han or UnicodeScript.Hiragana or UnicodeScript.Katakana:
                    if (i > start)
                    {
                        words.Add(start..i);
                    }

                    words.Add(i..(i + 1));
                    start = i + 1;
                    break;
                case UnicodeScript.Latin or UnicodeScript.Cyrillic or UnicodeScript.Common or UnicodeScript.Inherited or UnicodeScript.Unknown:
                    break;
                default:
                    return false;
            }
        }

        if (start < cleaned.Length)
        {
            words.Add(start..cleaned.Length);
        }

        if (RuleLanguage(cleaned, words) is { } byRule)
        {
            language = byRule;
            return true;
        }

        // Lingua's alphabet rule: letters per alphabet over the words wholly of one; the most (first such alphabet on a tie).
        Span<int> letters = stackalloc int[5];
        letters.Clear();
        Span<int> firstSeen = stackalloc int[5];
        firstSeen.Fill(int.MaxValue);
        foreach (var range in words)
        {
            var word = cleaned.AsSpan()[range];
            var script = word[0].GetScript();
            var slot = script switch
            {
                UnicodeScript.Cyrillic => 0,
                UnicodeScript.Han => 1,
                UnicodeScript.Hiragana => 2,
                UnicodeScript.Katakana => 3,
                UnicodeScript.Latin => 4,
                _ => -1,
            };
            if (slot < 0 || !AllOf(word, script))
            {
                continue;
            }

            letters[slot] += word.Length;
            firstSeen[slot] = Math.Min(firstSeen[slot], range.Start.Value);
        }

        var best = -1;
        var distinct = new HashSet<int>();
        for (var slot = 0; slot < letters.Length; slot++)
        {
            if (letters[slot] == 0)
            {
                continue;
            }

            distinct.Add(letters[slot]);
            if (best < 0 || letters[slot] > letters[best] || (letters[slot] == letters[best] && firstSeen[slot] < firstSeen[best]))
            {
                best = slot;
            }
        }

        var detected = letters.ToArray().Count(n => n > 0);
        if (best < 0 || (detected > 1 && distinct.Count == 1))
        {
            return false; // every language stays a candidate: the tables hold only Latin and Cyrillic models
        }

        var tables = best switch { 0 => _cyrillic, 4 => _latin, _ => null };
        if (tables is null)
        {
            return false; // Chinese or Japanese models decide
        }

        language = tables.Finish(cleaned, words, letterRule: true);
        return true;
    }

    /// <summary>Lingua's first rule over all languages (see <see cref="ScriptTrigramScorer"/>), with Han voting Chinese and kana Japanese.</summary>
    private Language? RuleLanguage(string cleaned, List<Range> words)
    {
        var width = _languages.Length;
        Span<int> counts = stackalloc int[width];
        Span<int> totals = stackalloc int[width];
        totals.Clear();
        var unknown = 0;
        foreach (var range in words)
        {
            counts.Clear();
            var distinct = 0;
            foreach (var c in cleaned.AsSpan()[range])
            {
                switch (c.GetScript())
                {
                    case UnicodeScript.Hiragana or UnicodeScript.Katakana:
                        distinct += counts[_japanese]++ == 0 ? 1 : 0;
                        break;
                    case UnicodeScript.Han:
                        distinct += counts[_chinese]++ == 0 ? 1 : 0;
                        break;
                    case UnicodeScript.Latin or UnicodeScript.Cyrillic when _unique.TryGetValue(c, out var mask):
                        for (var l = 0; l < width; l++)
                        {
                            if ((mask & (UInt128.One << l)) != UInt128.Zero)
                            {
                                distinct += counts[l]++ == 0 ? 1 : 0;
                            }
                        }

                        break;
                }
            }

            if (distinct == 0)
            {
                unknown++;
            }
            else if (LinguaTables.UniqueMax(counts) is { } top)
            {
                totals[top]++;
            }
            else
            {
                unknown++;
            }
        }

        var keepUnknown = unknown > 0 && unknown >= 0.5 * words.Count;
        var contenders = keepUnknown ? 1 : 0;
        for (var l = 0; l < width; l++)
        {
            contenders += totals[l] > 0 ? 1 : 0;
        }

        if (contenders == 2 && !keepUnknown && totals[_chinese] > 0 && totals[_japanese] > 0)
        {
            return Language.Japanese;
        }

        var best = -1;
        var bestCount = keepUnknown ? unknown : 0;
        var tie = false;
        for (var l = 0; l < width; l++)
        {
            if (totals[l] == 0)
            {
                continue;
            }

            if (totals[l] > bestCount)
            {
                (best, bestCount, tie) = (l, totals[l], false);
            }
            else if (totals[l] == bestCount)
            {
                tie = true;
            }
        }

        return best < 0 || tie ? null : _languages[best];
    }

    private static bool AllOf(ReadOnlySpan<char> word, UnicodeScript script)
    {
        foreach (var c in word)
        {
            if (c.GetScript() != script)
            {
                return false;
            }
        }

        return true;
    }
}
