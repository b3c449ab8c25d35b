using Collector.Storage;
using Spectre.Console;

namespace Collector.Cli.Commands;

/// <summary>
/// `collector verify`'s progress on a terminal: one bar for the artifacts re-hashed (with bytes), one for the records
/// checked against their seals. Nothing is drawn when the output is redirected.
/// </summary>
internal static class VerifyProgressBar
{
    public static async Task<ArchiveVerification> RunAsync(TextWriter stderr, Func<IProgress<VerifyProgress>?, Task<ArchiveVerification>> verify)
    {
        if (!ReferenceEquals(stderr, Console.Error) || Console.IsErrorRedirected)
        {
            return await verify(null);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stderr) });
        ArchiveVerification? result = null;
        await console.Progress().AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async ctx =>
            {
                var artifacts = ctx.AddTask("artifacts", maxValue: 1);
                var records = ctx.AddTask("records", maxValue: 1);
                result = await verify(new Progress<VerifyProgress>(p =>
                {
                    var task = p.Phase == "artifacts" ? artifacts : records;
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Done;
                    if (p.Phase == "artifacts")
                    {
                        task.Description = $"artifacts ({p.Bytes / (1 << 20)} MiB)";
                    }
                }));
                artifacts.Value = artifacts.MaxValue;
                records.Value = records.MaxValue;
            });
        return result!;
    }
}
