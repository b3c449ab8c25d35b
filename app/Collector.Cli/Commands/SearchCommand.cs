using System.CommandLine;
using Collector.Cli.Infrastructure;

namespace Collector.Cli.Commands;

/// <summary>`collector search QUERY`: full-text search over archived posts.</summary>
public static class SearchCommand
{
    public static Command Create()
    {
        var query = new Argument<string>("query") { Description = "Words to find (full-text syntax)." };
        var limit = new Option<int>("--limit") { Description = "At most N results.", DefaultValueFactory = _ => 20, HelpName = "N" };
        var command = new Command("search", "Search archived post text.") { query, limit, CliOptions.Store(), CliOptions.Config(), CliOptions.Json() };
        command.SetAction(_ => NotBuiltYet.Report("search"));
        return command;
    }
}
