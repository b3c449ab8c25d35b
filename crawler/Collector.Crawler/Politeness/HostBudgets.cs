using System.Collections.Concurrent;

namespace Collector.Crawler.Politeness;

/// <summary>The budgets of every host a crawl touches, created on first use.</summary>
public sealed class HostBudgets(double? requestsPerSecond, int perHostConcurrency, TimeProvider time) : IDisposable
{
    private readonly ConcurrentDictionary<string, HostBudget> _hosts = new(StringComparer.OrdinalIgnoreCase);

    public HostBudget For(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return _hosts.GetOrAdd(url.Authority, h => new HostBudget(h, requestsPerSecond, perHostConcurrency, time));
    }

    public IReadOnlyCollection<HostBudget> All => [.. _hosts.Values];

    public void Dispose()
    {
        foreach (var host in _hosts.Values)
        {
            host.Dispose();
        }
    }
}
