namespace Collector.Configuration;

/// <summary>The numeric limits of the crawler, browser and scheduler sections: each within a range that can work.</summary>
internal static class CrawlerLimits
{
    /// <summary>More at once than any host or machine here serves; a typo (1000000) would open that many sockets.</summary>
    public const int MaxConcurrency = 1000;

    public static IEnumerable<ConfigError> Check(CrawlerOptions crawler, SchedulerOptions scheduler)
    {
        if (crawler.MaxConcurrency > MaxConcurrency)
        {
            yield return new ConfigError("$.crawler.maxConcurrency", $"must be at most {MaxConcurrency}, not {crawler.MaxConcurrency}");
        }

        if (crawler.PerHostConcurrency > MaxConcurrency)
        {
            yield return new ConfigError("$.crawler.perHostConcurrency", $"must be at most {MaxConcurrency}, not {crawler.PerHostConcurrency}");
        }

        if (crawler.MaxConnectionsPerHost > MaxConcurrency)
        {
            yield return new ConfigError("$.crawler.maxConnectionsPerHost", $"must be at most {MaxConcurrency}, not {crawler.MaxConnectionsPerHost}");
        }

        if (crawler.MaxBodyBytes < 1024)
        {
            yield return new ConfigError("$.crawler.maxBodyBytes", $"must be at least 1024, not {crawler.MaxBodyBytes}");
        }

        if (crawler.MaxMediaBytes < 1024)
        {
            yield return new ConfigError("$.crawler.maxMediaBytes", $"must be at least 1024, not {crawler.MaxMediaBytes}");
        }

        if (crawler.MaxRedirects is < 0 or > 50)
        {
            yield return new ConfigError("$.crawler.maxRedirects", $"must be between 0 and 50, not {crawler.MaxRedirects}");
        }

        if (crawler.MaxRetries is < 0 or > 20)
        {
            yield return new ConfigError("$.crawler.maxRetries", $"must be between 0 and 20, not {crawler.MaxRetries}");
        }

        if (crawler.ParseTimeout <= TimeSpan.Zero)
        {
            yield return new ConfigError("$.crawler.parseTimeout", "must be a positive duration");
        }

        if (crawler.Browser.RecycleContextAfterPages < 1)
        {
            yield return new ConfigError("$.crawler.browser.recycleContextAfterPages", $"must be at least 1, not {crawler.Browser.RecycleContextAfterPages}");
        }

        if (crawler.Browser.RecycleAtMemoryMb < 1)
        {
            yield return new ConfigError("$.crawler.browser.recycleAtMemoryMb", $"must be at least 1, not {crawler.Browser.RecycleAtMemoryMb}");
        }

        if (crawler.Browser.MaxDomElements < 1000)
        {
            yield return new ConfigError("$.crawler.browser.maxDomElements", $"must be at least 1000, not {crawler.Browser.MaxDomElements}");
        }

        if (crawler.Browser.NavigationTimeout <= TimeSpan.Zero)
        {
            yield return new ConfigError("$.crawler.browser.navigationTimeout", "must be a positive duration");
        }

        if (scheduler.FailureThreshold < 1)
        {
            yield return new ConfigError("$.scheduler.failureThreshold", $"must be at least 1, not {scheduler.FailureThreshold}");
        }

        if (scheduler.MaxBackoff <= TimeSpan.Zero)
        {
            yield return new ConfigError("$.scheduler.maxBackoff", "must be a positive duration");
        }

        if (scheduler.MisfireThreshold < TimeSpan.FromSeconds(1))
        {
            yield return new ConfigError("$.scheduler.misfireThreshold", "must be a duration of at least 1s");
        }
    }
}
