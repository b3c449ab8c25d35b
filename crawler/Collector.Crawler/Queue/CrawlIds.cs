using System.Security.Cryptography;
using System.Text;

namespace Collector.Crawler.Queue;

/// <summary>
/// Crawl ids derived from what the crawl is (source, platform, start URLs, follow selectors), so that the same
/// command run again after a crash finds its queue and resumes instead of starting over.
/// </summary>
public static class CrawlIds
{
    public static string Derive(string? source, string? platform, IEnumerable<string> startUrls, IEnumerable<string> follow)
    {
        var sb = new StringBuilder();
        sb.Append(source ?? "").Append('\n').Append(platform ?? "").Append('\n');
        foreach (var url in startUrls.Select(u => UrlNormalizer.TryHttp(u) is { } parsed ? UrlNormalizer.UniqueKey(parsed) : u).Order(StringComparer.Ordinal))
        {
            sb.Append(url).Append('\n');
        }

        sb.Append("follow\n");
        foreach (var selector in follow)
        {
            sb.Append(selector).Append('\n');
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString()));
        var prefix = string.IsNullOrWhiteSpace(source) ? "crawl" : source;
        return $"{prefix}-{Convert.ToHexStringLower(hash)[..16]}";
    }
}
