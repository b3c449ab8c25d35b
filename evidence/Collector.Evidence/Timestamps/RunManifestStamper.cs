using System.Security.Cryptography;
using Collector.Configuration;
using Collector.Model;
using Collector.Storage;
using Microsoft.Extensions.Logging;

namespace Collector.Evidence.Timestamps;

/// <summary>
/// At the end of a run: writes the run's manifest as an artifact (kind manifest, custody action "manifest"), has every
/// configured authority stamp its SHA-256, and stores each token as an artifact (kind timestamp, custody action
/// "timestamp", hashes [token, manifest]). An authority that cannot be reached is retried, then reported in the result
/// and the log: stamping never fails the run.
/// </summary>
public sealed class RunManifestStamper(TimestampClient client, EvidenceOptions options, TimeProvider time, ILogger<RunManifestStamper> logger)
{
    public const string ManifestAction = "manifest";
    public const string TimestampAction = "timestamp";
    public const string TokenContentType = "application/timestamp-token";

    public async Task<StampReport> StampRunAsync(IArchive archive, string runId, CancellationToken cancellationToken = default)
    {
        var manifest = await RunManifest.BuildAsync(archive, runId, time.GetUtcNow(), cancellationToken);
        var bytes = manifest.ToBytes();
        var manifestRef = await archive.Artifacts.PutAsync(new ArtifactContent(ArtifactKinds.Manifest, bytes, "application/json"), cancellationToken);
        await archive.Custody.AppendAsync(new CustodyEvent
        {
            Action = ManifestAction,
            Subject = runId,
            ArtifactHashes = [manifestRef.Sha256],
            Detail = $"captures={manifest.Captures.Count}; custodyHead={manifest.CustodyHead?.Sequence}:{manifest.CustodyHead?.Hash}",
        }, cancellationToken);

        var hash = SHA256.HashData(bytes);
        var results = new List<TimestampResult>();
        foreach (var url in options.TimestampAuthorities)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var authority))
            {
                results.Add(new TimestampResult(new Uri("about:invalid"), null, [$"'{url}' is not an absolute URL"]));
                continue;
            }

            var result = await client.StampAsync(authority, hash, cancellationToken);
            results.Add(result);
            if (result.Token is null)
            {
                logger.LogWarning("Run {RunId}: no timestamp from {Authority}: {Errors}", runId, authority, string.Join("; ", result.Errors));
                continue;
            }

            var check = TimestampVerifier.VerifyHash(result.Token, hash);
            var tokenRef = await archive.Artifacts.PutAsync(new ArtifactContent(ArtifactKinds.Timestamp, result.Token, TokenContentType, authority.ToString()), cancellationToken);
            await archive.Custody.AppendAsync(new CustodyEvent
            {
                Action = TimestampAction,
                Subject = runId,
                ArtifactHashes = [tokenRef.Sha256, manifestRef.Sha256],
                Detail = $"tsa={authority}; genTime={check.GenTime:yyyy-MM-ddTHH:mm:ssZ}; serial={check.SerialNumber}",
            }, cancellationToken);
        }

        return new StampReport(runId, manifestRef.Sha256, results);
    }
}

/// <summary>The manifest stamped and what each authority answered.</summary>
public sealed record StampReport(string RunId, string ManifestSha256, IReadOnlyList<TimestampResult> Results)
{
    public int Stamped => Results.Count(r => r.Succeeded);

    public IEnumerable<string> Failures => Results.Where(r => !r.Succeeded).Select(r => $"{r.Authority}: {string.Join("; ", r.Errors)}");
}
