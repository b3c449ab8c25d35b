using System.CommandLine;

namespace Collector.Cli.Infrastructure;

/// <summary>Options several commands share, so they read the same everywhere.</summary>
public static class CliOptions
{
    public static Option<string?> Store() => new("--store")
    {
        Description = "Archive to use: sqlite:PATH (default sqlite:./archive/collector.db) or a mongodb:// connection string. Overrides the config's storage.uri.",
        HelpName = "URI",
    };

    public static Option<string?> Config() => new("--config")
    {
        Description = "Configuration file (see config/collector.json).",
        HelpName = "FILE",
    };

    public static Option<bool> Json() => new("--json") { Description = "Print machine-readable JSON." };

    public static Option<string[]> Platforms() => new("--platform")
    {
        Description = "Only these platforms (repeatable).",
        HelpName = "P",
        AllowMultipleArgumentsPerToken = false,
    };

    public static Option<DateTimeOffset?> Since() => new("--since")
    {
        Description = "From this UTC time (ISO-8601) on.",
        HelpName = "T",
    };

    public static Option<DateTimeOffset?> Until() => new("--until")
    {
        Description = "Up to this UTC time (ISO-8601).",
        HelpName = "T",
    };
}
