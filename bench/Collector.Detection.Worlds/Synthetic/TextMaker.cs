using System.Text;

namespace Collector.Detection.Synthetic;

/// <summary>Random texts from the word pools, plus the edits campaigns make to their copies.</summary>
internal sealed class TextMaker(Random random)
{
    public string English(int minWords, int maxWords, string[]? topicPool = null, double topicShare = 0.3)
    {
        var count = random.Next(minWords, maxWords + 1);
        var builder = new StringBuilder(count * 7);
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                builder.Append(' ');
            }

            var r = random.NextDouble();
            var word = r < 0.3 ? Pick(WordPools.Fillers)
                : topicPool is not null && r < 0.3 + topicShare ? Pick(topicPool)
                : Pick(WordPools.English);
            builder.Append(i == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : word);
            if (random.NextDouble() < 0.08 && i < count - 1)
            {
                builder.Append(random.NextDouble() < 0.5 ? "," : ".");
            }
        }

        builder.Append(random.NextDouble() < 0.2 ? "!" : ".");
        return builder.ToString();
    }

    public string Spanish(int minWords, int maxWords)
    {
        var count = random.Next(minWords, maxWords + 1);
        var words = new string[count];
        for (var i = 0; i < count; i++)
        {
            words[i] = random.NextDouble() < 0.35 ? Pick(WordPools.SpanishFillers) : Pick(WordPools.Spanish);
        }

        return string.Join(' ', words) + ".";
    }

    public string Chinese(int minWords, int maxWords, string[]? extra = null)
    {
        var count = random.Next(minWords, maxWords + 1);
        var builder = new StringBuilder(count * 2);
        for (var i = 0; i < count; i++)
        {
            builder.Append(extra is not null && random.NextDouble() < 0.5 ? Pick(extra) : Pick(WordPools.Chinese));
            if (random.NextDouble() < 0.12)
            {
                builder.Append('，');
            }
        }

        builder.Append('。');
        return builder.ToString();
    }

    /// <summary>One or two typos: a letter dropped, doubled or swapped in a word of five letters or more.</summary>
    public string Typo(string text)
    {
        var words = text.Split(' ');
        var typos = random.Next(1, 3);
        for (var t = 0; t < typos; t++)
        {
            for (var attempt = 0; attempt < 10; attempt++)
            {
                var w = random.Next(words.Length);
                if (words[w].Length < 5)
                {
                    continue;
                }

                var chars = words[w].ToCharArray();
                var k = random.Next(1, chars.Length - 2);
                words[w] = random.Next(3) switch
                {
                    0 => words[w].Remove(k, 1),
                    1 => words[w].Insert(k, chars[k].ToString()),
                    _ => new string([.. chars[..k], chars[k + 1], chars[k], .. chars[(k + 2)..]]),
                };
                break;
            }
        }

        return string.Join(' ', words);
    }

    /// <summary>The first 60-85% of the words and an ellipsis, as platforms cut long posts.</summary>
    public string Truncate(string text)
    {
        var words = text.Split(' ');
        var keep = Math.Max(8, (int)(words.Length * (0.6 + (random.NextDouble() * 0.25))));
        return string.Join(' ', words.Take(keep)) + "…";
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
