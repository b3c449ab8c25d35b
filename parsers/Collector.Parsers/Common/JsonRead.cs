using System.Globalization;
using System.Text.Json;

namespace Collector.Parsers.Common;

/// <summary>
/// Safe reads over <see cref="JsonElement"/> by property path: a missing property, a wrong kind or a null gives null,
/// never an exception. Path segments are property names; a segment of digits indexes an array.
/// </summary>
public static class JsonRead
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 256,
    };

    // Strict JSON first: the reader's comment-skipping path is markedly slower on every token, and API bodies have none.
    private static readonly JsonDocumentOptions StrictOptions = new() { MaxDepth = 256 };

    /// <summary>
    /// Parses JSON (comments and trailing commas allowed), or null when it is not valid (the caller classifies). Dispose
    /// the document. Strict JSON is tried first; only a body that fails it is parsed again leniently.
    /// </summary>
    public static JsonDocument? TryParse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return JsonDocument.Parse(json, StrictOptions);
        }
        catch (JsonException)
        {
            // not strict JSON: perhaps comments or trailing commas
        }
        catch (ArgumentException)
        {
            return null; // lone surrogates: no reading of this text can succeed
        }

        try
        {
            return JsonDocument.Parse(json, DocumentOptions);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            return null; // ArgumentException: lone surrogates in the text (a damaged save) cannot be transcoded to UTF-8
        }
    }

    /// <summary>The element at the path, or null.</summary>
    public static JsonElement? At(this JsonElement element, params ReadOnlySpan<string> path)
    {
        var current = element;
        foreach (var segment in path)
        {
            if (current.ValueKind == JsonValueKind.Object)
            {
                if (!current.TryGetProperty(segment, out current))
                {
                    return null;
                }
            }
            else if (current.ValueKind == JsonValueKind.Array
                && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                && index < current.GetArrayLength())
            {
                current = current[index];
            }
            else
            {
                return null;
            }
        }

        return current.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ? null : current;
    }

    /// <summary>A string (numbers and booleans as their text); empty strings are null.</summary>
    public static string? Str(this JsonElement element, params ReadOnlySpan<string> path)
    {
        var value = element.At(path);
        return value?.ValueKind switch
        {
            JsonValueKind.String => Text(value.Value) is { Length: > 0 } s ? s : null,
            JsonValueKind.Number => value.Value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
    }

    /// <summary>A string value; null when its escapes encode invalid UTF-16 (a lone surrogate such as \udca1).</summary>
    private static string? Text(JsonElement value)
    {
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>An integer from a number or a numeric string ("1234", 12.0).</summary>
    public static long? Long(this JsonElement element, params ReadOnlySpan<string> path)
    {
        var value = element.At(path);
        if (value is not { } v)
        {
            return null;
        }

        if (v.ValueKind == JsonValueKind.Number)
        {
            if (v.TryGetInt64(out var l))
            {
                return l;
            }

            return v.TryGetDouble(out var d) && double.IsFinite(d) && Math.Abs(d) < 9e18 ? (long)d : null;
        }

        return v.ValueKind == JsonValueKind.String
            && long.TryParse(Text(v), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : null;
    }

    public static double? Double(this JsonElement element, params ReadOnlySpan<string> path)
    {
        var value = element.At(path);
        if (value is not { } v)
        {
            return null;
        }

        if (v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d))
        {
            return d;
        }

        return v.ValueKind == JsonValueKind.String
            && double.TryParse(Text(v), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : null;
    }

    public static bool? Bool(this JsonElement element, params ReadOnlySpan<string> path)
    {
        var value = element.At(path);
        return value?.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when bool.TryParse(Text(value.Value), out var b) => b,
            _ => null,
        };
    }

    /// <summary>A UTC instant from epoch seconds or milliseconds (told apart by size) or an ISO-8601 string.</summary>
    public static DateTimeOffset? Time(this JsonElement element, params ReadOnlySpan<string> path)
    {
        var value = element.At(path);
        return value?.ValueKind switch
        {
            JsonValueKind.Number when value.Value.TryGetDouble(out var n) => Times.FromEpoch(n),
            JsonValueKind.String => Times.Parse(Text(value.Value)),
            _ => null,
        };
    }

    /// <summary>The array's items (none when the path is not an array).</summary>
    public static IEnumerable<JsonElement> Items(this JsonElement element, params ReadOnlySpan<string> path)
    {
        var value = element.At(path);
        return value is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];
    }

    /// <summary>The object's properties (none when the path is not an object).</summary>
    public static IEnumerable<JsonProperty> Properties(this JsonElement element, params ReadOnlySpan<string> path)
    {
        var value = element.At(path);
        return value is { ValueKind: JsonValueKind.Object } obj ? obj.EnumerateObject() : [];
    }

    /// <summary>Every object nested in the element (itself included), depth-first without recursion.</summary>
    public static IEnumerable<JsonElement> DescendantObjects(this JsonElement element, int limit = 1_000_000)
    {
        var stack = new Stack<JsonElement>();
        stack.Push(element);
        var seen = 0;
        while (stack.Count > 0 && seen++ < limit)
        {
            var current = stack.Pop();
            if (current.ValueKind == JsonValueKind.Object)
            {
                yield return current;
                var children = new List<JsonElement>();
                foreach (var property in current.EnumerateObject())
                {
                    if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                    {
                        children.Add(property.Value);
                    }
                }

                for (var i = children.Count - 1; i >= 0; i--)
                {
                    stack.Push(children[i]);
                }
            }
            else if (current.ValueKind == JsonValueKind.Array)
            {
                var length = current.GetArrayLength();
                for (var i = length - 1; i >= 0; i--)
                {
                    var item = current[i];
                    if (item.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                    {
                        stack.Push(item);
                    }
                }
            }
        }
    }
}
