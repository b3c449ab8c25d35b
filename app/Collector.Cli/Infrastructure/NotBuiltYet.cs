namespace Collector.Cli.Infrastructure;

/// <summary>Placeholder action for a subcommand whose issue has not landed yet: says so and fails.</summary>
public static class NotBuiltYet
{
    public static int Report(string command)
    {
        Console.Error.WriteLine($"collector {command}: not available in this build yet");
        return CollectorCli.Failure;
    }
}
