using System.Globalization;
using Collector.Storage;
using Spectre.Console;

namespace Collector.Cli.Demo;

/// <summary>Live progress of the demo: Spectre.Console bars on a terminal, plain lines otherwise.</summary>
public sealed class DemoDisplay(IAnsiConsole console, TimeProvider time)
{
    private readonly bool interactive = console.Profile.Capabilities.Interactive;

    public void Step(string text) => console.MarkupLine($"[bold blue]»[/] {Markup.Escape(text)}");

    public void Note(string text) => console.MarkupLine($"  [grey]{Markup.Escape(text)}[/]");

    /// <summary>Waits until every source has finished a run that started in this cycle (or the timeout passes).</summary>
    public async Task CycleAsync(
        int cycle, int cycles, IReadOnlyList<string> sources,
        Func<CancellationToken, Task<IReadOnlyDictionary<string, RunRecord>>> poll, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Step($"Cycle {cycle} of {cycles}: the scheduler collects every source");
        var deadline = time.GetUtcNow() + timeout;
        var reported = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (interactive)
        {
            await console.Progress().AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new SpinnerColumn(), new ElapsedTimeColumn())
                .StartAsync(async ctx =>
                {
                    var tasks = sources.ToDictionary(s => s, s => ctx.AddTask(s, maxValue: 1), StringComparer.OrdinalIgnoreCase);
                    await PollAsync(runs =>
                    {
                        foreach (var (source, run) in runs)
                        {
                            if (tasks.TryGetValue(source, out var task) && reported.Add(source))
                            {
                                task.Description = $"{source}: {Describe(run)}";
                                task.Value = 1;
                            }
                        }
                    });
                });
        }
        else
        {
            await PollAsync(runs =>
            {
                foreach (var (source, run) in runs.Where(r => reported.Add(r.Key)))
                {
                    Note($"{source}: {Describe(run)}");
                }
            });
        }

        var missing = sources.Where(s => !reported.Contains(s)).ToList();
        if (missing.Count > 0)
        {
            console.MarkupLine($"  [yellow]not finished within {timeout.TotalSeconds:0} s: {Markup.Escape(string.Join(", ", missing))}[/]");
        }

        async Task PollAsync(Action<IReadOnlyDictionary<string, RunRecord>> update)
        {
            while (reported.Count < sources.Count && time.GetUtcNow() < deadline)
            {
                update(await poll(cancellationToken));
                if (reported.Count < sources.Count)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(500), time, cancellationToken);
                }
            }
        }
    }

    private static string Describe(RunRecord run) => string.Create(CultureInfo.InvariantCulture,
        $"{run.Outcome}, {run.PagesByOutcome.Values.Sum()} pages, {run.PostsNew} new, {run.PostsChanged} changed, {run.PostsRemoved} removed");
}
