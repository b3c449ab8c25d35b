using Collector.Model;
using Collector.Parsers;

namespace Collector.Crawler.Core;

/// <summary>
/// The result that stands for a parse cut off at <c>crawler.parseTimeout</c>: the page is recorded
/// <c>failed: parse-timeout</c>, its raw response kept as an artifact like any other capture's, and nothing is followed.
/// </summary>
public static class ParseBudget
{
    /// <summary>The reason's first word, which says what happened to the page.</summary>
    public const string Reason = "parse-timeout";

    public static ParseResult Exceeded(TimeSpan budget) =>
        ParseResult.Classified(PageOutcome.Failed, $"{Reason}: not parsed within crawler.parseTimeout ({budget.TotalSeconds:0.###} s)");

    /// <summary>True when <paramref name="parsed"/> is a parse cut off at its budget.</summary>
    public static bool TimedOut(ParseResult parsed) =>
        parsed.Classification == PageOutcome.Failed && parsed.Reason?.StartsWith(Reason, StringComparison.Ordinal) == true;
}
