using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Collector.Configuration;

/// <summary>
/// Whether a CSS selector can be used: a source's <c>follow</c> selectors and its <c>waitFor</c> selector are checked at
/// load, so a typo stops the configuration (exit 2, with its JSON path) instead of matching nothing on every run.
/// </summary>
public static class CssSelectors
{
    private static readonly IDocument Empty = new HtmlParser().ParseDocument("<html></html>");
    private static readonly Lock Gate = new();

    /// <summary>True when AngleSharp's selector parser (the one the crawl matches follow selectors with) accepts it.</summary>
    public static bool IsValid(string selector)
    {
        if (string.IsNullOrWhiteSpace(selector))
        {
            return false;
        }

        try
        {
            lock (Gate)
            {
                Empty.QuerySelectorAll(selector);
            }

            return true;
        }
        catch (DomException)
        {
            return false;
        }
    }

    /// <summary>
    /// True for what a source's <c>waitFor</c> may say: <c>networkidle</c>, <c>load</c>, <c>domcontentloaded</c>,
    /// <c>settle</c>, a delay (<c>1500ms</c>, <c>2s</c>), or a valid CSS selector.
    /// </summary>
    public static bool IsValidWaitFor(string waitFor)
    {
        var text = waitFor.Trim();
        if (text.ToLowerInvariant() is "networkidle" or "load" or "domcontentloaded" or "settle")
        {
            return true;
        }

        return IsDelay(text) || IsValid(text);
    }

    private static bool IsDelay(string text)
    {
        var number = text.EndsWith("ms", StringComparison.OrdinalIgnoreCase) ? text[..^2]
            : text.EndsWith('s') || text.EndsWith('S') ? text[..^1]
            : null;
        return number is { Length: > 0 }
            && double.TryParse(number, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var value)
            && value >= 0;
    }
}
