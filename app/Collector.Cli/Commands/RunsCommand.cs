using System.CommandLine;
using Collector.Cli.Infrastructure;

namespace Collector.Cli.Commands;

/// <summary>`collector runs`: run history.</summary>
public static class RunsCommand
{
    public static Command Create()
    {
        var source = new Option<string?>("--source") { Description = "Only runs of this source.", HelpName = "S" };
        var last = new Option<int?>("--last") { Description = "Only the last N runs.", HelpName = "N" };
        var command = new Command("runs", "List collection runs: when, outcome, pages by outcome, posts new/changed/unchanged/removed.")
        {
            source, last, CliOptions.Store(), CliOptions.Config(), CliOptions.Json(),
        };
        command.SetAction(_ => NotBuiltYet.Report("runs"));
        return command;
    }
}
