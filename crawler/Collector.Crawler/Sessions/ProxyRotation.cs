namespace Collector.Crawler.Sessions;

/// <summary>
/// A source's proxies, handed out in turn; a proxy that fails <see cref="FailuresBeforeSetAside"/> times in a row is set
/// aside for the rest of the crawl. When every proxy is set aside the least-failing one is used again (and reported).
/// </summary>
public sealed class ProxyRotation
{
    public const int FailuresBeforeSetAside = 3;
    private readonly Uri[] _proxies;
    private readonly int[] _failures;
    private int _next;

    public ProxyRotation(IEnumerable<string> proxies)
    {
        ArgumentNullException.ThrowIfNull(proxies);
        _proxies = [.. proxies.Select(p => new Uri(p, UriKind.Absolute))];
        _failures = new int[_proxies.Length];
    }

    public bool Any => _proxies.Length > 0;

    public IEnumerable<Uri> SetAside => _proxies.Where((_, i) => Volatile.Read(ref _failures[i]) >= FailuresBeforeSetAside);

    /// <summary>The next usable proxy, or null when the source has none.</summary>
    public Uri? Next()
    {
        if (_proxies.Length == 0)
        {
            return null;
        }

        for (var tried = 0; tried < _proxies.Length; tried++)
        {
            var i = (int)((uint)Interlocked.Increment(ref _next) % (uint)_proxies.Length);
            if (Volatile.Read(ref _failures[i]) < FailuresBeforeSetAside)
            {
                return _proxies[i];
            }
        }

        var best = 0;
        for (var i = 1; i < _proxies.Length; i++)
        {
            best = _failures[i] < _failures[best] ? i : best;
        }

        return _proxies[best];
    }

    public void Report(Uri proxy, bool worked)
    {
        var i = Array.IndexOf(_proxies, proxy);
        if (i >= 0)
        {
            if (worked)
            {
                Volatile.Write(ref _failures[i], 0);
            }
            else
            {
                Interlocked.Increment(ref _failures[i]);
            }
        }
    }
}
