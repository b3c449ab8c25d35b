namespace Collector.Simulator;

/// <summary>How to start the simulated platforms. Validated by <see cref="SimulatedPlatforms.StartAsync"/>, every problem listed.</summary>
public sealed class SimulationOptions
{
    /// <summary>The world's seed: the same seed gives the same world, pages and images.</summary>
    public int Seed { get; set; } = 7;

    /// <summary>
    /// 0 (the default) gives every host its own free loopback port. A port N gives the hosts N, N+1, … in the order of
    /// <see cref="SimPlatforms.All"/>, then the admin host.
    /// </summary>
    public int Port { get; set; }

    /// <summary>Ordinary posts per subreddit, board, channel and forum section (the campaign comes on top).</summary>
    public int PostsPerCommunity { get; set; } = 20;

    /// <summary>The world's clock at cycle 0 (UTC). Post times are fixed relative to it, never to the wall clock.</summary>
    public DateTimeOffset Now { get; set; } = new(2026, 11, 16, 0, 0, 0, TimeSpan.Zero);

    /// <summary>How far the world's clock moves per cycle.</summary>
    public TimeSpan CycleLength { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Stamps the request log.</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;

    /// <summary>Posts per page of Reddit JSON listings (when the request sets no limit), HTML feeds and Telegram pages.</summary>
    public int PageSize { get; set; } = 10;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Port is < 0 or > 65535 - 8)
        {
            errors.Add($"Port must be 0 or a port with room for {SimPlatforms.All.Count + 1} consecutive ports, not {Port}.");
        }

        if (PostsPerCommunity is < 3 or > 5000)
        {
            errors.Add($"PostsPerCommunity must be between 3 and 5000, not {PostsPerCommunity}.");
        }

        if (CycleLength <= TimeSpan.Zero)
        {
            errors.Add("CycleLength must be positive.");
        }

        if (PageSize is < 2 or > 100)
        {
            errors.Add($"PageSize must be between 2 and 100, not {PageSize}.");
        }

        if (Now.Offset != TimeSpan.Zero)
        {
            errors.Add("Now must be UTC (offset zero).");
        }

        return errors;
    }
}
