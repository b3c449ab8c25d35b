using System.CommandLine;
using Collector.Cli.Infrastructure;

namespace Collector.Cli.Commands;

/// <summary>`collector demo`: the whole mission offline, on simulated platforms.</summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "Folder for the demo's archive, config, report and exports.", DefaultValueFactory = _ => "demo-out", HelpName = "DIR" };
        var cycles = new Option<int>("--cycles") { Description = "Scheduled collection cycles to run.", DefaultValueFactory = _ => 3, HelpName = "N" };
        var command = new Command("demo", "Run the offline demo: simulated platforms, scheduled collection, edits and deletions, detection, evidence, report.")
        {
            output, cycles,
        };
        command.SetAction(_ => NotBuiltYet.Report("demo"));
        return command;
    }
}
