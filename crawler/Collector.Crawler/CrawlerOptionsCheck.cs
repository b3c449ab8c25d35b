using Collector.Configuration;

namespace Collector.Crawler;

/// <summary>Start-up validation of the crawler's options: every problem listed, not the first.</summary>
public static class CrawlerOptionsCheck
{
    public static IReadOnlyList<string> Problems(CrawlerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (options.MaxConcurrency < 1)
        {
            problems.Add($"crawler.maxConcurrency must be at least 1, not {options.MaxConcurrency}");
        }

        if (options.PerHostConcurrency < 1)
        {
            problems.Add($"crawler.perHostConcurrency must be at least 1, not {options.PerHostConcurrency}");
        }

        if (options.MaxConnectionsPerHost < 1)
        {
            problems.Add($"crawler.maxConnectionsPerHost must be at least 1, not {options.MaxConnectionsPerHost}");
        }

        if (options.RequestsPerSecond < 0 || options.PlatformRates.Any(r => r.Value < 0))
        {
            problems.Add("crawler rates (requestsPerSecond, platformRates) must not be negative");
        }

        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            problems.Add("crawler.requestTimeout must be positive");
        }

        if (options.ParseTimeout <= TimeSpan.Zero)
        {
            problems.Add("crawler.parseTimeout must be positive");
        }

        if (options.MaxBodyBytes < 1024 || options.MaxMediaBytes < 1024)
        {
            problems.Add("crawler.maxBodyBytes and maxMediaBytes must be at least 1024");
        }

        if (options.MaxRedirects is < 0 or > 50)
        {
            problems.Add($"crawler.maxRedirects must be between 0 and 50, not {options.MaxRedirects}");
        }

        if (options.MaxRetries is < 0 or > 20)
        {
            problems.Add($"crawler.maxRetries must be between 0 and 20, not {options.MaxRetries}");
        }

        if (string.IsNullOrWhiteSpace(options.UserAgent) || options.UserAgent.Any(char.IsControl) || options.Contact?.Any(char.IsControl) == true)
        {
            problems.Add("crawler.userAgent must be one non-empty line (and contact one line): they are sent as a header");
        }

        return problems;
    }
}
