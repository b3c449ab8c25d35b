using System.CommandLine;
using Collector.Cli.Infrastructure;
using Collector.Configuration;
using Collector.Scheduler;
using Collector.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Collector.Cli.Commands;

/// <summary>`collector run`: scheduled collection of every configured source.</summary>
public static class RunCommand
{
    public const string DefaultConfig = "config/collector.json";

    public static Command Create()
    {
        var config = CliOptions.Config();
        var once = new Option<bool>("--once") { Description = "Run every source (or those named by --source) one time, then exit." };
        var source = new Option<string[]>("--source") { Description = "Only this source (repeatable).", HelpName = "NAME" };
        var store = CliOptions.Store();
        var command = new Command("run", "Run the scheduler: collect every configured source on its cron schedule until stopped (Ctrl-C/SIGTERM).")
        {
            config, once, source, store,
        };
        command.SetAction((parse, ct) => RunAsync(
            parse.GetValue(config) ?? DefaultConfig, parse.GetValue(once), parse.GetValue(source) ?? [], parse.GetValue(store),
            parse.InvocationConfiguration.Output, ct));
        return command;
    }

    public static async Task<int> RunAsync(string configPath, bool once, IReadOnlyList<string> only, string? store, TextWriter stdout, CancellationToken cancellationToken)
    {
        var config = ConfigLoader.LoadFile(configPath);
        if (!string.IsNullOrWhiteSpace(store))
        {
            config.Options.Storage.Uri = store;
        }

        var unknown = only.Where(n => config.Options.Sources.All(s => !string.Equals(s.Name, n, StringComparison.OrdinalIgnoreCase))).ToList();
        if (unknown.Count > 0)
        {
            throw new UsageException($"no source named {string.Join(", ", unknown.Select(u => $"'{u}'"))} in {configPath}");
        }

        if (only.Count > 0)
        {
            config.Options.Sources = config.Options.Sources
                .Where(s => only.Contains(s.Name, StringComparer.OrdinalIgnoreCase)).ToList();
        }

        await using var archive = await StoreAccess.OpenAsync(config.Options.Storage.Uri, null, cancellationToken);
        using var host = CollectorServices.CreateHost(config, archive,
            logging => logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; o.UseUtcTimestamp = true; }));

        if (once)
        {
            return await RunOnceAsync(host.Services, config, stdout, cancellationToken);
        }

        if (config.Options.Sources.All(s => SourceSchedule.For(s) is null))
        {
            throw new UsageException($"no source in {configPath} has a schedule: add \"schedule\" to a source, or use --once");
        }

        await stdout.WriteLineAsync($"collector run: {config.Options.Sources.Count} sources from {configPath}, archive {config.Options.Storage.Uri}"
            + (config.Options.Scheduler.Cluster is null ? "" : ", clustered on PostgreSQL") + "; Ctrl-C stops after in-flight pages.");
        try
        {
            await host.RunAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // graceful stop: the host already waited for running jobs
        }

        return CollectorCli.Ok;
    }

    private static async Task<int> RunOnceAsync(IServiceProvider services, LoadedConfig config, TextWriter stdout, CancellationToken cancellationToken)
    {
        var runner = services.GetRequiredService<ISourceRunner>();
        var failed = 0;
        foreach (var source in config.Options.Sources.Where(s => s.Enabled))
        {
            var run = await runner.RunAsync(source, RunTrigger.Once, cancellationToken);
            await stdout.WriteLineAsync(RunsCommand.Describe(run));
            failed += run.Outcome is RunOutcomes.Failed ? 1 : 0;
            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }
        }

        return failed == 0 ? CollectorCli.Ok : CollectorCli.Failure;
    }
}
