using Collector.Model;

namespace Collector.Parsers.Common;

/// <summary>
/// Rejects input no parser can read before any parser sees it: empty bodies, binary garbage, bodies over the size cap.
/// </summary>
public static class InputGuard
{
    /// <summary>Pages larger than this (in characters) are not parsed: no platform serves a 64 MB page.</summary>
    public const int MaxChars = 64 * 1024 * 1024;

    /// <summary>A classified result for unreadable input, or null when the page may be parsed.</summary>
    public static ParseResult? Check(PageInput page)
    {
        var body = page.Body;
        if (body is null || body.Length == 0 || body.AsSpan().Trim().IsEmpty)
        {
            return FromStatus(page.HttpStatus) ?? ParseResult.Classified(PageOutcome.Unrecognized, "empty body");
        }

        if (body.Length > MaxChars)
        {
            return ParseResult.Classified(PageOutcome.Unrecognized, $"body of {body.Length} characters is over the {MaxChars} cap");
        }

        if (LooksBinary(body))
        {
            return ParseResult.Classified(PageOutcome.Unrecognized, "binary or wrongly decoded body (control characters / replacement characters)");
        }

        return null;
    }

    /// <summary>Blocking and missing pages told by the HTTP status alone.</summary>
    public static ParseResult? FromStatus(int? status) => status switch
    {
        404 or 410 => ParseResult.Classified(PageOutcome.NotFound, $"HTTP {status}"),
        429 => ParseResult.Classified(PageOutcome.RateLimited, "HTTP 429"),
        401 => ParseResult.Classified(PageOutcome.LoginWall, "HTTP 401"),
        _ => null,
    };

    /// <summary>True when the first 4 KB are mostly NULs, control characters or U+FFFD (binary or the wrong charset).</summary>
    public static bool LooksBinary(string body)
    {
        var sample = body.AsSpan(0, Math.Min(body.Length, 4096));
        var bad = 0;
        foreach (var c in sample)
        {
            if (c == '\0' || c == '\uFFFD' || (char.IsControl(c) && c is not '\n' and not '\r' and not '\t' and not '\f'))
            {
                bad++;
            }
        }

        return bad > 8 && bad * 10 > sample.Length;
    }
}
