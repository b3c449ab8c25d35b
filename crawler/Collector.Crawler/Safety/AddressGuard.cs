using System.Collections.Concurrent;
using System.Net;

namespace Collector.Crawler.Safety;

/// <summary>
/// One crawl's view of the <see cref="ConnectGuard"/>: while the crawl runs, its configured targets' host:port pairs are
/// exempt; links and media are checked when found (so a refused URL is never queued), and every connection is checked
/// again when it is made. Answers are cached per host:port for the crawl.
/// </summary>
public sealed class AddressGuard : IDisposable
{
    private readonly ConnectGuard _guard;
    private readonly IDisposable _exemption;
    private readonly ConcurrentDictionary<string, Task<string?>> _byAuthority = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="targets">The crawl's configured targets (never its revisits: a post's URL is data, not configuration).</param>
    public AddressGuard(ConnectGuard guard, IEnumerable<Uri> targets)
    {
        ArgumentNullException.ThrowIfNull(guard);
        _guard = guard;
        _exemption = guard.Exempt(targets);
    }

    /// <summary>True when the crawl may fetch the URL (http/https, and not into an internal network unless exempt or allowed).</summary>
    public async ValueTask<bool> IsAllowedAsync(Uri url, CancellationToken cancellationToken) => await RefusalAsync(url, cancellationToken) is null;

    /// <summary>Why the URL is refused, or null when it may be fetched.</summary>
    public Task<string?> RefusalAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps
            ? Task.FromResult<string?>($"not http(s): {url.Scheme}:")
            : _byAuthority.GetOrAdd(url.Authority, _ => _guard.RefusalAsync(url, cancellationToken));
    }

    /// <summary>An address of this machine or an internal network (see <see cref="InternalAddresses"/>).</summary>
    public static bool IsPrivate(IPAddress address) => InternalAddresses.IsInternal(address);

    public void Dispose() => _exemption.Dispose();
}
