namespace Collector.Detection.Text;

/// <summary>Function words that say nothing about a topic (English plus a few common in other Latin-script languages).</summary>
internal static class StopWords
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "the", "and", "for", "are", "but", "not", "you", "all", "any", "can", "had", "her", "was", "one", "our", "out",
        "has", "have", "his", "how", "its", "may", "new", "now", "see", "who", "did", "yes", "get", "got", "let", "too",
        "this", "that", "with", "from", "they", "will", "would", "there", "their", "what", "about", "which", "when",
        "make", "like", "time", "just", "know", "take", "into", "year", "your", "some", "could", "them", "than", "then",
        "look", "only", "come", "over", "think", "also", "back", "after", "use", "two", "first", "well", "way", "even",
        "want", "because", "these", "give", "day", "most", "very", "much", "more", "really", "here", "been", "were",
        "being", "does", "doing", "such", "should", "must", "why", "where", "those", "every", "still", "great", "good",
        "thanks", "thank", "please", "read", "que", "los", "las", "del", "una", "por", "con", "para", "les", "des",
        "une", "est", "pas", "und", "der", "die", "das", "ist", "nicht", "mit",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool Contains(ReadOnlySpan<char> word) => Lookup.Contains(word);
}
