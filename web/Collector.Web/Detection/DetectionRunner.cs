using Collector.Detection;
using Collector.Detection.Input;
using Collector.Detection.Output;
using Collector.Storage;

namespace Collector.Web.Detection;

/// <summary>
/// "Run detection" from the page (with --allow-actions and --detect-dir): one run at a time in the background, reading the
/// whole archive, writing `collector detect`'s files into --detect-dir (each written beside it first and moved in whole, so
/// the detection page never reads a half-written file), and telling its progress to whoever asks.
/// </summary>
public sealed class DetectionRunner(ServeOptions options, IArchive archive, TimeProvider time) : IDisposable
{
    private readonly Lock gate = new();
    private readonly CancellationTokenSource stopping = new();
    private RunState state = RunState.Idle;
    private Task running = Task.CompletedTask;

    /// <summary>Where a run stands (or the last one ended).</summary>
    public RunState State
    {
        get
        {
            lock (gate)
            {
                return state;
            }
        }
    }

    /// <summary>Why a run cannot be started on this server, or null when it can.</summary>
    public string? Unavailable =>
        !options.AllowActions ? "this server was started without --allow-actions"
        : options.DetectDir is null ? "this server was started without --detect-dir: there is nowhere to write the results"
        : null;

    /// <summary>Starts a run; false when one is already going (or runs are unavailable).</summary>
    public bool TryStart()
    {
        if (Unavailable is not null)
        {
            return false;
        }

        lock (gate)
        {
            if (state.Running)
            {
                return false;
            }

            state = new RunState { Running = true, StartedUtc = time.GetUtcNow(), Phase = "reading the archive's posts", StagesTotal = DetectionEngine.Stages.Count };
            running = Task.Run(() => RunAsync(stopping.Token));
            return true;
        }
    }

    /// <summary>Waits for the current run, if any, to end (tests; shutdown).</summary>
    public Task WhenIdleAsync() => running;

    public void Dispose()
    {
        stopping.Cancel();
        try
        {
            running.Wait(TimeSpan.FromSeconds(10));
        }
        catch (AggregateException)
        {
            // the run recorded its own failure
        }

        stopping.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var dir = options.DetectDir!;
        var staging = Path.Combine(dir, $".run-{time.GetUtcNow():yyyyMMddTHHmmssfffZ}-{Environment.ProcessId}");
        try
        {
            var posts = await ArchiveInput.LoadAsync(archive, new PostQuery(), new Inline(n => Update(s => s with { PostsRead = n })), cancellationToken);
            Update(s => s with { Phase = "detecting" });
            var result = DetectionEngine.Run(posts, stageDone: stage => Update(s => s with { StagesDone = s.StagesDone + 1, Phase = $"detecting: {stage} done" }));
            cancellationToken.ThrowIfCancellationRequested();
            Update(s => s with { Phase = "writing the results" });
            await DetectionWriters.WriteAllAsync(result, staging, time, archive, cancellationToken);

            // Evidence copies first (named by hash: one already there is the same bytes), then the files, chains.json last.
            var evidence = Path.Combine(staging, ReportEvidence.Folder);
            if (Directory.Exists(evidence))
            {
                Directory.CreateDirectory(Path.Combine(dir, ReportEvidence.Folder));
                foreach (var file in Directory.EnumerateFiles(evidence))
                {
                    var target = Path.Combine(dir, ReportEvidence.Folder, Path.GetFileName(file));
                    if (!File.Exists(target))
                    {
                        File.Move(file, target);
                    }
                }
            }

            foreach (var name in DetectionWriters.FileNames.OrderBy(n => n == "chains.json"))
            {
                File.Move(Path.Combine(staging, name), Path.Combine(dir, name), overwrite: true);
            }

            var summary = $"{result.Stats.Posts} posts, {result.Chains.Count} chains ({result.Chains.Count(c => c.CrossPlatform)} cross-platform), {result.Accounts.Count} flagged accounts, {result.Network.Edges.Count} network edges";
            Update(s => s with { Running = false, FinishedUtc = time.GetUtcNow(), Phase = "finished", Summary = summary });
        }
        catch (Exception ex)
        {
            Update(s => s with { Running = false, FinishedUtc = time.GetUtcNow(), Phase = "failed", Error = $"{ex.GetType().Name}: {ex.Message}" });
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    private void Update(Func<RunState, RunState> change)
    {
        lock (gate)
        {
            state = change(state);
        }
    }

    /// <summary>Reports on the reporting thread, in order (System.Progress would post them to the thread pool).</summary>
    private sealed class Inline(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}

/// <summary>One detection run's progress, or the last run's outcome.</summary>
public sealed record RunState
{
    public static readonly RunState Idle = new() { Phase = "never run from this page" };

    public bool Running { get; init; }

    public required string Phase { get; init; }

    public DateTimeOffset? StartedUtc { get; init; }

    public DateTimeOffset? FinishedUtc { get; init; }

    public int PostsRead { get; init; }

    public int StagesDone { get; init; }

    public int StagesTotal { get; init; }

    public string? Summary { get; init; }

    public string? Error { get; init; }
}
