using Collector.Simulator.Faults;

namespace Collector.Simulator.Admin;

/// <summary>The JSON body of <c>POST /admin/faults</c>: {"kind":"rate-limit","platform":"reddit","count":3,"retryAfterSeconds":2}.</summary>
public sealed record FaultRequest
{
    public FaultKind Kind { get; init; }

    public string? Platform { get; init; }

    public string? PathPrefix { get; init; }

    public int? Count { get; init; }

    public double? RetryAfterSeconds { get; init; }

    public double? DelaySeconds { get; init; }

    public long? Size { get; init; }

    public int? Status { get; init; }

    public bool Chunked { get; init; }

    public FaultRule ToRule()
    {
        SimPlatform? platform = null;
        if (Platform is not null)
        {
            platform = SimPlatforms.TryParse(Platform, out var p)
                ? p
                : throw new ArgumentException($"Unknown platform '{Platform}'; use one of {string.Join(", ", SimPlatforms.All.Select(x => x.Key()))}.");
        }

        var rule = new FaultRule { Kind = Kind, Platform = platform, PathPrefix = PathPrefix, Count = Count, Status = Status, Chunked = Chunked };
        if (RetryAfterSeconds is { } r)
        {
            rule = rule with { RetryAfter = TimeSpan.FromSeconds(r) };
        }

        if (DelaySeconds is { } d)
        {
            rule = rule with { Delay = TimeSpan.FromSeconds(d) };
        }

        return Size is { } size ? rule with { Size = size } : rule;
    }
}
