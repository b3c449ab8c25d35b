using System.CommandLine;
using Collector.Cli.Infrastructure;

namespace Collector.Cli.Commands;

/// <summary>`collector crawl URL...`: a one-off crawl into the archive.</summary>
public static class CrawlCommand
{
    public static Command Create()
    {
        var urls = new Argument<string[]>("url") { Description = "Start URLs.", Arity = ArgumentArity.OneOrMore };
        var platform = new Option<string?>("--platform") { Description = "Parser to use (reddit, quora, …, generic); default: by the URL's host.", HelpName = "P" };
        var render = new Option<string>("--render") { Description = "http, browser, or auto (HTTP first, the browser where the page needs it).", DefaultValueFactory = _ => "auto" };
        render.AcceptOnlyFromAmong("http", "browser", "auto");
        var follow = new Option<string[]>("--follow") { Description = "CSS selector of links to follow (repeatable).", HelpName = "CSS" };
        var waitFor = new Option<string?>("--wait-for") { Description = "Browser mode: wait for this CSS selector before capturing.", HelpName = "CSS" };
        var scroll = new Option<int>("--scroll") { Description = "Browser mode: scroll an infinite feed up to N times.", HelpName = "N" };
        var maxPages = new Option<int>("--max-pages") { Description = "Stop after N pages.", DefaultValueFactory = _ => 1000, HelpName = "N" };
        var concurrency = new Option<int?>("--concurrency") { Description = "Pages fetched at once.", HelpName = "N" };
        var command = new Command("crawl", "Crawl URLs once: fetch, parse, archive, and print a summary.")
        {
            urls, platform, render, follow, waitFor, scroll, maxPages, concurrency, CliOptions.Store(), CliOptions.Config(), CliOptions.Json(),
        };
        command.SetAction(_ => NotBuiltYet.Report("crawl"));
        return command;
    }
}
