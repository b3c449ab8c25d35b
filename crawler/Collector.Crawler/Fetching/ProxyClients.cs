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
        handler.Proxy = new WebProxy(new UriBuilder(p) { UserName = string.Empty, Password = string.Empty }.Uri) { Credentials = Credentials(p) };
        handler.UseProxy = true;
        return new HttpClient(handler) { Timeout = options.RequestTimeout };
    });

    /// <summary>The user and password in the proxy URL (http://user:pass@proxy:3128), sent when the proxy asks (407).</summary>
    private static NetworkCredential? Credentials(Uri proxy)
    {
        if (proxy.UserInfo.Length == 0)
        {
            return null;
        }

        var parts = proxy.UserInfo.Split(':', 2);
        return new NetworkCredential(Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : string.Empty);
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
    }
}
