using System.Globalization;

namespace Collector.Storage.Sqlite;

/// <summary>
/// Where one artifact's stored bytes are on disk: in a pack (<paramref name="Packed"/>, from <paramref name="Offset"/>,
/// <paramref name="StoredLength"/> bytes) or a file of its own; <paramref name="Path"/> is null when its own file is gone.
/// </summary>
public sealed record ArtifactOnDisk(string? Path, bool Packed, long Offset, long? StoredLength, bool Gzip, string? StoredSha, string? Pack)
{
    /// <summary>The location as a person reads it in a report: PACK@OFFSET, or the artifact's own file.</summary>
    public string Describe(string root) =>
        Packed && Pack is not null
            ? System.IO.Path.Combine(root, ArtifactPack.Folder, Pack) + "@" + Offset.ToString(CultureInfo.InvariantCulture)
            : Path ?? root;
}
