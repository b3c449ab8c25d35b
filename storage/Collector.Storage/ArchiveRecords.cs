using Collector.Model;

namespace Collector.Storage;

/// <summary>A post as the archive holds it: its latest version and what the archive knows about it.</summary>
public sealed record ArchivedPost
{
    public required Post Post { get; init; }
    public required DateTimeOffset FirstSeen { get; init; }
    public required DateTimeOffset LastSeen { get; init; }
    public int VersionCount { get; init; } = 1;
    public Tombstone? Tombstone { get; init; }

    /// <summary>True when the post came from <c>collector import</c> rather than a capture.</summary>
    public bool Imported { get; init; }

    /// <summary>Configured sources whose captures saw this post.</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>Media artifacts archived for this post's media URLs (for image matching).</summary>
    public IReadOnlyList<ArtifactRef> MediaArtifacts { get; init; } = [];
}

/// <summary>Everything the archive remembers of one post.</summary>
public sealed record PostHistory
{
    public required PostKey Key { get; init; }
    public required IReadOnlyList<PostVersion> Versions { get; init; }
    public required IReadOnlyList<Observation> Observations { get; init; }
    public Tombstone? Tombstone { get; init; }
}

/// <summary>One distinct content of a post (a new version whenever the content hash changes).</summary>
public sealed record PostVersion
{
    public required int Number { get; init; }
    public required string ContentHash { get; init; }
    public required Post Post { get; init; }
    public required DateTimeOffset FirstSeen { get; init; }

    /// <summary>The capture that first saw this version (null for imports).</summary>
    public string? CaptureId { get; init; }

    /// <summary>What changed against the previous version (empty for the first).</summary>
    public IReadOnlyList<FieldChange> Changes { get; init; } = [];
}

public sealed record FieldChange(string Field, string? Before, string? After);

/// <summary>One sighting of a post by one capture, with the metrics seen then.</summary>
public sealed record Observation
{
    public required DateTimeOffset At { get; init; }
    public string? CaptureId { get; init; }
    public required int Version { get; init; }

    /// <summary>True when this observation created a new version.</summary>
    public bool Changed { get; init; }

    public Metrics Metrics { get; init; } = Metrics.Unknown;
}

/// <summary>The post is gone: why, when, and the capture that proves it.</summary>
public sealed record Tombstone
{
    /// <summary>The page outcome's wire name: removed or not-found.</summary>
    public required string Reason { get; init; }
    public required DateTimeOffset At { get; init; }
    public required string CaptureId { get; init; }
}

public sealed record PostQuery
{
    public IReadOnlyList<string> Platforms { get; init; } = [];
    public string? Source { get; init; }

    /// <summary>Posts first seen (or published) at or after this time.</summary>
    public DateTimeOffset? Since { get; init; }

    public DateTimeOffset? Until { get; init; }

    /// <summary>Posts published (first seen where unknown) at or after this time: a source's watch window.</summary>
    public DateTimeOffset? PublishedSince { get; init; }

    public bool IncludeTombstoned { get; init; } = true;
    public int? Limit { get; init; }
}

public sealed record CaptureQuery
{
    public string? RunId { get; init; }
    public string? Source { get; init; }
    public string? Url { get; init; }
    public DateTimeOffset? Since { get; init; }
    public DateTimeOffset? Until { get; init; }
    public IReadOnlyList<string> Platforms { get; init; } = [];

    /// <summary>Only captures that saw this post.</summary>
    public PostKey? Post { get; init; }

    public int? Limit { get; init; }

    /// <summary>False to skip loading each capture's posts (cheaper when only the capture itself is wanted).</summary>
    public bool IncludePosts { get; init; } = true;
}
