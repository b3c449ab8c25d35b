using System.CommandLine;
using Collector.Cli.Infrastructure;

namespace Collector.Cli.Commands;

/// <summary>`collector history PLATFORM ID`: versions, observations and tombstone of one post.</summary>
public static class HistoryCommand
{
    public static Command Create()
    {
        var platform = new Argument<string>("platform") { Description = "Platform key." };
        var id = new Argument<string>("id") { Description = "The platform's post id." };
        var command = new Command("history", "Show a post's versions (with what changed), observations and tombstone.")
        {
            platform, id, CliOptions.Store(), CliOptions.Config(), CliOptions.Json(),
        };
        command.SetAction(_ => NotBuiltYet.Report("history"));
        return command;
    }
}
