using Collector.Configuration;
using Collector.Evidence.Timestamps;
using Collector.Scheduler;
using Collector.Storage;

namespace Collector.Cli.Infrastructure;

/// <summary>After each run: its manifest is timestamped by the configured authorities (failures are reported, never block).</summary>
public sealed class TimestampRunHook(RunManifestStamper stamper, IArchive archive, EvidenceOptions options) : IRunCompletionHook
{
    public async Task OnRunCompletedAsync(RunRecord run, CancellationToken cancellationToken)
    {
        if (options.TimestampAuthorities.Count == 0)
        {
            return;
        }

        await stamper.StampRunAsync(archive, run.Id, cancellationToken);
    }
}
