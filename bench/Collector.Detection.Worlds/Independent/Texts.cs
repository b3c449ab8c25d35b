using System.Text;

namespace Collector.Detection.Worlds.Independent;

/// <summary>Random text in a language, and the ways a copy of a text changes as people and operators pass it on.</summary>
internal static class Texts
{
    public static string Words(Random random, string language, int count, double affairsShare = 0)
    {
        var everyday = Lexicon.Words[language];
        var affairs = Lexicon.Affairs.TryGetValue(language, out var a) ? a : everyday;
        var joiner = language == "zh" ? "" : " ";
        var sb = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var pool = random.NextDouble() < affairsShare ? affairs : everyday;
            if (i > 0)
            {
                sb.Append(i % random.Next(7, 13) == 0 ? (language == "zh" ? "。" : ". ") : joiner);
            }

            sb.Append(pool[random.Next(pool.Length)]);
        }

        sb.Append(language == "zh" ? "。" : ".");
        return sb.ToString();
    }

    /// <summary>1-4 slips of the keyboard: a letter dropped, doubled or swapped with its neighbour.</summary>
    public static string Typos(string text, Random random)
    {
        var chars = new StringBuilder(text);
        var slips = random.Next(1, 5);
        for (var i = 0; i < slips && chars.Length > 10; i++)
        {
            var at = random.Next(1, chars.Length - 2);
            switch (random.Next(3))
            {
                case 0:
                    chars.Remove(at, 1);
                    break;
                case 1:
                    chars.Insert(at, chars[at]);
                    break;
                default:
                    (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
                    break;
            }
        }

        return chars.ToString();
    }

    /// <summary>The first half to four fifths of the text, cut at a space where there is one, with an ellipsis.</summary>
    public static string Truncate(string text, Random random)
    {
        var keep = (int)(text.Length * (0.5 + (random.NextDouble() * 0.3)));
        var space = text.LastIndexOf(' ', Math.Max(0, keep));
        var cut = space > text.Length / 3 ? space : keep;
        return text[..cut] + "…";
    }

    /// <summary>Hashtags, emoji, a "BREAKING" or "RT" before or after the text.</summary>
    public static string Decorate(string text, Random random, IReadOnlyList<string> hashtags)
    {
        var before = random.Next(4) switch
        {
            0 => "BREAKING: ",
            1 => Lexicon.Emoji[random.Next(Lexicon.Emoji.Length)] + " ",
            2 => "RT ",
            _ => "",
        };
        var after = string.Join(' ', hashtags.Take(random.Next(1, hashtags.Count + 1)).Select(h => "#" + h));
        return before + text + " " + after + (random.Next(2) == 0 ? " " + Lexicon.Emoji[random.Next(Lexicon.Emoji.Length)] : "");
    }

    public static string Slug(Random random, int words)
    {
        var pool = Lexicon.Words["en"];
        return string.Join('-', Enumerable.Range(0, words).Select(_ => pool[random.Next(pool.Length)]));
    }

    public static string Token(Random random, int length, string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789")
    {
        Span<char> chars = stackalloc char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = alphabet[random.Next(alphabet.Length)];
        }

        return new string(chars);
    }
}
