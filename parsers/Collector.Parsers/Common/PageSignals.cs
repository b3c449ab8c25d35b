using Collector.Model;

namespace Collector.Parsers.Common;

/// <summary>
/// Page classification shared by all parsers: HTTP status, and tell-tale markers of rate limits, captchas, login walls
/// and not-found pages in the text. Parsers call it when they found no posts (a wall is never checked on a page that
/// parsed, because posts can quote any of these phrases).
/// </summary>
public static class PageSignals
{
    private static readonly string[] RateLimitMarkers =
    [
        "Too Many Requests", "rate limit exceeded", "You've been rate limited", "you are doing that too much",
        "Rate limit exceeded", "Slow down, you are making too many requests",
    ];

    private static readonly string[] CaptchaMarkers =
    [
        "g-recaptcha", "h-captcha", "hcaptcha.com/1/api", "cf-challenge", "challenge-platform", "cf_chl_opt",
        "Please verify you are a human", "are you a robot", "Are you a robot", "px-captcha", "captcha-delivery.com",
        "Verify you are human", "unusual traffic from your computer",
    ];

    private static readonly string[] LoginMarkers =
    [
        "You must log in to continue", "Log in to continue", "Sign in to continue", "Please log in to", "Please sign in to",
        "login_form", "You must be logged in", "Log in to see", "Sign up to see", "log in or sign up to view",
        "Join to see", "This content isn't available right now unless you log in",
    ];

    private static readonly string[] NotFoundMarkers =
    [
        "Page not found", "page not found", "Page Not Found", "404 Not Found", "This page doesn't exist",
        "This page isn't available", "Sorry, this page isn't available", "page you requested could not be found",
        "Sorry, nobody on Reddit goes by that name", "there doesn't seem to be anything here",
    ];

    private static readonly string[] RemovedMarkers =
    [
        "This account has been suspended", "Account suspended", "content isn't available", "Content isn't available",
        "This post was removed", "This post has been removed", "has been deleted", "This video has been removed",
        "This Tweet is unavailable", "This Post is unavailable", "This page has been removed", "was banned from",
    ];

    /// <summary>A blocking/missing/removed classification for a page with no posts, or null when it looks like none.</summary>
    public static (PageOutcome Outcome, string Reason)? Detect(PageInput page)
    {
        if (InputGuard.FromStatus(page.HttpStatus) is { } byStatus)
        {
            return (byStatus.Classification, byStatus.Reason ?? "HTTP status");
        }

        var body = page.Body;
        var head = body.Length > 300_000 ? body[..300_000] : body;
        if (Find(head, RateLimitMarkers) is { } rate)
        {
            return (PageOutcome.RateLimited, $"rate-limit marker \"{rate}\"");
        }

        if (Find(head, CaptchaMarkers) is { } captcha)
        {
            return (PageOutcome.Captcha, $"captcha marker \"{captcha}\"");
        }

        if (Find(head, RemovedMarkers) is { } removed)
        {
            return (PageOutcome.Removed, $"removed marker \"{removed}\"");
        }

        if (Find(head, NotFoundMarkers) is { } notFound)
        {
            return (PageOutcome.NotFound, $"not-found marker \"{notFound}\"");
        }

        if (Find(head, LoginMarkers) is { } login)
        {
            return (PageOutcome.LoginWall, $"login marker \"{login}\"");
        }

        if (page.HttpStatus is 403 && head.Contains("login", StringComparison.OrdinalIgnoreCase))
        {
            return (PageOutcome.LoginWall, "HTTP 403 with a login link");
        }

        return null;
    }

    /// <summary>True for a page that is only a JavaScript application shell: a script-heavy body with hardly any text.</summary>
    public static bool IsScriptShell(string html)
    {
        if (html.Length < 200)
        {
            return false;
        }

        var bodyAt = html.IndexOf("<body", StringComparison.OrdinalIgnoreCase);
        if (bodyAt < 0)
        {
            return false;
        }

        var text = HtmlText.ToPlainText(html[bodyAt..]);
        var hasScripts = html.Contains("<script", StringComparison.OrdinalIgnoreCase);
        return hasScripts && (text is null || text.Length < 200
            || text.Contains("enable JavaScript", StringComparison.OrdinalIgnoreCase)
            || text.Contains("JavaScript is disabled", StringComparison.OrdinalIgnoreCase)
            || text.Contains("JavaScript is not available", StringComparison.OrdinalIgnoreCase));
    }

    private static string? Find(string text, string[] markers)
    {
        foreach (var marker in markers)
        {
            if (text.Contains(marker, StringComparison.Ordinal))
            {
                return marker;
            }
        }

        return null;
    }
}
