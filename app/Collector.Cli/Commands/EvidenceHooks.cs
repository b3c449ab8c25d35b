using Collector.Cli.Infrastructure;
using Collector.Model;
using Collector.Storage;

namespace Collector.Cli.Commands;

/// <summary>Where `collector export` and `collector verify` hand over to the evidence stage (WACZ, case bundles, timestamps).</summary>
public static class EvidenceHooks
{
    /// <summary>`collector export --format wacz|bundle`; returns the exit code.</summary>
    public static Task<int> ExportAsync(IArchive archive, EvidenceExportRequest request, TextWriter stdout, CancellationToken cancellationToken)
    {
        _ = (archive, request, stdout, cancellationToken);
        return Task.FromResult(NotBuiltYet.Report("export --format " + request.Format));
    }

    /// <summary>`collector verify case.zip`: checks a bundle on its own; returns the exit code.</summary>
    public static Task<int> VerifyBundleAsync(string bundlePath, TextWriter stdout, CancellationToken cancellationToken)
    {
        _ = (bundlePath, stdout, cancellationToken);
        return Task.FromResult(NotBuiltYet.Report("verify BUNDLE"));
    }

    /// <summary>Checks the archive's timestamp tokens; returns the problems found (empty when all hold).</summary>
    public static Task<IReadOnlyList<string>> VerifyTimestampsAsync(IArchive archive, TextWriter stdout, CancellationToken cancellationToken)
    {
        _ = (archive, stdout, cancellationToken);
        return Task.FromResult<IReadOnlyList<string>>([]);
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
}
