namespace Collector.Model;

/// <summary>
/// What a page turned out to be. Parsers classify (everything but <see cref="Failed"/>);
/// the crawler adds <see cref="Failed"/> when no usable response was had at all.
/// Serialized kebab-case: content, empty, removed, not-found, login-wall, captcha, rate-limited, unrecognized, failed.
/// </summary>
public enum PageOutcome
{
    /// <summary>The page holds posts.</summary>
    Content,

    /// <summary>A valid page of the kind the parser knows, with no posts on it.</summary>
    Empty,

    /// <summary>Deleted or taken down ([deleted], [removed], suspended account, content isn't available).</summary>
    Removed,

    NotFound,

    LoginWall,

    Captcha,

    RateLimited,

    /// <summary>The markup no longer matches what the parser knows: an alarm, not an empty page.</summary>
    Unrecognized,

    /// <summary>No usable response (network error, timeout, too many redirects, body over the cap).</summary>
    Failed,
}

public static class PageOutcomes
{
    /// <summary>Outcomes whose page is evidence worth archiving as content (posts parsed from it are stored).</summary>
    public static bool IsContent(this PageOutcome outcome) => outcome is PageOutcome.Content or PageOutcome.Empty;

    /// <summary>Outcomes that say the post a page stood for is gone (a tombstone).</summary>
    public static bool IsGone(this PageOutcome outcome) => outcome is PageOutcome.Removed or PageOutcome.NotFound;

    /// <summary>Pages that block us rather than show content: never stored as content.</summary>
    public static bool IsBlocked(this PageOutcome outcome) =>
        outcome is PageOutcome.LoginWall or PageOutcome.Captcha or PageOutcome.RateLimited;

    /// <summary>The kebab-case wire name (the same string JSON uses).</summary>
    public static string ToWire(this PageOutcome outcome) => outcome switch
    {
        PageOutcome.NotFound => "not-found",
        PageOutcome.LoginWall => "login-wall",
        PageOutcome.RateLimited => "rate-limited",
        _ => outcome.ToString().ToLowerInvariant(),
    };

    public static bool TryParse(string? wire, out PageOutcome outcome)
    {
        foreach (var value in Enum.GetValues<PageOutcome>())
        {
            if (string.Equals(value.ToWire(), wire, StringComparison.OrdinalIgnoreCase))
            {
                outcome = value;
                return true;
            }
        }

        outcome = default;
        return false;
    }
}
