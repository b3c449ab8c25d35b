using System.Net;
using System.Text.Json;

namespace Collector.Crawler.Sessions;

/// <summary>
/// Reads a session's cookies from a file exported by a browser: Netscape cookies.txt (tab-separated, "#HttpOnly_"
/// prefix honoured) or JSON (an array of {name, value, domain, path, secure, httpOnly, expirationDate|expires}).
/// </summary>
public static class CookieFile
{
    public static IReadOnlyList<Cookie> Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"cookie file '{path}' cannot be read: {e.Message}", e);
        }

        return Parse(text, path);
    }

    public static IReadOnlyList<Cookie> Parse(string text, string origin = "cookies")
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.TrimStart();
        return trimmed.StartsWith('[') || trimmed.StartsWith('{') ? ParseJson(trimmed, origin) : ParseNetscape(text, origin);
    }

    private static List<Cookie> ParseNetscape(string text, string origin)
    {
        var cookies = new List<Cookie>();
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.TrimEnd('\r');
            var httpOnly = line.StartsWith("#HttpOnly_", StringComparison.Ordinal);
            if (httpOnly)
            {
                line = line["#HttpOnly_".Length..];
            }
            else if (line.StartsWith('#') || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var f = line.Split('\t');
            if (f.Length < 7)
            {
                throw new InvalidDataException($"{origin}:{lineNumber}: a cookies.txt line has 7 tab-separated fields, this one {f.Length}");
            }

            var cookie = new Cookie(f[5], f[6], f[2], f[0]) { Secure = f[3].Equals("TRUE", StringComparison.OrdinalIgnoreCase), HttpOnly = httpOnly };
            if (long.TryParse(f[4], out var expiry) && expiry > 0)
            {
                cookie.Expires = DateTimeOffset.FromUnixTimeSeconds(expiry).UtcDateTime;
            }

            cookies.Add(cookie);
        }

        return cookies;
    }

    private static List<Cookie> ParseJson(string text, string origin)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            var array = doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("cookies", out var inner)
                ? inner
                : doc.RootElement;
            var cookies = new List<Cookie>();
            foreach (var c in array.EnumerateArray())
            {
                var cookie = new Cookie(Str(c, "name") ?? "", Str(c, "value") ?? "", Str(c, "path") ?? "/", Str(c, "domain") ?? "")
                {
                    Secure = Bool(c, "secure"),
                    HttpOnly = Bool(c, "httpOnly"),
                };
                var expiry = Num(c, "expirationDate") ?? Num(c, "expires");
                if (expiry is > 0)
                {
                    cookie.Expires = DateTimeOffset.FromUnixTimeSeconds((long)expiry.Value).UtcDateTime;
                }

                cookies.Add(cookie);
            }

            return cookies;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or CookieException)
        {
            throw new InvalidDataException($"{origin}: not a JSON cookie list: {e.Message}", e);
        }

        static string? Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        static bool Bool(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;
        static double? Num(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
    }
}
