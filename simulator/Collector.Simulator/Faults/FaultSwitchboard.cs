namespace Collector.Simulator.Faults;

/// <summary>The faults switched on, per host and path. Thread-safe; the first matching rule with hits left applies.</summary>
public sealed class FaultSwitchboard
{
    private readonly object _gate = new();
    private readonly List<Entry> _rules = [];
    private int _nextId;

    public IReadOnlyList<ActiveFault> Active
    {
        get
        {
            lock (_gate)
            {
                return [.. _rules.Select(r => new ActiveFault(r.Id, r.Rule, r.Remaining, r.Hits))];
            }
        }
    }

    /// <summary>Switches a fault on; returns its id (for <see cref="Remove"/>).</summary>
    public string Add(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.Count is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(rule), rule.Count, "A fault's Count must be positive (or null for until removed).");
        }

        if (rule.Size <= 0 || rule.Delay < TimeSpan.Zero || rule.RetryAfter < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(rule), "Size must be positive; Delay and RetryAfter not negative.");
        }

        lock (_gate)
        {
            var id = $"f{++_nextId}";
            _rules.Add(new Entry(id, rule) { Remaining = rule.Count });
            return id;
        }
    }

    public string RateLimit(SimPlatform? platform, TimeSpan retryAfter, int? count = null, string? pathPrefix = null) =>
        Add(new FaultRule { Kind = FaultKind.RateLimit, Platform = platform, RetryAfter = retryAfter, Count = count, PathPrefix = pathPrefix });

    public string Burst503(SimPlatform? platform, int count, string? pathPrefix = null) =>
        Add(new FaultRule { Kind = FaultKind.ServiceUnavailable, Platform = platform, Count = count, PathPrefix = pathPrefix });

    public string Set(FaultKind kind, SimPlatform? platform, string? pathPrefix = null, int? count = null) =>
        Add(new FaultRule { Kind = kind, Platform = platform, PathPrefix = pathPrefix, Count = count });

    public bool Remove(string id)
    {
        lock (_gate)
        {
            return _rules.RemoveAll(r => r.Id == id) > 0;
        }
    }

    /// <summary>Switches off every fault (of one host, when given).</summary>
    public void Clear(SimPlatform? platform = null)
    {
        lock (_gate)
        {
            _rules.RemoveAll(r => platform is null || r.Rule.Platform == platform);
        }
    }

    /// <summary>The rule that applies to this request, spending one of its hits; null when none does.</summary>
    public FaultRule? Take(SimPlatform platform, string path)
    {
        lock (_gate)
        {
            foreach (var entry in _rules)
            {
                if (entry.Rule.Matches(platform, path) && entry.Remaining is null or > 0)
                {
                    entry.Hits++;
                    if (entry.Remaining is not null)
                    {
                        entry.Remaining--;
                    }

                    return entry.Rule;
                }
            }

            return null;
        }
    }

    private sealed class Entry(string id, FaultRule rule)
    {
        public string Id { get; } = id;

        public FaultRule Rule { get; } = rule;

        public int? Remaining { get; set; }

        public int Hits { get; set; }
    }
}
