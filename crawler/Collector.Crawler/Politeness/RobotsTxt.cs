namespace Collector.Crawler.Politeness;

/// <summary>
/// A parsed robots.txt (RFC 9309): groups of user-agent lines with allow/disallow rules; the group naming our product
/// token wins, else the "*" group; the longest matching rule decides, allow winning a tie; "*" and "$" in patterns;
/// /robots.txt itself is always allowed. Crawl-delay is read (non-standard, but sites still say it).
/// </summary>
public sealed class RobotsTxt
{
    /// <summary>Everything allowed (no robots.txt, 4xx).</summary>
    public static readonly RobotsTxt AllowAll = new([], []);

    /// <summary>Everything disallowed (robots.txt unreachable with a 5xx: RFC 9309 section 2.3.1.4).</summary>
    public static readonly RobotsTxt DisallowAll = new([new Group(["*"], [new Rule("/", false)], null)], []);

    private readonly IReadOnlyList<Group> _groups;

    private RobotsTxt(IReadOnlyList<Group> groups, IReadOnlyList<string> sitemaps)
    {
        _groups = groups;
        Sitemaps = sitemaps;
    }

    public IReadOnlyList<string> Sitemaps { get; }

    public static RobotsTxt Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var groups = new List<Group>();
        var sitemaps = new List<string>();
        List<string>? agents = null;
        List<Rule>? rules = null;
        TimeSpan? delay = null;
        var lastWasAgent = false;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine;
            var hash = line.IndexOf('#', StringComparison.Ordinal);
            if (hash >= 0)
            {
                line = line[..hash];
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                continue;
            }

            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            switch (key)
            {
                case "user-agent":
                    if (!lastWasAgent)
                    {
                        Flush();
                        agents = [];
                        rules = [];
                        delay = null;
                    }

                    agents!.Add(value.ToLowerInvariant());
                    lastWasAgent = true;
                    continue;
                case "allow" or "disallow" when rules is not null:
                    // an empty disallow allows everything: it is no rule at all
                    if (value.Length > 0)
                    {
                        rules.Add(new Rule(value, key == "allow"));
                    }

                    break;
                case "crawl-delay" when rules is not null:
                    if (double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
                    {
                        delay = TimeSpan.FromSeconds(Math.Min(seconds, 60));
                    }

                    break;
                case "sitemap":
                    sitemaps.Add(value);
                    break;
            }

            lastWasAgent = false;
        }

        Flush();
        return new RobotsTxt(groups, sitemaps);

        void Flush()
        {
            if (agents is { Count: > 0 } && rules is not null)
            {
                groups.Add(new Group(agents, rules, delay));
            }
        }
    }

    /// <summary>True when <paramref name="productToken"/> may fetch <paramref name="url"/>.</summary>
    public bool IsAllowed(Uri url, string productToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        var path = url.PathAndQuery;
        if (path.Equals("/robots.txt", StringComparison.Ordinal))
        {
            return true;
        }

        Rule? best = null;
        foreach (var rule in RulesFor(productToken))
        {
            if (Matches(rule.Pattern, path)
                && (best is null || rule.Pattern.Length > best.Pattern.Length || (rule.Pattern.Length == best.Pattern.Length && rule.Allow)))
            {
                best = rule;
            }
        }

        return best?.Allow ?? true;
    }

    /// <summary>The Crawl-delay of the group that applies, if it says one.</summary>
    public TimeSpan? CrawlDelay(string productToken) => GroupsFor(productToken).Select(g => g.Delay).FirstOrDefault(d => d is not null);

    private IEnumerable<Rule> RulesFor(string productToken) => GroupsFor(productToken).SelectMany(g => g.Rules);

    private IEnumerable<Group> GroupsFor(string productToken)
    {
        var token = productToken.ToLowerInvariant();
        var named = _groups.Where(g => g.Agents.Any(a => a != "*" && a == token)).ToList();
        return named.Count > 0 ? named : _groups.Where(g => g.Agents.Contains("*"));
    }

    /// <summary>RFC 9309 matching: "*" any run of characters, a trailing "$" the end of the path; percent-encoding compared as written.</summary>
    internal static bool Matches(string pattern, string path)
    {
        var anchored = pattern.EndsWith('$');
        var p = anchored ? pattern[..^1] : pattern;
        return Match(p.AsSpan(), path.AsSpan(), anchored);
    }

    private static bool Match(ReadOnlySpan<char> pattern, ReadOnlySpan<char> path, bool anchored)
    {
        while (true)
        {
            var star = pattern.IndexOf('*');
            if (star < 0)
            {
                return anchored ? path.SequenceEqual(pattern) : path.StartsWith(pattern, StringComparison.Ordinal);
            }

            if (!path.StartsWith(pattern[..star], StringComparison.Ordinal))
            {
                return false;
            }

            path = path[star..];
            pattern = pattern[(star + 1)..];
            if (pattern.IsEmpty)
            {
                return true;
            }

            for (var i = 0; i <= path.Length; i++)
            {
                if (Match(pattern, path[i..], anchored))
                {
                    return true;
                }
            }

            return false;
        }
    }

    private sealed record Group(IReadOnlyList<string> Agents, IReadOnlyList<Rule> Rules, TimeSpan? Delay);

    private sealed record Rule(string Pattern, bool Allow);
}
