using Collector.Cli.Commands;
using Collector.Cli.Infrastructure;
using Collector.Configuration;
using Collector.Detection;
using Collector.Detection.Input;
using Collector.Detection.Output;
using Collector.Evidence.Bundles;
using Collector.Evidence.Timestamps;
using Collector.Simulator;
using Collector.Simulator.World;
using Collector.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Collector.Cli.Demo;

/// <summary>
/// The whole mission offline: simulated platforms on loopback, the scheduler collecting them for N cycles while the world
/// edits and deletes posts between cycles, then detection, verification, a WACZ and a case bundle for the top chain.
/// </summary>
public sealed class DemoRunner(DemoDisplay display, TimeProvider time)
{
    public static TimeSpan CycleTimeout { get; set; } = TimeSpan.FromSeconds(150);

    public async Task<DemoOutcome> RunAsync(string outDir, int cycles, CancellationToken cancellationToken)
    {
        outDir = Path.GetFullPath(outDir);
        Directory.CreateDirectory(outDir);
        var state = DemoState.Load(outDir);
        var storeUri = "sqlite:" + Path.Combine(outDir, "archive", "collector.db");
        Directory.CreateDirectory(Path.Combine(outDir, "archive"));

        display.Step("Starting the simulated platforms and a loopback time-stamping authority");
        await using var tsa = await LoopbackTimestampAuthority.StartAsync(time, cancellationToken);
        await RememberTsaRootAsync(outDir, tsa, cancellationToken);
        await using var sim = await StartSimulationAsync(state, cancellationToken);
        if (state.Port > 0 && sim.BaseUrl(SimPlatform.Reddit).Port != state.Port)
        {
            display.Note($"port {state.Port} is taken now, so the simulated platforms moved; revisits of earlier posts will find nothing there");
        }

        state = state with { Port = sim.BaseUrl(SimPlatform.Reddit).Port };
        var changes = new List<CycleReport>();
        for (var i = 0; i < state.CyclesDone; i++)
        {
            changes.Add(sim.AdvanceCycle()); // replay the story so far: this run continues it, and is checked against all of it
        }

        if (state.CyclesDone > 0)
        {
            changes.Add(sim.AdvanceCycle());
            state = state with { CyclesDone = state.CyclesDone + 1 };
            display.Note($"continuing the archive in {outDir}: the world is at cycle {state.CyclesDone}");
        }

        var configPath = Path.Combine(outDir, "collector.json");
        await File.WriteAllTextAsync(configPath, DemoConfig.Build(sim, storeUri, tsa.Url.ToString()), cancellationToken);
        var config = ConfigLoader.LoadFile(configPath);
        display.Note($"{config.Options.Sources.Count} sources ({string.Join(", ", config.Options.Sources.Select(s => $"{s.Name}: {s.Targets.Count} targets, {s.Render.ToString().ToLowerInvariant()}"))}), every {DemoConfig.EverySeconds} s");

        await using (var archive = await StoreAccess.OpenAsync(storeUri, null, cancellationToken))
        {
            using var host = BuildHost(config, archive, Path.Combine(outDir, "demo.log"));
            await host.StartAsync(cancellationToken);
            try
            {
                for (var cycle = 1; cycle <= cycles; cycle++)
                {
                    var started = time.GetUtcNow();
                    await display.CycleAsync(cycle, cycles, config.Options.Sources.Select(s => s.Name).ToList(),
                        ct => RunsSinceAsync(archive, started, ct), CycleTimeout, cancellationToken);
                    if (cycle < cycles)
                    {
                        var report = sim.AdvanceCycle();
                        changes.Add(report);
                        state = state with { CyclesDone = state.CyclesDone + 1 };
                        display.Note($"the world moved on: {report.Edited.Count} posts edited, {report.Deleted.Count} deleted, {report.Added.Count} new");
                    }
                }
            }
            finally
            {
                display.Step("Stopping the scheduler (in-flight pages finish)");
                await host.StopAsync(CancellationToken.None);
            }
        }

        state.Save(outDir);
        return await FinishAsync(outDir, storeUri, sim.World.Truth, changes, cancellationToken);
    }

