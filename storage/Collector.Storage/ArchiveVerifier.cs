using System.Globalization;

namespace Collector.Storage;

/// <summary>
/// The verification walk every backend shares: re-hash every artifact (missing; altered with expected and actual hash),
/// walk the custody chain (<see cref="CustodyChain.Check"/>: missing, reordered, altered entries, broken links), check
/// that every artifact an entry names is stored and that every capture has its custody entry.
/// </summary>
public static class ArchiveVerifier
{
    public static async Task<ArchiveVerification> VerifyAsync(IArchive archive, CancellationToken cancellationToken = default)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var problems = new List<string>();
        var stored = new HashSet<string>(StringComparer.Ordinal);
        long artifacts = 0, bytes = 0;
        await foreach (var sha in archive.Artifacts.ListAsync(cancellationToken))
        {
            stored.Add(sha);
            var check = await archive.Artifacts.VerifyAsync(sha, cancellationToken);
            artifacts++;
            bytes += check.Length;
            switch (check.State)
            {
                case ArtifactState.Missing:
                    problems.Add($"missing artifact {sha} ({check.Location ?? "no stored bytes"})");
                    break;
                case ArtifactState.Altered when check.ActualSha256 is not null:
                    problems.Add($"altered artifact {sha}: expected sha256 {sha}, actual {check.ActualSha256} ({check.Location})");
                    break;
                case ArtifactState.Altered:
                    problems.Add($"altered artifact {sha}: expected sha256 {sha}, stored bytes unreadable: {check.Detail} ({check.Location})");
                    break;
                default:
                    break;
            }
        }

        var entries = new List<CustodyEntry>();
        await foreach (var e in archive.Custody.ReadAsync(1, cancellationToken))
        {
            entries.Add(e);
        }

        problems.AddRange(CustodyChain.Check(entries));
        var capturesInLog = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in entries)
        {
            if (e.Action == "capture")
            {
                capturesInLog.Add(e.Subject);
            }

            foreach (var sha in e.ArtifactHashes)
            {
                if (!stored.Contains(sha))
                {
                    problems.Add(string.Create(CultureInfo.InvariantCulture, $"missing artifact {sha}: named by custody entry {e.Sequence} ({e.Action} {e.Subject}) but not stored"));
                    stored.Add(sha);
                }
            }
        }

        long captures = 0;
        await foreach (var capture in archive.QueryCapturesAsync(new CaptureQuery { IncludePosts = false }, cancellationToken))
        {
            captures++;
            if (!capturesInLog.Contains(capture.Id))
            {
                problems.Add($"capture {capture.Id} has no custody entry (custody entries removed?)");
            }
        }

        return new ArchiveVerification
        {
            Problems = problems,
            ArtifactsChecked = artifacts,
            BytesChecked = bytes,
            CustodyEntries = entries.Count,
            Captures = captures,
            Elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started),
        };
    }
}

/// <summary>What <see cref="ArchiveVerifier"/> found.</summary>
public sealed record ArchiveVerification
{
    public required IReadOnlyList<string> Problems { get; init; }
    public long ArtifactsChecked { get; init; }
    public long BytesChecked { get; init; }
    public long CustodyEntries { get; init; }
    public long Captures { get; init; }
    public TimeSpan Elapsed { get; init; }
    public bool IsClean => Problems.Count == 0;
}
