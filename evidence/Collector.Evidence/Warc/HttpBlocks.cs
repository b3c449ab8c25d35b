using System.Globalization;
using System.Net;
using System.Text;
using Collector.Model;

namespace Collector.Evidence.Warc;

/// <summary>
/// The application/http blocks of request and response records, rebuilt from a stored exchange. The stored body is the
/// body after transfer (and, where the client undid it, content) decoding, so framing headers that no longer describe it
/// are kept under X-Archive-Orig-* (the convention pywb and Browsertrix use) and Content-Length is the stored length.
/// </summary>
public static class HttpBlocks
{
    public static byte[] Request(HttpExchange exchange)
    {
        var uri = TryUri(exchange.Url);
        var target = uri is null ? exchange.Url : uri.PathAndQuery;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Token(exchange.Method)} {target} HTTP/1.1\r\n");
        var headers = Expand(exchange.RequestHeaders).ToList();
        if (uri is not null && !headers.Any(h => h.Key.Equals("host", StringComparison.OrdinalIgnoreCase)))
        {
            headers.Insert(0, new("Host", uri.IsDefaultPort ? uri.Host : uri.Authority));
        }

        var body = exchange.RequestBody ?? [];
        if (body.Length > 0)
        {
            headers.RemoveAll(h => h.Key.Equals("content-length", StringComparison.OrdinalIgnoreCase));
            headers.Add(new("Content-Length", body.Length.ToString(CultureInfo.InvariantCulture)));
        }

        AppendHeaders(text, headers);
        text.Append("\r\n");
        return [.. Encoding.UTF8.GetBytes(text.ToString()), .. body];
    }

    /// <summary>The response block and the offset at which its body (the WARC payload) starts.</summary>
    public static (byte[] Block, int PayloadOffset) Response(HttpExchange exchange, ReadOnlySpan<byte> body)
    {
        var status = exchange.Status is >= 100 and <= 999 ? exchange.Status : 200;
        var reason = string.IsNullOrWhiteSpace(exchange.StatusText) ? ReasonPhrase(status) : exchange.StatusText.Trim();
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {reason}\r\n");
        var headers = new List<KeyValuePair<string, string>>();
        var hasContentType = false;
        var bodyIsGzip = body.Length > 2 && body[0] == 0x1f && body[1] == 0x8b;
        foreach (var (name, value) in Expand(exchange.ResponseHeaders))
        {
            var lower = name.ToLowerInvariant();
            hasContentType |= lower == "content-type";
            var stale = lower switch
            {
                "transfer-encoding" => true,
                "content-length" => value.Trim() != body.Length.ToString(CultureInfo.InvariantCulture),
                "content-encoding" => !(value.Trim().Equals("gzip", StringComparison.OrdinalIgnoreCase) && bodyIsGzip),
                _ => false,
            };
            headers.Add(stale ? new("X-Archive-Orig-" + name, value) : new(name, value));
        }

        if (!hasContentType && exchange.ContentType is not null)
        {
            headers.Add(new("Content-Type", exchange.ContentType));
        }

        if (!headers.Any(h => h.Key.Equals("content-length", StringComparison.OrdinalIgnoreCase)))
        {
            headers.Add(new("Content-Length", body.Length.ToString(CultureInfo.InvariantCulture)));
        }

        AppendHeaders(text, headers);
        text.Append("\r\n");
        var head = Encoding.UTF8.GetBytes(text.ToString());
        var block = new byte[head.Length + body.Length];
        head.CopyTo(block, 0);
        body.CopyTo(block.AsSpan(head.Length));
        return (block, head.Length);
    }

    /// <summary>Headers as separate lines: HTTP/2 pseudo-headers dropped, values a browser joined with newlines split.</summary>
    private static IEnumerable<KeyValuePair<string, string>> Expand(IEnumerable<KeyValuePair<string, string>> headers)
    {
        foreach (var (name, value) in headers)
        {
            if (name.Length == 0 || name[0] == ':')
            {
                continue;
            }

            foreach (var part in value.Split('\n'))
            {
                yield return new(Token(name), part.TrimEnd('\r'));
            }
        }
    }

    private static void AppendHeaders(StringBuilder text, IEnumerable<KeyValuePair<string, string>> headers)
    {
        foreach (var (name, value) in headers)
        {
            text.Append(name).Append(": ").Append(value.Replace('\r', ' ').Replace('\n', ' ')).Append("\r\n");
        }
    }

    private static string Token(string text) => new(text.Where(c => c > ' ' && c < 127 && c != ':').ToArray());

    private static Uri? TryUri(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : null;

    private static string ReasonPhrase(int status) =>
        Enum.IsDefined(typeof(HttpStatusCode), status)
            ? System.Text.RegularExpressions.Regex.Replace(((HttpStatusCode)status).ToString(), "(?<=[a-z])(?=[A-Z])", " ")
            : "Status";
}
