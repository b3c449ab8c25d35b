using System.Text;
using Collector.Model;

namespace Collector.Evidence.Bundles;

/// <summary>manifest.json of a case bundle: what it was made from, by what, and the SHA-256 of every other file.</summary>
public sealed record BundleManifest
{
    public const string FormatName = "collector-case-bundle/1";
    public const string FileName = "manifest.json";

    public string Format { get; init; } = FormatName;
    public required DateTimeOffset CreatedAt { get; init; }
    public required string Tool { get; init; }
    public required IReadOnlyList<string> Selection { get; init; }
    public required IReadOnlyList<BundleFile> Files { get; init; }

    /// <summary>Which token stamps which run manifest (paths inside the bundle).</summary>
    public IReadOnlyList<BundleTimestamp> Timestamps { get; init; } = [];

    public byte[] ToBytes() => Encoding.UTF8.GetBytes(CollectorJson.Serialize(this, indented: true));

    public static BundleManifest? Parse(byte[] bytes) => CollectorJson.Deserialize<BundleManifest>(Encoding.UTF8.GetString(bytes));
}

public sealed record BundleFile(string Path, string Sha256, long Bytes);

public sealed record BundleTimestamp(string Token, string Manifest, string RunId, string? Authority, DateTimeOffset? GenTime);

/// <summary>Where things go inside a bundle.</summary>
public static class BundlePaths
{
    public const string Index = "index.html";
    public const string Custody = "custody/entries.jsonl";

    public static string Post(PostKey key) => $"posts/{Safe(key.Platform)}/{Safe(key.Id)}.json";

    public static string Capture(string captureId) => $"captures/{Safe(captureId)}/capture.json";

    public static string Warc(string captureId) => $"captures/{Safe(captureId)}/capture.warc.gz";

    public static string Artifact(string sha256, string? contentType, string kind) => $"artifacts/{sha256}{ArtifactFiles.Extension(contentType, kind)}";

    public static string RunManifest(string runId, string sha256) => $"timestamps/{Safe(runId)}/manifest-{sha256[..16]}.json";

    public static string Token(string runId, string sha256) => $"timestamps/{Safe(runId)}/token-{sha256[..16]}.tst";

    /// <summary>The sha256 an artifacts/ path is named for (null for other paths).</summary>
    public static string? ArtifactHash(string path)
    {
        if (!path.StartsWith("artifacts/", StringComparison.Ordinal))
        {
            return null;
        }

        var name = path["artifacts/".Length..];
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? name : name[..dot];
    }

    private static string Safe(string text)
    {
        var chars = text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray();
        var safe = new string(chars).Trim('.');
        return safe.Length == 0 ? "_" : safe.Length > 100 ? safe[..100] : safe;
    }
}
