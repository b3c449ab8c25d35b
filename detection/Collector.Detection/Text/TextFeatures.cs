namespace Collector.Detection.Text;

/// <summary>What matching needs of one text: an exact key, a lead key for truncated copies, and the sorted shingle set.</summary>
internal readonly struct TextFeatures
{
    public static readonly TextFeatures Empty = new(0, 0, []);

    public TextFeatures(ulong exactKey, ulong leadKey, uint[] shingles)
    {
        ExactKey = exactKey;
        LeadKey = leadKey;
        Shingles = shingles;
    }

    /// <summary>Hash of the whole token sequence; 0 when the text is too short to match.</summary>
    public ulong ExactKey { get; }

    /// <summary>Hash of the first tokens (0 when too short): truncated copies share it.</summary>
    public ulong LeadKey { get; }

    /// <summary>Sorted distinct shingle hashes.</summary>
    public uint[] Shingles { get; }

    public bool IsMatchable => ExactKey != 0;
}

/// <summary>Turns texts into <see cref="TextFeatures"/>: word shingles for spaced languages, character shingles for CJK.</summary>
internal sealed class TextFeaturizer(DetectionOptions options)
{
    private const int LeadTokens = 8;

    [ThreadStatic]
    private static List<uint>? tokenBuffer;

    public TextFeatures Featurize(string? title, string? text)
    {
        var normalized = TextNormalizer.Normalize(string.IsNullOrEmpty(title) || (text?.Contains(title, StringComparison.Ordinal) ?? false) ? text : title + " " + text);
        var tokens = tokenBuffer ??= new List<uint>(256);
        tokens.Clear();
        var cjk = 0;
        foreach (var token in TextNormalizer.Tokens(normalized))
        {
            tokens.Add(Hashing.Token(token));
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

        return new TextFeatures(exact == 0 ? 1 : exact, lead, shingles);
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
