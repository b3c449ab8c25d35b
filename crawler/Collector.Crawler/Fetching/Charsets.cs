using System.Text;
using System.Text.RegularExpressions;

namespace Collector.Crawler.Fetching;

/// <summary>
/// Turns a body into text: the Content-Type charset, else a byte-order mark, else a &lt;meta charset&gt; (or http-equiv)
/// in the first 4 KB, else UTF-8. Legacy code pages (windows-1251, GBK, Shift_JIS, …) come from CodePagesEncodingProvider.
/// </summary>
public static partial class Charsets
{
    static Charsets() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Detect(ReadOnlySpan<byte> body, string? contentTypeCharset)
    {
        if (Lookup(contentTypeCharset) is { } declared)
        {
            return declared;
        }

        if (body.StartsWith("\uFEFF"u8))
        {
            return Encoding.UTF8;
        }

        if (body.Length >= 2 && body[0] == 0xFF && body[1] == 0xFE)
        {
            return Encoding.Unicode;
        }

        if (body.Length >= 2 && body[0] == 0xFE && body[1] == 0xFF)
        {
            return Encoding.BigEndianUnicode;
        }

        var head = Encoding.Latin1.GetString(body[..Math.Min(body.Length, 4096)]);
        var match = MetaCharset().Match(head);
        return match.Success && Lookup(match.Groups[1].Value) is { } meta ? meta : Encoding.UTF8;
    }

    public static string Decode(ReadOnlySpan<byte> body, string? contentTypeCharset)
    {
        var encoding = Detect(body, contentTypeCharset);
        var text = encoding.GetString(body);
        return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
    }

    /// <summary>True for media types whose bodies are text (HTML, XML, JSON, JavaScript, text/*) or not said.</summary>
    public static bool IsText(string? mediaType) =>
        mediaType is null
        || mediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
        || mediaType.Contains("json", StringComparison.OrdinalIgnoreCase)
        || mediaType.Contains("xml", StringComparison.OrdinalIgnoreCase)
        || mediaType.Contains("javascript", StringComparison.OrdinalIgnoreCase);

    private static Encoding? Lookup(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        try
        {
            var encoding = Encoding.GetEncoding(name.Trim().Trim('"', '\''));

            // a page that says utf-16 in ASCII bytes is lying (HTML spec): it is UTF-8
            return encoding is UnicodeEncoding ? Encoding.UTF8 : encoding;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    [GeneratedRegex("""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaCharset();
}