    /// <summary>
    /// The simulated platforms on consecutive loopback ports: the folder's remembered block when it is free, else a new
    /// random block (kept in the folder's state for the next run).
    /// </summary>
    private static async Task<SimulatedPlatforms> StartSimulationAsync(DemoState state, CancellationToken cancellationToken)
    {
        var candidates = new List<int>();
        if (state.Port > 0)
        {
            candidates.Add(state.Port);
        }

        candidates.AddRange(Enumerable.Range(0, 8).Select(_ => Random.Shared.Next(20_000, 60_000)));
        foreach (var port in candidates)
        {
            try
            {
                return await SimulatedPlatforms.StartAsync(new SimulationOptions { Seed = state.Seed, Port = port }, cancellationToken);
            }
            catch (IOException)
            {
                // taken (Kestrel reports "address already in use" as an IOException): try the next block
            }
        }

        return await SimulatedPlatforms.StartAsync(new SimulationOptions { Seed = state.Seed }, cancellationToken);
    }

    private async Task<DemoOutcome> FinishAsync(string outDir, string storeUri, GroundTruth truth, List<CycleReport> changes, CancellationToken cancellationToken)
    {
        await using var archive = await StoreAccess.OpenAsync(storeUri, null, cancellationToken);
        display.Step("Detecting repost chains, coordination and account behaviour");
        var posts = await ArchiveInput.LoadAsync(archive, new PostQuery(), null, cancellationToken);
        var result = DetectionEngine.Run(posts);
        var reportDir = Path.Combine(outDir, "report");
        await DetectionWriters.WriteAllAsync(result, reportDir, time, archive, cancellationToken);

        display.Step("Verifying the archive (every artifact re-hashed, custody chain walked, every post re-read from its stored page, timestamps checked)");
        var verification = await ArchiveVerifier.VerifyAsync(archive, VerifyCommand.Reparser(), null, cancellationToken);
        var tokenProblems = await EvidenceHooks.VerifyTimestampsAsync(archive, TextWriter.Null, cancellationToken);

        display.Step("Exporting a WACZ and a case bundle for the top chain");
        var evidenceDir = Path.Combine(outDir, "evidence");
        Directory.CreateDirectory(evidenceDir);
        var wacz = Path.Combine(evidenceDir, "demo.wacz");
        var waczOk = await EvidenceHooks.ExportAsync(archive, new EvidenceExportRequest { Format = "wacz", OutPath = wacz }, TextWriter.Null, cancellationToken) == 0;
        var top = result.Chains.Where(c => c.CrossPlatform).OrderByDescending(c => c.Posts.Count).FirstOrDefault();
        string? bundle = null;
        var bundleOk = false;
        if (top is not null)
        {
            bundle = Path.Combine(evidenceDir, $"case-{top.Id}.zip");
            var request = new EvidenceExportRequest
            {
                Format = "bundle", OutPath = bundle, Chains = [top.Id], ChainsFile = Path.Combine(reportDir, "chains.json"),
                Trust = new BundleTrust(await File.ReadAllTextAsync(TsaRootsPath(outDir), cancellationToken),
                    "the root certificate of the demo's loopback time-stamping authority: a throw-away CA Collector made when the demo started "
                    + "(one per run of the demo, all of them here), so a token that verifies under it proves only that the demo's own authority stamped the manifest"),
            };
            bundleOk = await EvidenceHooks.ExportAsync(archive, request, TextWriter.Null, cancellationToken) == 0
                && await EvidenceHooks.VerifyBundleAsync(bundle, TextWriter.Null, cancellationToken) == 0;
        }

        return await DemoOutcome.SummarizeAsync(archive, result, truth, changes, verification, tokenProblems, reportDir, wacz, waczOk, bundle, bundleOk, cancellationToken);
    }

    /// <summary>Every root the demo's loopback authority has signed under in this folder (one per run of the demo).</summary>
    private static string TsaRootsPath(string outDir) => Path.Combine(outDir, "evidence", BundleTrustFiles.RootFile);

    private static async Task RememberTsaRootAsync(string outDir, LoopbackTimestampAuthority tsa, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.Combine(outDir, "evidence"));
        await File.AppendAllTextAsync(TsaRootsPath(outDir), TestCertificates.ToPem(tsa.Certificates.Ca), cancellationToken);
    }

    private static async Task<IReadOnlyDictionary<string, RunRecord>> RunsSinceAsync(IArchive archive, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var runs = await archive.Runs.ListAsync(null, 200, cancellationToken);
        return runs.Where(r => r.StartedAt >= since && r.EndedAt is not null)
            .GroupBy(r => r.Source, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.StartedAt).First(), StringComparer.OrdinalIgnoreCase);
    }

    private IHost BuildHost(LoadedConfig config, IArchive archive, string logPath) =>
        CollectorServices.CreateHost(config, archive, logging => logging.AddProvider(new FileLoggerProvider(logPath, time)));
}
