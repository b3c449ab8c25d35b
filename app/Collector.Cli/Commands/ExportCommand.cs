using System.CommandLine;
using Collector.Cli.Infrastructure;

namespace Collector.Cli.Commands;

/// <summary>`collector export`: posts as JSONL/CSV/Parquet, captures as WACZ, or a case bundle.</summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format") { Description = "jsonl, csv, parquet, wacz or bundle.", Required = true, HelpName = "FORMAT" };
        format.AcceptOnlyFromAmong("jsonl", "csv", "parquet", "wacz", "bundle");
        var output = new Option<string>("--out") { Description = "File to write.", Required = true, HelpName = "PATH" };
        var source = new Option<string?>("--source") { Description = "Only posts of this source.", HelpName = "S" };
        var pseudonymize = new Option<string?>("--pseudonymize") { Description = "Replace author ids and handles with keyed HMACs (key read from this file).", HelpName = "KEYFILE" };
        var post = new Option<string[]>("--post") { Description = "bundle: a post as PLATFORM:ID (repeatable).", HelpName = "PLATFORM:ID" };
        var url = new Option<string[]>("--url") { Description = "bundle: the captures of this URL (repeatable).", HelpName = "URL" };
        var chain = new Option<string[]>("--chain") { Description = "bundle: a detected chain id (repeatable; chains from --chains).", HelpName = "ID" };
        var chains = new Option<string?>("--chains") { Description = "bundle: chains.json written by `collector detect`.", HelpName = "FILE" };
        var command = new Command("export", "Export posts (jsonl, csv, parquet), captures as WACZ, or a verifiable case bundle.")
        {
            format, output, CliOptions.Platforms(), source, CliOptions.Since(), CliOptions.Until(), pseudonymize, post, url, chain, chains,
            CliOptions.Store(), CliOptions.Config(),
        };
        command.SetAction(_ => NotBuiltYet.Report("export"));
        return command;
    }
}
