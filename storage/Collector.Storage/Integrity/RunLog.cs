using System.Diagnostics;
using System.Globalization;
using Collector.Model;

namespace Collector.Storage;

/// <summary>
/// What every backend writes into the custody log for a run, in the same transaction as the run's record: an entry
/// when it starts, when it is saved again, when it ends (each sealing the record as saved); and who owns a running run
/// (host, process id and process start), so that the next process to open the archive can tell a run whose process
/// died from one still going and mark it interrupted.
/// </summary>
public static class RunLog
{
    public const string StartAction = "run-start";
    public const string ProgressAction = "run";
    public const string EndAction = "run-end";
    public const string InterruptedAction = "run-interrupted";

    /// <summary>This process, as written into the runs it saves: host|pid|process start (UTC ticks).</summary>
    public static string CurrentOwner { get; } = OwnerOf(Environment.MachineName, Environment.ProcessId, StartTicks(Process.GetCurrentProcess()));

    public static bool IsEnded(RunRecord run) => run.Outcome != RunOutcomes.Running;

    public static CustodyEvent Event(RunRecord run, string json, bool existed, bool interrupted = false) => new()
    {
        Action = interrupted ? InterruptedAction : !existed ? StartAction : IsEnded(run) ? EndAction : ProgressAction,
        Subject = run.Id,
        ConfigHash = run.ConfigHash,
        Seals = [RecordSeal.Run(run.Id, json)],
        Detail = string.Create(CultureInfo.InvariantCulture,
            $"{run.Source} {run.Outcome}; pages {run.PagesByOutcome.Values.Sum()}; posts {run.PostsNew} new, {run.PostsChanged} changed, {run.PostsRemoved} removed"),
    };

    /// <summary>
    /// True when <paramref name="owner"/> names a process on this host that is no longer running (or whose id a newer
    /// process has taken). A run owned by another host, or with no owner recorded, is left alone.
    /// </summary>
    public static bool OwnerIsGone(string? owner)
    {
        var parts = owner?.Split('|');
        if (parts is not { Length: 3 } || parts[0] != Environment.MachineName
            || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var pid) || !long.TryParse(parts[2], CultureInfo.InvariantCulture, out var startTicks))
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return StartTicks(process) != startTicks;
        }
        catch (ArgumentException)
        {
            return true;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    /// <summary>The run as it stands after its process died: interrupted, with the pages its captures recorded.</summary>
    public static RunRecord Interrupted(RunRecord run, IReadOnlyDictionary<string, long> pages, DateTimeOffset? lastCapture, DateTimeOffset now) => run with
    {
        Outcome = RunOutcomes.Interrupted,
        EndedAt = lastCapture ?? now,
        PagesByOutcome = pages,
        Errors = [.. run.Errors, string.Create(CultureInfo.InvariantCulture,
            $"interrupted: the process running it ended without finishing; marked when the archive was next opened at {now.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}")],
    };

    private static string OwnerOf(string host, int pid, long startTicks) => string.Create(CultureInfo.InvariantCulture, $"{host}|{pid}|{startTicks}");

    private static long StartTicks(Process p) => p.StartTime.ToUniversalTime().Ticks;
}
