using System.Text;

namespace Collector.Model;

/// <summary>
/// The whitespace form of <see cref="Post.Text"/>: line structure is kept, nothing else. A paragraph break is exactly
/// one blank line (<c>\n\n</c>), a line break inside a paragraph one <c>\n</c>; every other run of whitespace (spaces,
/// tabs, no-break spaces, control characters) is one space; no carriage returns, zero-width spaces or byte-order marks;
/// nothing leading or trailing. Text of nothing but whitespace is null.
/// </summary>
public static class PostText
{
    /// <summary>
    /// What <see cref="Normalize"/> gives, as an ECMA-262 regular expression (the post schema's pattern): no whitespace at
    /// either end, no whitespace but the space and the line feed, no double space, no space beside a line feed, no more
    /// than one blank line.
    /// </summary>
    public const string Pattern = @"^(?!\s)(?![\s\S]*(?:\s$|[^\S \n]|  | \n|\n |\n\n\n))[\s\S]+$";

    /// <summary>Normalized text, or null when nothing but whitespace remains. Applying it twice changes nothing.</summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        // most text arrives normalized already (every parser normalizes, and each copy of a post assigns its text
        // again): checked in one pass, and then kept as it is, not copied
        return IsNormal(text) ? text : Rebuild(text);
    }

    /// <summary>True when <see cref="Rebuild"/> would give back <paramref name="text"/> unchanged.</summary>
    internal static bool IsNormal(string text)
    {
        if (text.Length == 0 || text[0] is ' ' or '\n' || text[^1] is ' ' or '\n')
        {
            return false;
        }

        var previous = '\0';
        var newlines = 0;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                if (previous == ' ' || ++newlines > 2)
                {
                    return false;
                }
            }
            else if (c == ' ')
            {
                if (previous is ' ' or '\n')
                {
                    return false;
                }

                newlines = 0;
            }
            else if (c is '\u200B' or '\uFEFF' || char.IsWhiteSpace(c) || char.IsControl(c))
            {
                return false;
            }
            else
            {
                newlines = 0;
            }

            previous = c;
        }

        return true;
    }

    /// <summary>The normal form built character by character.</summary>
    internal static string? Rebuild(string text)
    {
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
}
