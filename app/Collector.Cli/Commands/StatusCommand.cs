using System.CommandLine;
using Collector.Cli.Infrastructure;

namespace Collector.Cli.Commands;

/// <summary>`collector status`: each source's next fire time and last outcome.</summary>
public static class StatusCommand
{
    public static Command Create()
    {
        var command = new Command("status", "Show each configured source's schedule, next fire time and last run outcome.")
        {
            CliOptions.Config(), CliOptions.Store(), CliOptions.Json(),
        };
        command.SetAction(_ => NotBuiltYet.Report("status"));
        return command;
    }
}
