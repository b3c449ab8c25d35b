using System.Net;
using Collector.Configuration;

namespace Collector.Crawler.Fetching;

/// <summary>The one handler configuration every crawler HttpClient uses.</summary>
public static class HttpClientSetup
{
    /// <summary>
    /// gzip/deflate/brotli, no automatic redirects (the fetcher records each hop), no cookie jar (sessions are per source),
    /// pooled connections, at most <see cref="CrawlerOptions.MaxConnectionsPerHost"/> to a host at once: more pages than
    /// that in flight to one host queue here for a connection. Python's http.server, for one, listens with a queue of 5;
    /// 32 connections opened at once had a dozen or more of their SYNs dropped per 500 pages, each answered only by the
    /// kernel's retry a second later, and the crawl stood still meanwhile.
    /// </summary>
    /// <param name="connect">The address guard's connect callback (null for a proxy, which does its own connecting).</param>
    public static SocketsHttpHandler CreateHandler(CrawlerOptions options, Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>>? connect = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SocketsHttpHandler
        {
            ConnectCallback = connect,
            AutomaticDecompression = DecompressionMethods.All,
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            MaxConnectionsPerServer = options.MaxConnectionsPerHost,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(Math.Min(15, options.RequestTimeout.TotalSeconds)),
        };
    }

    /// <summary>
    /// The same, but never reusing a connection: for hosts that answer HTTP/1.0 and close after each response. The pooled
    /// handler hands such a connection to the next request when the response is read before the server's close arrives;
    /// the request then gets nothing back ("the response ended prematurely"): 5-8% of requests to Python's http.server
    /// at 8-32 at once, even with Connection: close asked for. Without reuse there were none.
    /// </summary>
    public static SocketsHttpHandler CreateUnpooledHandler(CrawlerOptions options, Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>>? connect = null)
    {
        var handler = CreateHandler(options, connect);
        handler.PooledConnectionLifetime = TimeSpan.Zero;
        return handler;
    }
}
