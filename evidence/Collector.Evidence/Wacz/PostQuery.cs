using System.Text;
using System.Text.Json;

namespace Collector.Evidence.Wacz;

/// <summary>
/// How replay tells requests to one URL apart by their bodies: the query form of a POST or PUT body that warcio's and
/// pywb's indexers (cdxj-indexer's append_method_query) append to the URL before taking its SURT key, and that
/// wabac.js (ReplayWeb.page) builds the same way at lookup: "__wb_method=post" then, for a form, its decoded fields; for
/// JSON, every leaf value under its own key (a repeated key as key.2_, key.3_, …), URL-encoded; for anything else the
/// body in base64 as __wb_post_data. At most 4096 characters of the body's part.
/// </summary>
public static class PostQuery
{
    private const int MaxQueryLength = 4096;

    /// <summary>The string appended to the URL ("?__wb_method=post&amp;…" or "&amp;…" when it has a query), or null for GET.</summary>
    public static string? AppendFor(string url, string method, string? contentType, ReadOnlySpan<byte> body)
    {
        if (method.Equals("GET", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var query = method.ToUpperInvariant() is "POST" or "PUT" ? Extract(contentType ?? "", body) : "";
        return (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "__wb_method=" + method.ToLowerInvariant() + (query.Length > 0 ? "&" + query : "");
    }

    /// <summary>The body's query form (cdxj-indexer's query_extract).</summary>
    public static string Extract(string contentType, ReadOnlySpan<byte> body)
    {
        var mime = contentType.Trim().ToLowerInvariant();
        string query;
        if (mime.StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal))
        {
            query = Uri.UnescapeDataString(Encoding.UTF8.GetString(body).Replace('+', ' '));
        }
        else if (mime.StartsWith("application/json", StringComparison.Ordinal))
        {
            query = TryJson(body) ?? "";
        }
        else if (mime.StartsWith("text/plain", StringComparison.Ordinal))
        {
            query = TryJson(body) ?? Binary(body);
        }
        else
        {
            query = Binary(body);
        }

        return query.Length > MaxQueryLength ? query[..MaxQueryLength] : query;
    }

    private static string Binary(ReadOnlySpan<byte> body) => "__wb_post_data=" + Convert.ToBase64String(body);

    private static string? TryJson(ReadOnlySpan<byte> body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body.ToArray());
            var pairs = new List<(string Key, string Value)>();
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            Walk(doc.RootElement, "", pairs, seen);
            return string.Join('&', pairs.Select(p => QuotePlus(p.Key) + "=" + QuotePlus(p.Value)));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void Walk(JsonElement e, string name, List<(string, string)> pairs, Dictionary<string, int> seen)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject())
                {
                    Walk(p.Value, p.Name, pairs, seen);
                }

                break;
            case JsonValueKind.Array:
                foreach (var v in e.EnumerateArray())
                {
                    Walk(v, name, pairs, seen);
                }

                break;
            default:
                if (name.Length > 0)
                {
                    pairs.Add((Key(name, seen), PythonString(e)));
                }

                break;
        }
    }

    /// <summary>A key seen before becomes key.2_, key.3_, … (as the indexers number duplicates).</summary>
    private static string Key(string name, Dictionary<string, int> seen)
    {
        if (!seen.TryGetValue(name, out var count))
        {
            seen[name] = 1;
            return name;
        }

        seen[name] = ++count;
        return name + "." + count.ToString(System.Globalization.CultureInfo.InvariantCulture) + "_";
    }

    /// <summary>A leaf as Python's str() prints it: True, False, None; numbers and strings as they are.</summary>
    private static string PythonString(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString()!,
        JsonValueKind.True => "True",
        JsonValueKind.False => "False",
        JsonValueKind.Null => "None",
        _ => e.GetRawText(),
    };

    /// <summary>Python's quote_plus: unreserved characters kept, space as '+', every other UTF-8 byte as %XX.</summary>
    public static string QuotePlus(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            if (b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9') or (byte)'_' or (byte)'.' or (byte)'-' or (byte)'~')
            {
                sb.Append((char)b);
            }
            else if (b == (byte)' ')
            {
                sb.Append('+');
            }
            else
            {
                sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }
}
