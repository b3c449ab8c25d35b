using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;

namespace Collector.Web.Pages;

/// <summary>Markup that is already safe (built by <see cref="Html.H"/>): the only thing written to a page unencoded.</summary>
public readonly record struct HtmlString(string Value)
{
    public static readonly HtmlString Empty = new(string.Empty);

    public override string ToString() => Value;
}

/// <summary>
/// An interpolated string whose every hole is HTML-encoded unless it is already an <see cref="HtmlString"/>:
/// escaping is the default, so archived text, query words and URLs cannot inject markup.
/// </summary>
[InterpolatedStringHandler]
public ref struct SafeHtml
{
    private DefaultInterpolatedStringHandler inner;

    public SafeHtml(int literalLength, int formattedCount)
    {
        inner = new DefaultInterpolatedStringHandler(literalLength, formattedCount, CultureInfo.InvariantCulture);
    }

    public void AppendLiteral(string value) => inner.AppendLiteral(value);

    public void AppendFormatted(HtmlString value) => inner.AppendLiteral(value.Value);

    public void AppendFormatted(string? value) => inner.AppendLiteral(HtmlEncoder.Default.Encode(value ?? string.Empty));

    public void AppendFormatted<T>(T value) => AppendFormatted(Convert.ToString(value, CultureInfo.InvariantCulture));

    public void AppendFormatted<T>(T value, string? format) where T : IFormattable =>
        AppendFormatted(value.ToString(format, CultureInfo.InvariantCulture));

    public string ToStringAndClear() => inner.ToStringAndClear();
}

public static class Html
{
    public static HtmlString H(ref SafeHtml html) => new(html.ToStringAndClear());

    public static HtmlString Join(IEnumerable<HtmlString> parts) => new(string.Concat(parts.Select(p => p.Value)));

    /// <summary>A path segment for a link (then HTML-encoded where it is written).</summary>
    public static string Seg(string value) => Uri.EscapeDataString(value);

    /// <summary>A post's page (ids may hold slashes, e.g. Quora's: each part is escaped, the slashes kept).</summary>
    public static string PostHref(string platform, string id) =>
        "/post/" + Seg(platform) + "/" + string.Join('/', id.Split('/').Select(Seg));

    public static string Time(DateTimeOffset? t) =>
        t?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "-";

    public static string Num(long? n) => n?.ToString("N0", CultureInfo.InvariantCulture) ?? "-";
}
