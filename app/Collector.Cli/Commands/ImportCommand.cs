using System.CommandLine;
using Collector.Cli.Infrastructure;

namespace Collector.Cli.Commands;

/// <summary>`collector import FILE`: normalized posts from other tools into the archive.</summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "JSONL or CSV of normalized posts." };
        var source = new Option<string?>("--source") { Description = "Name the imported posts' source.", HelpName = "S" };
        var command = new Command("import", "Import normalized posts (JSONL or CSV) from other tools, marked as imported.")
        {
            file, source, CliOptions.Store(), CliOptions.Config(),
        };
        command.SetAction(_ => NotBuiltYet.Report("import"));
        return command;
    }
}
