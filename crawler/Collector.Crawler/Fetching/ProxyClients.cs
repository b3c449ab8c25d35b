using System.Collections.Concurrent;
using System.Net;
using Collector.Configuration;

namespace Collector.Crawler.Fetching;

/// <summary>One pooled HttpClient per proxy (HTTP, HTTPS or SOCKS4/5), configured like the direct client.</summary>
public sealed class ProxyClients(CrawlerOptions options) : IDisposable
{
    private readonly ConcurrentDictionary<Uri, HttpClient> _clients = new();

    public HttpClient For(Uri proxy) => _clients.GetOrAdd(proxy, p =>
    {
        var handler = HttpClientSetup.CreateHandler(options);
        handler.Proxy = new WebProxy(p);
        handler.UseProxy = true;
        return new HttpClient(handler) { Timeout = options.RequestTimeout };
    });

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
    }
}
