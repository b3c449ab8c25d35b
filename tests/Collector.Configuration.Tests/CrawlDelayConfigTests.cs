namespace Collector.Configuration.Tests;

/// <summary>robots.txt's Crawl-delay in the configuration: its ceiling, and an override that needs its reason like robots itself.</summary>
public sealed class CrawlDelayConfigTests
{
    private static readonly Dictionary<string, string?> NoEnvironment = [];

    [Fact]
    public void Load_CrawlDelayIgnoredWithoutReasonAndANegativeCeiling_BothReported()
    {
        const string json = """
            { "crawler": { "maxCrawlDelay": "-5s" },
              "sources": [ { "name": "a", "targets": ["https://ok.example/"], "robots": { "crawlDelay": false } } ] }
            """;

        var ex = Assert.Throws<ConfigException>(() => ConfigLoader.Load(json, environment: NoEnvironment));

        Assert.Superset(new HashSet<string> { "$.crawler.maxCrawlDelay", "$.sources[0].robots.overrideReason" }, ex.Errors.Select(e => e.Path).ToHashSet());
        Assert.Contains(ex.Errors, e => e.Message.Contains("Crawl-delay", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_CrawlDelayIgnoredWithReasonAndACeiling_Read()
    {
        const string json = """
            { "crawler": { "maxCrawlDelay": "5s" },
              "sources": [ { "name": "a", "targets": ["https://ok.example/"], "robots": { "crawlDelay": false, "overrideReason": "our own site" } } ] }
            """;

        var config = ConfigLoader.Load(json, environment: NoEnvironment);

        Assert.Equal(TimeSpan.FromSeconds(5), config.Options.Crawler.MaxCrawlDelay);
        Assert.False(config.Options.Sources[0].Robots.CrawlDelay);
    }
}
