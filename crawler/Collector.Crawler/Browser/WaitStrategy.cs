using System.Globalization;
using Microsoft.Playwright;

namespace Collector.Crawler.Browser;

public enum WaitKind
{
    /// <summary>No --wait-for: the load event, then until the page is quiet (no DOM change, no XHR in flight).</summary>
    Settle,

    /// <summary>Until a CSS selector matches (or, on a page that never gets it, until the page is quiet).</summary>
    Selector,

    /// <summary>Until no network connection has been busy for 500 ms (Playwright's networkidle).</summary>
    NetworkIdle,

    /// <summary>The load event.</summary>
    Load,

    /// <summary>DOMContentLoaded.</summary>
    DomContentLoaded,

    /// <summary>The load event, then a fixed delay.</summary>
    Delay,
}

/// <summary>
/// When a page counts as ready, from the source's --wait-for text: a CSS selector, or one of the words
/// <c>networkidle</c>, <c>load</c>, <c>domcontentloaded</c>, or a delay such as <c>1500ms</c> / <c>2s</c>
/// (a CSS selector never starts with a digit, so a delay is never mistaken for one).
/// </summary>
public sealed record WaitStrategy(WaitKind Kind, string? Selector = null, TimeSpan Delay = default)
{
    public static WaitStrategy Default { get; } = new(WaitKind.Settle);

    public static WaitStrategy Parse(string? waitFor)
    {
        var text = waitFor?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return Default;
        }

        switch (text.ToLowerInvariant())
        {
            case "networkidle":
                return new WaitStrategy(WaitKind.NetworkIdle);
            case "load":
                return new WaitStrategy(WaitKind.Load);
            case "domcontentloaded":
                return new WaitStrategy(WaitKind.DomContentLoaded);
            case "settle":
                return Default;
        }

        return TryParseDelay(text, out var delay) ? new WaitStrategy(WaitKind.Delay, Delay: delay) : new WaitStrategy(WaitKind.Selector, text);
    }

    /// <summary>What the navigation itself waits for before this strategy's own wait starts.</summary>
    public WaitUntilState NavigationWaitUntil => Kind switch
    {
        WaitKind.Selector or WaitKind.DomContentLoaded => WaitUntilState.DOMContentLoaded,
        WaitKind.NetworkIdle => WaitUntilState.NetworkIdle,
        _ => WaitUntilState.Load,
    };

    /// <summary>True when the page still needs the in-page wait (selector or quiet) after navigating.</summary>
    public bool WaitsInPage => Kind is WaitKind.Selector or WaitKind.Settle;

    private static bool TryParseDelay(string text, out TimeSpan delay)
    {
        delay = default;
        double factor;
        string number;
        if (text.EndsWith("ms", StringComparison.OrdinalIgnoreCase))
        {
            (number, factor) = (text[..^2], 1);
        }
        else if (text.EndsWith('s') || text.EndsWith('S'))
        {
            (number, factor) = (text[..^1], 1000);
        }
        else
        {
            return false;
        }

        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value < 0)
        {
            return false;
        }

        delay = TimeSpan.FromMilliseconds(value * factor);
        return true;
    }
}
