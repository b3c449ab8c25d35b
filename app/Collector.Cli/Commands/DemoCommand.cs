using System.CommandLine;
using Collector.Cli.Demo;
using Spectre.Console;

namespace Collector.Cli.Commands;

/// <summary>`collector demo`: the whole mission offline, on simulated platforms.</summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "Folder for the demo's archive, config, report and exports (a second run continues it).", DefaultValueFactory = _ => "demo-out", HelpName = "DIR" };
        var cycles = new Option<int>("--cycles") { Description = "Scheduled collection cycles to run (the world edits and deletes posts between them).", DefaultValueFactory = _ => 3, HelpName = "N" };
        var command = new Command("demo", "Run the offline demo: simulated platforms, scheduled collection, edits and deletions, detection, evidence, report.")
        {
            output, cycles,
        };
        command.SetAction(async (parse, ct) =>
        {
            var n = parse.GetValue(cycles);
            if (n < 1)
            {
                throw new Infrastructure.UsageException("--cycles must be at least 1");
            }

            var stdout = parse.InvocationConfiguration.Output;
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stdout) });
            var started = TimeProvider.System.GetTimestamp();
            var outcome = await new DemoRunner(new DemoDisplay(console, TimeProvider.System), TimeProvider.System).RunAsync(parse.GetRequiredValue(output), n, ct);
            console.WriteLine();
            console.Write(new Rule("[bold]Collector demo[/]").LeftJustified());
            await stdout.WriteAsync(outcome.Summary);
            await stdout.WriteLineAsync($"Finished in {TimeProvider.System.GetElapsedTime(started).TotalSeconds:0} s. Open the report: {outcome.ReportPath}");
            await stdout.WriteLineAsync("Browse the archive in a web browser: " + ServeCommand.ForDemo(parse.GetRequiredValue(output)));
            return outcome.Ok ? CollectorCli.Ok : CollectorCli.Failure;
        });
        return command;
    }
}
