using Collector.Detection;
using Spectre.Console;

namespace Collector.Cli.Commands;

/// <summary>
/// `collector detect`'s progress on a terminal: the posts read from the archive, then the detection stages. Nothing is
/// drawn when the output is redirected.
/// </summary>
internal static class DetectProgressBar
{
    /// <param name="stderr">Where the bars go (drawn only when it is the console's own, unredirected error stream).</param>
    /// <param name="run">Reads and detects, reporting posts read and each stage's end to what it is given (null when nothing is drawn).</param>
    public static async Task<DetectionResult> RunAsync(TextWriter stderr, Func<IProgress<int>?, Action<string>?, Task<DetectionResult>> run)
    {
        if (!ReferenceEquals(stderr, Console.Error) || Console.IsErrorRedirected)
        {
            return await run(null, null);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stderr) });
        DetectionResult? result = null;
        await console.Progress().AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async ctx =>
            {
                var reading = ctx.AddTask("posts read", maxValue: 1);
                reading.IsIndeterminate = true;
                var stages = ctx.AddTask("detection", maxValue: DetectionEngine.Stages.Count);
                result = await run(
                    new Progress<int>(n => reading.Description = $"posts read: {n:N0}"),
                    stage =>
                    {
                        reading.IsIndeterminate = false;
                        reading.Value = reading.MaxValue;
                        stages.Increment(1);
                        stages.Description = $"detection: {stage} done";
                    });
            });
        return result!;
    }
}
