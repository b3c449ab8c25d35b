using Collector.Configuration;

namespace Collector.Crawler.Fetching;

public static class UserAgents
{
    /// <summary>"CollectorBot/0.1 (+research archive; contact: x@y)": the product token, then who to ask about the crawler.</summary>
    public static string Build(CrawlerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var agent = options.UserAgent.Trim();
        if (string.IsNullOrWhiteSpace(options.Contact))
        {
            return agent;
        }

        return agent.EndsWith(')') ? $"{agent[..^1]}; contact: {options.Contact})" : $"{agent} (contact: {options.Contact})";
    }

    /// <summary>The product token robots.txt groups are matched against ("collectorbot").</summary>
    public static string ProductToken(CrawlerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var first = options.UserAgent.Trim().Split(' ', 2)[0];
        return first.Split('/', 2)[0].ToLowerInvariant();
    }
}
