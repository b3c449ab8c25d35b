namespace Collector.Parsers.Platforms.Quora;

/// <summary>
/// Quora identities: an answer is its permalink path ("Question-Slug/answer/Author-Slug", or "Question-Slug/answers/123"),
/// a question its slug path. The same in embedded JSON and in every DOM generation, so captures of either line up.
/// </summary>
internal static class QuoraIds
{
    public const string Origin = "https://www.quora.com";

    public static string? PathId(string? urlOrPath)
    {
        if (string.IsNullOrWhiteSpace(urlOrPath))
        {
            return null;
        }

        var path = Uri.TryCreate(urlOrPath, UriKind.Absolute, out var absolute) ? absolute.AbsolutePath : urlOrPath.Split('?', '#')[0];
        path = path.Trim('/');
        return path.Length == 0 ? null : Uri.UnescapeDataString(path);
    }

    /// <summary>The question part of an answer permalink path.</summary>
    public static string? QuestionOf(string? answerId)
    {
        if (answerId is null)
        {
            return null;
        }

        var cut = answerId.IndexOf("/answer", StringComparison.Ordinal);
        return cut > 0 ? answerId[..cut] : null;
    }

    public static string Url(string pathId) => $"{Origin}/{pathId}";
}
