using System.CommandLine;
using Collector.Cli.Infrastructure;

namespace Collector.Cli.Commands;

/// <summary>`collector detect`: repost chains, coordination network and account flags, with a report.</summary>
public static class DetectCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "Folder for chains.json, accounts.json, network files and report.html.", DefaultValueFactory = _ => "detect-out", HelpName = "DIR" };
        var command = new Command("detect", "Find cross-platform repost chains and coordination signals in the archive, and write a report.")
        {
            CliOptions.Store(), CliOptions.Config(), CliOptions.Since(), CliOptions.Until(), CliOptions.Platforms(), output,
        };
        command.SetAction(_ => NotBuiltYet.Report("detect"));
        return command;
    }
}
