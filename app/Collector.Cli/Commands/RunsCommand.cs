using System.CommandLine;
using System.Globalization;
using Collector.Cli.Infrastructure;
using Collector.Model;
using Collector.Storage;
using Spectre.Console;

namespace Collector.Cli.Commands;

/// <summary>`collector runs`: run history.</summary>
public static class RunsCommand
{
    public static Command Create()
    {
        var source = new Option<string?>("--source") { Description = "Only runs of this source.", HelpName = "S" };
        var last = new Option<int?>("--last") { Description = "Only the last N runs.", HelpName = "N" };
        var store = CliOptions.Store();
        var config = CliOptions.Config();
        var json = CliOptions.Json();
        var command = new Command("runs", "List collection runs: when, outcome, pages by outcome, posts new/changed/unchanged/removed.")
        {
            source, last, store, config, json,
        };
        command.SetAction(async (parse, ct) =>
        {
            await using var archive = await StoreAccess.OpenAsync(parse.GetValue(store), parse.GetValue(config), ct);
            var runs = await archive.Runs.ListAsync(parse.GetValue(source), parse.GetValue(last), ct);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(CollectorJson.Serialize(new { runs }, indented: true));
                return CollectorCli.Ok;
            }

            if (runs.Count == 0)
            {
                await output.WriteLineAsync("no runs recorded");
                return CollectorCli.Ok;
            }

            if (ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected)
            {
                Render(runs, output);
            }
            else
            {
                // piped or captured: one line per run, whole words (a table would wrap them at 80 columns)
                foreach (var run in runs)
                {
                    await output.WriteLineAsync(Describe(run));
                }
            }

            return CollectorCli.Ok;
        });
        return command;
    }

    /// <summary>One line per run, for logs and `run --once`.</summary>
    public static string Describe(RunRecord run)
    {
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{run.Source} {run.Id} {run.Outcome}{(run.Coalesced is { } c ? $" standing in for {c.Count} missed fires from {Time(c.First)} to {Time(c.Last)}," : "")} started {Time(run.StartedAt)} took {Took(run)}: pages {Pages(run)}; posts {run.PostsNew} new, {run.PostsChanged} changed, {run.PostsUnchanged} unchanged, {run.PostsRemoved} removed");
        return run.Errors.Count == 0 ? line : string.Create(CultureInfo.InvariantCulture, $"{line}; {run.Errors.Count} errors, first: {run.Errors[0]}");
    }

    private static void Render(IReadOnlyList<RunRecord> runs, TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.Detect });
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("source", "run", "scheduled (UTC)", "started (UTC)", "took", "outcome", "pages", "new", "changed", "unchanged", "removed", "errors");
        foreach (var run in runs)
        {
            table.AddRow(
                Markup.Escape(run.Source), run.Id, Scheduled(run), Time(run.StartedAt), Took(run),
                Color(run.Outcome), Markup.Escape(Pages(run)), N(run.PostsNew), N(run.PostsChanged), N(run.PostsUnchanged), N(run.PostsRemoved),
                run.Errors.Count == 0 ? "" : Markup.Escape(run.Errors[0].Length > 60 ? run.Errors[0][..60] + "…" : run.Errors[0]));
        }

        console.Write(table);
    }

    private static string Color(string outcome) => outcome switch
    {
        RunOutcomes.Succeeded => "[green]succeeded[/]",
        RunOutcomes.Partial => "[yellow]partial[/]",
        RunOutcomes.Failed => "[red]failed[/]",
        RunOutcomes.Interrupted => "[orange1]interrupted[/]",
        _ => Markup.Escape(outcome),
    };

    private static string Pages(RunRecord run) =>
        run.PagesByOutcome.Count == 0 ? "0" : string.Join(", ", run.PagesByOutcome.Where(p => p.Value > 0).Select(p => $"{p.Value} {p.Key}"));

    /// <summary>The fire, and the earlier fires the run stands in for when Quartz folded missed ones into it.</summary>
    private static string Scheduled(RunRecord run) => run.ScheduledAt is not { } s ? "-"
        : run.Coalesced is { } c ? string.Create(CultureInfo.InvariantCulture, $"{Time(s)} (+{c.Count} missed from {Time(c.First)})")
        : Time(s);

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Took(RunRecord run) =>
        run.EndedAt is { } end ? (end - run.StartedAt).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + "s" : "running";

    private static string N(long n) => n.ToString(CultureInfo.InvariantCulture);
}
