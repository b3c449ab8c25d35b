using System.CommandLine;
using Collector.Cli.Infrastructure;

namespace Collector.Cli.Commands;

/// <summary>`collector parse FILE --url URL`: check a parser against a saved page.</summary>
public static class ParseCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "A saved page (HTML) or API response (JSON)." };
        var url = new Option<string>("--url") { Description = "The URL the page was saved from.", Required = true, HelpName = "URL" };
        var platform = new Option<string?>("--platform") { Description = "Parser to use; default: by the URL's host, else generic.", HelpName = "P" };
        var command = new Command("parse", "Parse a saved page and print the posts, next links and classification as JSON.") { file, url, platform };
        command.SetAction(_ => NotBuiltYet.Report("parse"));
        return command;
    }
}
