using System.Collections.Concurrent;

namespace Collector.Simulator.Hosting;

/// <summary>One request as a simulated host saw it (times UTC, from the simulation's <see cref="TimeProvider"/>).</summary>
public sealed record SimRequest(
    SimPlatform Platform,
    DateTimeOffset At,
    string Method,
    string PathAndQuery,
    int Status,
    string? UserAgent,
    string? Fault,
    TimeSpan Duration);

/// <summary>Every request every simulated host received, in arrival order: crawler tests measure rates and robots compliance with it.</summary>
public sealed class RequestLog
{
    private readonly ConcurrentQueue<SimRequest> _entries = new();

    public IReadOnlyList<SimRequest> All => [.. _entries];

    public IReadOnlyList<SimRequest> For(SimPlatform platform) => [.. _entries.Where(e => e.Platform == platform)];

    public int Count => _entries.Count;

    public void Add(SimRequest request) => _entries.Enqueue(request);

    public void Clear() => _entries.Clear();

    /// <summary>The most requests the host received within any window of the given length (the rate the server saw).</summary>
    public int MaxInWindow(SimPlatform platform, TimeSpan window)
    {
        var times = For(platform).Select(e => e.At).Order().ToList();
        var best = 0;
        var start = 0;
        for (var end = 0; end < times.Count; end++)
        {
            while (times[end] - times[start] >= window)
            {
                start++;
            }

            best = Math.Max(best, end - start + 1);
        }

        return best;
    }
}
