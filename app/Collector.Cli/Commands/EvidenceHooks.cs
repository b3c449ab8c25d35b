using Collector.Evidence.Bundles;
using Collector.Evidence.Timestamps;
using Collector.Evidence.Wacz;
using Collector.Evidence.Warc;
using Collector.Model;
using Collector.Storage;

namespace Collector.Cli.Commands;

/// <summary>Where `collector export` and `collector verify` hand over to the evidence stage (WACZ, case bundles, timestamps).</summary>
public static class EvidenceHooks
{
    /// <summary>`collector export --format wacz|bundle`; returns the exit code.</summary>
    public static async Task<int> ExportAsync(IArchive archive, EvidenceExportRequest request, TextWriter stdout, CancellationToken cancellationToken)
    {
        var time = TimeProvider.System;
        try
        {
            switch (request.Format)
            {
                case "wacz":
                {
                    var query = new CaptureQuery { Platforms = request.Platforms, Source = request.Source, Since = request.Since, Until = request.Until };
                    var title = "Collector export " + UtcDateTimeOffsetConverter.ToWire(time.GetUtcNow());
                    var summary = await WaczWriter.WriteAsync(archive.QueryCapturesAsync(query, cancellationToken), ArtifactSources.From(archive.Artifacts),
                        request.OutPath, title, time, cancellationToken);
                    await archive.Custody.AppendAsync(new CustodyEvent
                    {
                        Action = "export",
                        Subject = Path.GetFileName(request.OutPath),
                        Detail = $"wacz: {summary.Pages} pages, {summary.IndexLines} index lines, {summary.Bytes} bytes; datapackage.json {summary.DatapackageHash}",
                    }, cancellationToken);
                    await stdout.WriteLineAsync($"wrote {summary.Path}: {summary.Pages} pages, {summary.IndexLines} records indexed, {summary.Bytes} bytes");
                    if (summary.Pages == 0)
                    {
                        await Console.Error.WriteLineAsync("collector export: warning: no capture matched, the WACZ holds no pages");
                    }

                    return CollectorCli.Ok;
                }

                case "bundle":
                {
                    var selection = new BundleSelection { Posts = request.Posts, Urls = request.Urls, Chains = request.Chains, ChainsFile = request.ChainsFile };
                    var summary = await CaseBundleWriter.WriteAsync(archive, selection, request.OutPath, time, request.Trust, VerifyCommand.Reparser(), cancellationToken);
                    await stdout.WriteLineAsync(
                        $"wrote {summary.Path}: {summary.Posts} posts, {summary.Captures} captures, {summary.Timestamps} timestamp tokens, {summary.Files} files; manifest.json sha256 {summary.ManifestSha256}");
                    return CollectorCli.Ok;
                }

                default:
                    await Console.Error.WriteLineAsync($"collector export: the evidence stage does not write '{request.Format}'");
                    return CollectorCli.UsageError;
            }
        }
        catch (BundleSelectionException e)
        {
            await Console.Error.WriteLineAsync("collector export: " + e.Message);
            return CollectorCli.UsageError;
        }
        catch (BundleRefusedException e)
        {
            await Console.Error.WriteLineAsync("collector export: " + e.Message + "\n(run `collector verify` for the whole archive)");
            return CollectorCli.Failure;
        }
        catch (MissingArtifactException e)
        {
            await Console.Error.WriteLineAsync("collector export: " + e.Message + " (run `collector verify` on the archive)");
            return CollectorCli.Failure;
        }
    }

    /// <summary>`collector verify case.zip`: checks a bundle on its own; returns the exit code.</summary>
    public static async Task<int> VerifyBundleAsync(string bundlePath, TextWriter stdout, CancellationToken cancellationToken)
    {
        var result = await Task.Run(() => CaseBundleVerifier.Verify(bundlePath), cancellationToken);
        foreach (var note in result.Notes)
        {
            await stdout.WriteLineAsync("  " + note);
        }

        foreach (var problem in result.Problems)
        {
            await stdout.WriteLineAsync("FAIL " + problem);
        }

        await stdout.WriteLineAsync(result.Valid ? $"{bundlePath}: bundle verified, every check holds" : $"{bundlePath}: {result.Problems.Count} problem(s)");
        return result.Valid ? CollectorCli.Ok : CollectorCli.Failure;
    }

    /// <summary>Checks the archive's timestamp tokens; returns the problems found (empty when all hold).</summary>
    public static async Task<IReadOnlyList<string>> VerifyTimestampsAsync(IArchive archive, TextWriter stdout, CancellationToken cancellationToken)
    {
        var (count, problems) = await ArchiveTimestampVerifier.VerifyAsync(archive, cancellationToken);
        await stdout.WriteLineAsync($"timestamps: {count} token(s) checked, {problems.Count} problem(s)");
        return problems;
    }
}

/// <summary>What `collector export` asks of the evidence stage.</summary>
public sealed record EvidenceExportRequest
{
    /// <summary>wacz or bundle.</summary>
    public required string Format { get; init; }

    public required string OutPath { get; init; }

    public IReadOnlyList<string> Platforms { get; init; } = [];

    public string? Source { get; init; }

    public DateTimeOffset? Since { get; init; }

    public DateTimeOffset? Until { get; init; }

    public IReadOnlyList<PostKey> Posts { get; init; } = [];

    public IReadOnlyList<string> Urls { get; init; } = [];

    public IReadOnlyList<string> Chains { get; init; } = [];

    /// <summary>chains.json from `collector detect` (for --chain).</summary>
    public string? ChainsFile { get; init; }

    /// <summary>The time-stamping authority's root to ship in a bundle as TSA-CA.pem (the demo's loopback authority).</summary>
    public BundleTrust? Trust { get; init; }
}
