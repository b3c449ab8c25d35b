using System.CommandLine;
using Collector.Cli.Infrastructure;

namespace Collector.Cli.Commands;

/// <summary>`collector simulate`: serve the simulated platforms on loopback.</summary>
public static class SimulateCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Port (0: any free port).", HelpName = "N" };
        var seed = new Option<int>("--seed") { Description = "Seed of the simulated world.", DefaultValueFactory = _ => 7, HelpName = "S" };
        var command = new Command("simulate", "Serve the simulated platforms (Reddit, Quora, Pinterest, Telegram, a forum) on 127.0.0.1 until Ctrl-C.") { port, seed };
        command.SetAction(_ => NotBuiltYet.Report("simulate"));
        return command;
    }
}
