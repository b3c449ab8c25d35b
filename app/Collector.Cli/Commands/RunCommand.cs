using System.CommandLine;
using Collector.Cli.Infrastructure;

namespace Collector.Cli.Commands;

/// <summary>`collector run`: scheduled collection of every configured source.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var config = CliOptions.Config();
        var once = new Option<bool>("--once") { Description = "Run every source (or those named by --source) one time, then exit." };
        var source = new Option<string[]>("--source") { Description = "Only this source (repeatable).", HelpName = "NAME" };
        var command = new Command("run", "Run the scheduler: collect every configured source on its cron schedule until stopped (Ctrl-C/SIGTERM).")
        {
            config, once, source, CliOptions.Store(),
        };
        command.SetAction(_ => NotBuiltYet.Report("run"));
        return command;
    }
}
