using System.Net;

namespace Collector.Crawler.Safety;

/// <summary>
/// Name resolution for the address guard: the system resolver. A seam only so that a test can answer as a rebinding DNS
/// server would (a public address first, an internal one at connect time), which no real resolver here can be made to do.
/// </summary>
public class HostResolver
{
    public virtual Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) => Dns.GetHostAddressesAsync(host, cancellationToken);
}
