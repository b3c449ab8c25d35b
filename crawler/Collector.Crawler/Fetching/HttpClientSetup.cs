using System.Net;
using Collector.Configuration;

namespace Collector.Crawler.Fetching;

/// <summary>The one handler configuration every crawler HttpClient uses.</summary>
public static class HttpClientSetup
{
    /// <summary>gzip/deflate/brotli, no automatic redirects (the fetcher records each hop), no cookie jar (sessions are per source), pooled connections.</summary>
    public static SocketsHttpHandler CreateHandler(CrawlerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.All,
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            MaxConnectionsPerServer = Math.Max(options.MaxConcurrency, 64),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(Math.Min(15, options.RequestTimeout.TotalSeconds)),
        };
    }
}
