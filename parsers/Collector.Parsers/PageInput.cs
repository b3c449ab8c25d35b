using Collector.Model;

namespace Collector.Parsers;

/// <summary>What a parser reads: the page (HTML or JSON) at its URL, plus any JSON the page fetched while it rendered.</summary>
public sealed record PageInput
{
    /// <summary>The page's final URL; relative links resolve against it.</summary>
    public required Uri Url { get; init; }

    /// <summary>The decoded body (HTML, or the JSON of an API endpoint).</summary>
    public required string Body { get; init; }

    /// <summary>The response's media type (text/html, application/json), if known.</summary>
    public string? ContentType { get; init; }

    /// <summary>HTTP status, if the page came from a fetch.</summary>
    public int? HttpStatus { get; init; }

    /// <summary>True when <see cref="Body"/> is a browser's rendered DOM rather than the server's HTML.</summary>
    public bool Rendered { get; init; }

    /// <summary>XHR/fetch JSON responses captured while the page rendered (browser mode).</summary>
    public IReadOnlyList<NetworkResponse> Network { get; init; } = [];

    public bool LooksLikeJson =>
        (ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) ?? false)
        || Body.AsSpan().TrimStart().StartsWith("{", StringComparison.Ordinal)
        || Body.AsSpan().TrimStart().StartsWith("[", StringComparison.Ordinal);
}

/// <summary>One response the page loaded by script.</summary>
public sealed record NetworkResponse(string Url, int Status, string? ContentType, string Body);
