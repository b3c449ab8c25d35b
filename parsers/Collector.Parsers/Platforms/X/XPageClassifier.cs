using Collector.Model;
using Collector.Parsers.Common;

namespace Collector.Parsers.Platforms.X;

/// <summary>X pages with no tweet markup: suspended/missing accounts, deleted tweets, login walls, the bare JavaScript shell.</summary>
internal static class XPageClassifier
{
    private static readonly (string Marker, PageOutcome Outcome)[] Markers =
    [
        ("Account suspended", PageOutcome.Removed),
        ("account has been suspended", PageOutcome.Removed),
        ("This Post was deleted", PageOutcome.Removed),
        ("This Tweet was deleted", PageOutcome.Removed),
        ("this page doesn’t exist", PageOutcome.NotFound),
        ("this page doesn't exist", PageOutcome.NotFound),
        ("This account doesn’t exist", PageOutcome.NotFound),
        ("This account doesn't exist", PageOutcome.NotFound),
        ("These posts are protected", PageOutcome.LoginWall),
        ("These Tweets are protected", PageOutcome.LoginWall),
    ];

    public static ParseResult Classify(PageInput page, XParser parser)
    {
        var subject = XRenderedReader.StatusId(page.Url.AbsolutePath) is { } id ? new PostKey(PlatformKeys.X, id) : (PostKey?)null;
        foreach (var (marker, outcome) in Markers)
        {
            if (page.Body.Contains(marker, StringComparison.OrdinalIgnoreCase))
            {
                return parser.Result(outcome, $"page says \"{marker}\"", subject);
            }
        }

        if (PageSignals.Detect(page) is { } signal)
        {
            return parser.Result(signal.Outcome, signal.Reason, subject);
        }

        if (page.Body.Contains("/i/flow/login", StringComparison.Ordinal) && !page.Body.Contains("<article", StringComparison.Ordinal)
            && page.Body.Contains("Sign in to X", StringComparison.OrdinalIgnoreCase))
        {
            return parser.Result(PageOutcome.LoginWall, "sign-in page", subject);
        }

        if (PageSignals.IsScriptShell(page.Body))
        {
            return new ParseResult
            {
                Classification = PageOutcome.Empty,
                NeedsBrowser = true,
                Reason = "JavaScript shell: tweets appear only when rendered",
                Platform = PlatformKeys.X,
                Subject = subject,
            };
        }

        return parser.Result(PageOutcome.Unrecognized, "no tweet markup (article[data-testid=tweet] or div.tweet[data-tweet-id])", subject);
    }
}
