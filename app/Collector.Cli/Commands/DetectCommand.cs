using System.CommandLine;
using System.Globalization;
using Collector.Cli.Infrastructure;
using Collector.Detection;
using Collector.Detection.Input;
using Collector.Detection.Output;
using Collector.Model;
using Collector.Storage;

namespace Collector.Cli.Commands;

/// <summary>`collector detect`: repost chains, coordination network and account flags, with a report.</summary>
public static class DetectCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "Folder for chains.json, accounts.json, network files and report.html.", DefaultValueFactory = _ => "detect-out", HelpName = "DIR" };
        var store = CliOptions.Store();
        var config = CliOptions.Config();
        var since = CliOptions.Since();
        var until = CliOptions.Until();
        var platforms = CliOptions.Platforms();
        var command = new Command("detect", "Find cross-platform repost chains and coordination signals in the archive, and write a report.")
        {
            store, config, since, until, platforms, output,
        };
        command.SetAction(async (parse, ct) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var query = new PostQuery
            {
                Platforms = [.. (parse.GetValue(platforms) ?? []).Select(p => p.Trim().ToLowerInvariant())],
                Since = parse.GetValue(since),
                Until = parse.GetValue(until),
            };
            if (query.Since is { } from && query.Until is { } to && to < from)
            {
                throw new UsageException("--until is before --since");
            }

            await using var archive = await StoreAccess.OpenAsync(parse.GetValue(store), parse.GetValue(config), ct);
            var result = await DetectProgressBar.RunAsync(
                parse.InvocationConfiguration.Error,
                async (loaded, stageDone) => DetectionEngine.Run(await ArchiveInput.LoadAsync(archive, query, loaded, ct), stageDone: stageDone));
            var outDir = parse.GetRequiredValue(output);
            await DetectionWriters.WriteAllAsync(result, outDir, TimeProvider.System, archive, ct);
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"detect: {result.Stats.Posts} posts, {result.Chains.Count} chains ({result.Chains.Count(c => c.CrossPlatform)} cross-platform), {result.Network.Nodes.Count} accounts in the network, {result.Accounts.Count} flagged accounts"));
            await stdout.WriteLineAsync($"wrote {Path.GetFullPath(Path.Combine(outDir, "report.html"))} and {DetectionWriters.FileNames.Count - 1} data files");
            return CollectorCli.Ok;
        });
        return command;
    }
}
