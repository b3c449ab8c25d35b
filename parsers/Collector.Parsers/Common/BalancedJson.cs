namespace Collector.Parsers.Common;

/// <summary>Finds the end of a JSON object or array in a larger text (a script body) without parsing it.</summary>
public static class BalancedJson
{
    /// <summary>
    /// The JSON value that starts at the first '{' or '[' at or after <paramref name="start"/> (only whitespace may
    /// precede it), with balanced brackets outside strings; null when it is cut off or absent.
    /// </summary>
    public static string? Extract(string text, int start)
    {
        var range = Find(text, start);
        return range is { } r ? text.Substring(r.Start, r.Length) : null;
    }

    public static (int Start, int Length)? Find(string text, int start)
    {
        var i = start;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        if (i >= text.Length || (text[i] != '{' && text[i] != '['))
        {
            return null;
        }

        var begin = i;
        var depth = 0;
        var inString = false;
        var quote = '"';
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == quote)
                {
                    inString = false;
                }

                continue;
            }

            switch (c)
            {
                case '"':
                case '\'':
                    inString = true;
                    quote = c;
                    break;
                case '{':
                case '[':
                    depth++;
                    break;
                case '}':
                case ']':
                    depth--;
                    if (depth == 0)
                    {
                        return (begin, i - begin + 1);
                    }

                    break;
                case '<' when i + 8 < text.Length && string.CompareOrdinal(text, i, "</script", 0, 8) == 0:
                    return null;
            }
        }

        return null;
    }
}
