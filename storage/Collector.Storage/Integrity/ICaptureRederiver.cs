using Collector.Model;

namespace Collector.Storage;

/// <summary>
/// Reads a capture's posts again from its stored artifacts with the parsers that read them first, so the verifier can
/// hold every stored version's text to the page it came from (<see cref="VersionTextCheck"/>). The storage stage knows
/// no parser: the crawler provides this.
/// </summary>
public interface ICaptureRederiver
{
    /// <summary>The parser version this build runs; captures recorded under another version are not re-derived.</summary>
    string ParserVersion { get; }

    /// <summary>The posts the parsers read from the capture's stored body, or null when the capture kept no body to read.</summary>
    Task<IReadOnlyList<Post>?> RederiveAsync(Capture capture, IArtifactStore artifacts, CancellationToken cancellationToken = default);
}
