using Collector.Model;

namespace Collector.Parsers.Common;

/// <summary>Whitespace normalization of plain text: <see cref="PostText"/>, and its single-line form for titles.</summary>
public static class TextNormalizer
{
    /// <summary>Normalized text, or null when nothing but whitespace remains (the post's text form, <see cref="PostText"/>).</summary>
    public static string? Normalize(string? text) => PostText.Normalize(text);

    /// <summary>Single-line form (every whitespace run, newlines included, becomes one space).</summary>
    public static string? OneLine(string? text)
    {
        var normalized = Normalize(text);
        return normalized?.Replace("\n\n", " ", StringComparison.Ordinal).Replace('\n', ' ');
    }
}
