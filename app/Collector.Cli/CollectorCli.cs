using System.CommandLine;
using Collector.Cli.Commands;
using Collector.Cli.Infrastructure;
using Collector.Configuration;
using Collector.Storage;

namespace Collector.Cli;

/// <summary>
/// The `collector` command: builds the command tree and maps failures to exit codes
/// (0 success, 1 runtime failure, 2 usage or configuration error).
/// </summary>
public static class CollectorCli
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int UsageError = 2;

    public static RootCommand BuildRoot()
    {
        var root = new RootCommand(
            "Collector: scheduled, evidence-grade collection of public social-media posts, and detection of cross-platform repost chains.");
        root.Subcommands.Add(CrawlCommand.Create());
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(ParseCommand.Create());
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(DetectCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(VerifyCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(HistoryCommand.Create());
        root.Subcommands.Add(SearchCommand.Create());
        root.Subcommands.Add(RunsCommand.Create());
        root.Subcommands.Add(StatusCommand.Create());
        root.Subcommands.Add(SimulateCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        var error = stderr ?? Console.Error;
        var parse = BuildRoot().Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors)
            {
                await error.WriteLineAsync($"collector: {e.Message}");
            }

            await error.WriteLineAsync($"Run '{Describe(parse)} --help' for usage.");
            return UsageError;
        }

        // Ctrl-C and SIGTERM cancel the command; it gets a minute to finish in-flight pages and checkpoint.
        var invocation = new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = TimeSpan.FromSeconds(60) };
        if (stdout is not null)
        {
            invocation.Output = stdout;
        }

        invocation.Error = error;
        try
        {
            return await parse.InvokeAsync(invocation);
        }
        catch (ConfigException ex)
        {
            await error.WriteLineAsync($"collector: {ex.Message}");
            return UsageError;
        }
        catch (Exception ex) when (ex is UsageException or StoreUriException)
        {
            await error.WriteLineAsync($"collector: {ex.Message}");
            return UsageError;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("collector: cancelled");
            return Failure;
        }
        catch (Exception ex)
        {
            await error.WriteLineAsync($"collector: {ex.GetType().Name}: {ex.Message}");
            return Failure;
        }
    }

    private static string Describe(ParseResult parse)
    {
        var names = new List<string>();
        for (var r = parse.CommandResult; r is not null; r = r.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Insert(0, r.Command.Name);
        }

        names[0] = "collector";
        return string.Join(' ', names);
    }
}
