using System.CommandLine;
using System.Globalization;
using Collector.Cli.Infrastructure;
using Collector.Configuration;
using Collector.Model;
using Collector.Scheduler;
using Collector.Storage;
using Spectre.Console;

namespace Collector.Cli.Commands;

/// <summary>`collector status`: each source's next fire time and last outcome.</summary>
public static class StatusCommand
{
    public static Command Create()
    {
        var config = CliOptions.Config();
        var store = CliOptions.Store();
        var json = CliOptions.Json();
        var command = new Command("status", "Show each configured source's schedule, next fire time and last run outcome.") { config, store, json };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(config) ?? RunCommand.DefaultConfig;
            var loaded = ConfigLoader.LoadFile(path);
            await using var archive = await StoreAccess.OpenAsync(parse.GetValue(store) ?? loaded.Options.Storage.Uri, null, ct);
            var rows = await SourceStatusReport.ComputeAsync(loaded.Options, archive, TimeProvider.System.GetUtcNow(), ct);
            var output = parse.InvocationConfiguration.Output;
            var head = await archive.Custody.HeadAsync(ct);
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(CollectorJson.Serialize(new { sources = rows, custodyHead = head is null ? null : new { sequence = head.Sequence, hash = head.Hash } }, indented: true));
                return CollectorCli.Ok;
            }

            // The head of the custody log: write it down or publish it, and a later shortened or rewritten log shows.
            await output.WriteLineAsync("custody head: " + VerifyCommand.HeadText(head));

            if (!ReferenceEquals(output, Console.Out) || Console.IsOutputRedirected)
            {
                foreach (var r in rows)
                {
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"{r.Source} ({r.Platform}) schedule '{r.Schedule ?? "none"}' {r.TimeZone ?? ""} next {r.NextFire?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) ?? "-"} last {r.LastRun?.Outcome ?? "never"}{(r.ConsecutiveFailures > 0 ? $", failing {r.ConsecutiveFailures} in a row" : "")}"));
                }

                return CollectorCli.Ok;
            }

            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
            var table = new Table().Border(TableBorder.Rounded).AddColumns("source", "platform", "schedule", "next fire (UTC)", "last run", "outcome", "failing");
            foreach (var r in rows)
            {
                table.AddRow(
                    Markup.Escape(r.Source), r.Platform, Markup.Escape((r.Schedule ?? "none") + (r.TimeZone is null or "UTC" ? "" : $" ({r.TimeZone})")),
                    r.Enabled ? r.NextFire?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "-" : "disabled",
                    r.LastRun?.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "never",
                    r.LastRun?.Outcome ?? "-",
                    r.ConsecutiveFailures > 0 ? $"[red]{r.ConsecutiveFailures} in a row[/]" : "");
            }

            console.Write(table);
            return CollectorCli.Ok;
        });
        return command;
    }
}
