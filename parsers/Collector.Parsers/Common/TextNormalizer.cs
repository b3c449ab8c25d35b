using System.Text;

namespace Collector.Parsers.Common;

/// <summary>Whitespace normalization of plain text: runs of spaces collapse to one, at most one blank line between paragraphs.</summary>
public static class TextNormalizer
{
    /// <summary>Normalized text, or null when nothing but whitespace remains.</summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var sb = new StringBuilder(text.Length);
        var pendingSpace = false;
        var newlines = 0;
        foreach (var raw in text)
        {
            var c = raw == '\u00A0' ? ' ' : raw;
            if (c is '\n')
            {
                newlines++;
                pendingSpace = false;
                continue;
            }

            if (c is '\r' or '\u200B' or '\uFEFF')
            {
                continue;
            }

            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = true;
                continue;
            }

            if (sb.Length > 0)
            {
                if (newlines > 0)
                {
                    sb.Append(newlines > 1 ? "\n\n" : "\n");
                }
                else if (pendingSpace)
                {
                    sb.Append(' ');
                }
            }

            newlines = 0;
            pendingSpace = false;
            sb.Append(c);
        }

        return sb.Length == 0 ? null : sb.ToString();
    }

    /// <summary>Single-line form (every whitespace run, newlines included, becomes one space).</summary>
    public static string? OneLine(string? text)
    {
        var normalized = Normalize(text);
        return normalized?.Replace("\n\n", " ", StringComparison.Ordinal).Replace('\n', ' ');
    }
}
