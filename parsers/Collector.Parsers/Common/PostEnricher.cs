using Collector.Model;

namespace Collector.Parsers.Common;

/// <summary>The derived fields every parser fills the same way: outbound links, hashtags and language from the text.</summary>
public static class PostEnricher
{
    /// <summary>
    /// Adds links and hashtags found in the title/text to those the parser already set, and the language
    /// (the page's declared language wins, else detection; null for short text).
    /// </summary>
    public static Post Enrich(Post post, string? declaredLanguage = null)
    {
        var text = post.Text is null ? post.Title : post.Title is null ? post.Text : post.Title + "\n" + post.Text;
        var links = TextExtraction.Merge(post.Links, TextExtraction.Links(post.Text));
        var hashtags = post.Hashtags.Count > 0 ? post.Hashtags : TextExtraction.Hashtags(text);
        var language = post.Language ?? LanguageDetection.Resolve(text, declaredLanguage);
        return post with { Links = links, Hashtags = hashtags, Language = language };
    }

    public static IReadOnlyList<Post> EnrichAll(IEnumerable<Post> posts, string? declaredLanguage = null) =>
        [.. posts.Select(p => Enrich(p, declaredLanguage))];
}
