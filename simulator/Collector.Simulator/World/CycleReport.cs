using Collector.Model;

namespace Collector.Simulator.World;

/// <summary>What one cycle changed: posts whose text was edited, posts taken down, posts added.</summary>
public sealed record CycleReport
{
    public required int Cycle { get; init; }

    public required DateTimeOffset Now { get; init; }

    public required IReadOnlyList<PostKey> Edited { get; init; }

    /// <summary>Deleted by the author or removed by moderators; their pages now show the platform's removed markup or 404.</summary>
    public required IReadOnlyList<PostKey> Deleted { get; init; }

    public required IReadOnlyList<PostKey> Added { get; init; }
}
