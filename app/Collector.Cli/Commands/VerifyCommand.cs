using System.CommandLine;
using Collector.Cli.Infrastructure;

namespace Collector.Cli.Commands;

/// <summary>`collector verify [BUNDLE]`: re-hash artifacts, walk the custody chain, check timestamps; or check a case bundle alone.</summary>
public static class VerifyCommand
{
    public static Command Create()
    {
        var bundle = new Argument<string?>("bundle") { Description = "A case bundle (.zip) to check on its own, without an archive.", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("verify", "Verify the archive (artifacts, custody chain, timestamp tokens) or a case bundle; exit 1 when anything is wrong.")
        {
            bundle, CliOptions.Store(), CliOptions.Config(), CliOptions.Json(),
        };
        command.SetAction(_ => NotBuiltYet.Report("verify"));
        return command;
    }
}
