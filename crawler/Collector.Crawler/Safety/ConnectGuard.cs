using System.Collections.Concurrent;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using Collector.Configuration;

namespace Collector.Crawler.Safety;

/// <summary>
/// The address guard where it cannot be walked around: at connect time. Every connection the crawler's HTTP client opens
/// (a page, each redirect hop, a revisit, media, robots.txt) resolves its host here and connects only to an address that
/// is not internal (<see cref="InternalAddresses"/>); a name that does not resolve is refused. Exempt are the host and
/// port of a running crawl's configured targets (never their other ports, never a URL found while crawling, never a
/// revisit), and everything when private addresses are allowed. The browser's requests are checked with
/// <see cref="RefusalAsync"/> before they leave.
/// </summary>
public sealed class ConnectGuard(CrawlerOptions options, HostResolver resolver)
{
    private readonly ConcurrentDictionary<string, int> _exempt = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Exempts the targets' host:port pairs until the result is disposed (counted: crawls may share a target).</summary>
    public IDisposable Exempt(IEnumerable<Uri> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var keys = targets.Select(t => Key(t.Host, t.Port)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var key in keys)
        {
            _exempt.AddOrUpdate(key, 1, static (_, n) => n + 1);
        }

        return new Exemption(this, keys);
    }

    /// <summary>Private addresses are allowed (the demo, a lab's own network): nothing is ever refused for its address.</summary>
    public bool AllowsEverything => options.AllowPrivateAddresses;

    public bool IsExempt(string host, int port) => options.AllowPrivateAddresses || _exempt.ContainsKey(Key(host, port));

    /// <summary>Why a request to <paramref name="url"/> would be refused, or null when it may go.</summary>
    public async Task<string?> RefusalAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
        {
            return $"{Blocked}not http(s): {url.Scheme}:";
        }

        if (IsExempt(url.Host, url.Port))
        {
            return null;
        }

        try
        {
            var addresses = await AddressesAsync(url.Host, cancellationToken);
            return addresses.FirstOrDefault(InternalAddresses.IsInternal) is { } inside ? Internal(url.Host, url.Port, inside) : null;
        }
        catch (AddressRefusedException e)
        {
            return e.Message;
        }
    }

    /// <summary>The <see cref="SocketsHttpHandler.ConnectCallback"/>: resolves, refuses internal addresses, connects, checks the peer.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (host, port) = (context.DnsEndPoint.Host, context.DnsEndPoint.Port);
        var exempt = IsExempt(host, port);
        var addresses = await AddressesAsync(host, cancellationToken);
        var allowed = exempt ? addresses : [.. addresses.Where(a => !InternalAddresses.IsInternal(a))];
        if (allowed.Length == 0)
        {
            throw new AddressRefusedException(Internal(host, port, addresses[0]));
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, port, cancellationToken);
            if (!exempt && socket.RemoteEndPoint is IPEndPoint peer && InternalAddresses.IsInternal(peer.Address))
            {
                throw new AddressRefusedException(Internal(host, port, peer.Address));
            }

            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private async Task<IPAddress[]> AddressesAsync(string host, CancellationToken cancellationToken)
    {
        var bare = host.Trim('[', ']');
        if (IPAddress.TryParse(bare, out var literal))
        {
            return [literal];
        }

        try
        {
            var addresses = await resolver.ResolveAsync(bare, cancellationToken);
            return addresses.Length > 0 ? addresses : throw new AddressRefusedException($"{Blocked}{host} has no address");
        }
        catch (SocketException e)
        {
            // a name that does not resolve here may resolve elsewhere (a proxy, a later answer): never let it through
            throw new AddressRefusedException($"{Blocked}{host} does not resolve ({e.SocketErrorCode})", e);
        }
    }

    private const string Blocked = "blocked by the address guard: ";

    /// <summary>True when an error message is this guard's refusal.</summary>
    public static bool IsRefusal(string? message) => message?.StartsWith(Blocked, StringComparison.Ordinal) == true;

    private static string Internal(string host, int port, IPAddress address) => $"{Blocked}{host}:{port} is the internal address {address}";

    private static string Key(string host, int port) => $"{host.Trim('[', ']').TrimEnd('.')}:{port}";

    private sealed class Exemption(ConnectGuard guard, List<string> keys) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0)
            {
                return;
            }

            foreach (var key in keys)
            {
                if (guard._exempt.AddOrUpdate(key, 0, static (_, n) => n - 1) <= 0)
                {
                    guard._exempt.TryRemove(new KeyValuePair<string, int>(key, 0));
                }
            }
        }
    }
}
