using System.Text;
using System.Text.Json;
using Collector.Parsers.Common;

namespace Collector.Parsers.Platforms.Reddit;

/// <summary>The redesign's rich-text JSON (<c>{"document":[{"e":"par","c":[{"e":"text","t":"…"}]}]}</c>) to plain text and links.</summary>
internal static class RedditRichText
{
    public static (string? Text, IReadOnlyList<string> Links) Read(JsonElement? media)
    {
        if (media is not { } m)
        {
            return (null, []);
        }

        if (m.Str("markdownContent") is { } markdown)
        {
            return (TextNormalizer.Normalize(markdown), []);
        }

        var document = m.At("richtextContent", "document") ?? m.At("document");
        if (document is not { ValueKind: JsonValueKind.Array } blocks)
        {
            return (TextNormalizer.Normalize(m.Str("content")), []);
        }

        var sb = new StringBuilder();
        var links = new List<string>();
        var stack = new Stack<(JsonElement Node, int Depth)>();
        for (var i = blocks.GetArrayLength() - 1; i >= 0; i--)
        {
            stack.Push((blocks[i], 0));
        }

        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            if (node.ValueKind != JsonValueKind.Object || depth > 64)
            {
                continue;
            }

            var kind = node.Str("e");
            if (kind is "par" or "h" or "li" or "blockquote" or "code" or "hr" or "table")
            {
                sb.Append("\n\n");
            }

            if (node.Str("t") is { } text)
            {
                sb.Append(text);
            }

            if (kind == "link" && node.Str("u") is { } url && !links.Contains(url))
            {
                links.Add(url);
            }

            if (node.At("c") is { ValueKind: JsonValueKind.Array } children)
            {
                for (var i = children.GetArrayLength() - 1; i >= 0; i--)
                {
                    stack.Push((children[i], depth + 1));
                }
            }
        }

        return (TextNormalizer.Normalize(sb.ToString()), links);
    }
}
