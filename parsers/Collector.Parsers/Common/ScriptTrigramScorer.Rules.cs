using System.Numerics;
using Lingua;

namespace Collector.Parsers.Common;

/// <summary>Lingua's two rule stages, which decide or narrow the languages before any trigram is scored.</summary>
internal sealed partial class ScriptTrigramScorer
{
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
}
