namespace Collector.Detection.Text;

/// <summary>What matching needs of one text: an exact key, a lead key for truncated copies, and the sorted shingle set.</summary>
internal readonly struct TextFeatures
{
    public static readonly TextFeatures Empty = new(0, 0, [], []);

    public TextFeatures(ulong exactKey, ulong leadKey, uint[] shingles, uint[] characterShingles)
    {
        ExactKey = exactKey;
        LeadKey = leadKey;
        Shingles = shingles;
        CharacterShingles = characterShingles;
    }

    /// <summary>Hash of the whole token sequence; 0 when the text is too short to match.</summary>
    public ulong ExactKey { get; }

    /// <summary>Hash of the first tokens (0 when too short): truncated copies share it.</summary>
    public ulong LeadKey { get; }

    /// <summary>Sorted distinct shingle hashes.</summary>
    public uint[] Shingles { get; }

    /// <summary>
    /// Sorted distinct hashes of the normalized text's character <see cref="TextFeaturizer.CharacterShingleSize"/>-grams
    /// (tokens joined by one space; for Chinese and Japanese the same as <see cref="Shingles"/>): a typo changes a few of
    /// them instead of two whole word shingles.
    /// </summary>
    public uint[] CharacterShingles { get; }

    public bool IsMatchable => ExactKey != 0;
}

/// <summary>Turns texts into <see cref="TextFeatures"/>: word shingles for spaced languages, character shingles for CJK.</summary>
internal sealed class TextFeaturizer(DetectionOptions options)
{
    /// <summary>
    /// Characters per character shingle: 3, the q-gram length of approximate string joins (Gravano et al. 2001,
    /// "Approximate string joins in a database (almost) for free", VLDB): with q = 3 a string within k edits of another
    /// keeps all but 3k of its q-grams, and q-grams shorter than 3 are shared by unrelated words of one language.
    /// </summary>
    public const int CharacterShingleSize = 3;

    private const int LeadTokens = 8;

    [ThreadStatic]
    private static List<uint>? tokenBuffer;

    [ThreadStatic]
    private static List<char>? charBuffer;

    public TextFeatures Featurize(string? title, string? text)
    {
        var normalized = TextNormalizer.Normalize(string.IsNullOrEmpty(title) || (text?.Contains(title, StringComparison.Ordinal) ?? false) ? text : title + " " + text);
        var tokens = tokenBuffer ??= new List<uint>(256);
        var chars = charBuffer ??= new List<char>(1024);
        tokens.Clear();
        chars.Clear();
        var cjk = 0;
        foreach (var token in TextNormalizer.Tokens(normalized))
        {
            tokens.Add(Hashing.Token(token));
            if (chars.Count > 0)
            {
                chars.Add(' ');
            }

            foreach (var c in token)
            {
                chars.Add(c);
            }

            if (TextNormalizer.IsCjk(token[0]))
            {
                cjk++;
            }
        }

        var cjkMode = cjk * 2 >= tokens.Count && cjk > 0;
        if (cjkMode ? cjk < options.MinCjkChars : tokens.Count < options.MinTokens)
        {
            return TextFeatures.Empty;
        }

        ulong exact = 0xCBF29CE484222325UL;
        foreach (var t in tokens)
        {
            exact = Hashing.Combine(exact, t);
        }

        ulong lead = 0;
        if (tokens.Count >= LeadTokens + 2)
        {
            lead = 0x100000001B3UL;
            for (var i = 0; i < LeadTokens; i++)
            {
                lead = Hashing.Combine(lead, tokens[i]);
            }
        }

        var k = Math.Min(cjkMode ? options.CjkShingleSize : options.WordShingleSize, tokens.Count);
        var count = tokens.Count - k + 1;
        var shingles = new uint[count];
        for (var i = 0; i < count; i++)
        {
            var h = 0x9E3779B9u;
            for (var j = 0; j < k; j++)
            {
                h = (h * 0x01000193u) ^ tokens[i + j];
                h = Hashing.Mix32(h + (uint)j);
            }

            shingles[i] = h;
        }

        shingles = SortedDistinct(shingles);
        var characterShingles = cjkMode ? shingles : CharacterShingles(chars);
        return new TextFeatures(exact == 0 ? 1 : exact, lead, shingles, characterShingles);
    }

    private static uint[] CharacterShingles(List<char> chars)
    {
        var count = Math.Max(1, chars.Count - CharacterShingleSize + 1);
        var shingles = new uint[count];
        for (var i = 0; i < count; i++)
        {
            var h = 0x811C9DC5u;
            for (var j = i; j < Math.Min(chars.Count, i + CharacterShingleSize); j++)
            {
                h = Hashing.Mix32((h ^ chars[j]) * 0x01000193u);
            }

            shingles[i] = h;
        }

        return SortedDistinct(shingles);
    }

    private static uint[] SortedDistinct(uint[] shingles)
    {
        Array.Sort(shingles);
        var distinct = 1;
        for (var i = 1; i < shingles.Length; i++)
        {
            if (shingles[i] != shingles[distinct - 1])
            {
                shingles[distinct++] = shingles[i];
            }
        }

        if (distinct != shingles.Length)
        {
            Array.Resize(ref shingles, distinct);
        }

        return shingles;
    }

    /// <summary>Distinct content-word hashes (words of 3+ letters not in a small stop list; CJK character pairs).</summary>
    public static HashSet<uint> ContentWords(string? text)
    {
        var set = new HashSet<uint>();
        var normalized = TextNormalizer.Normalize(text);
        uint previousCjk = 0;
        foreach (var token in TextNormalizer.Tokens(normalized))
        {
            if (TextNormalizer.IsCjk(token[0]))
            {
                var h = Hashing.Token(token);
                if (previousCjk != 0)
                {
                    set.Add(Hashing.Mix32(previousCjk ^ (h * 31)));
                }

                previousCjk = h;
                continue;
            }

            previousCjk = 0;
            if (token.Length >= 3 && !StopWords.Contains(token))
            {
                set.Add(Hashing.Token(token));
            }
        }

        return set;
    }
}
