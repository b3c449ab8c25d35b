using Collector.Simulator;
using Collector.Storage;
using Collector.Storage.Sqlite;

namespace Collector.Cli.Tests;

/// <summary>
/// Two `collector run` processes on one PostgreSQL (Quartz clustered) and one archive. Both join the cluster; after
/// `kill -9` of the node that ran the fires, the other takes over within a bounded time; over the whole test every scheduled fire of every
/// source ran to its end exactly once across the two nodes, or was folded into exactly one run that records it (a fire
/// later than the misfire threshold, which a loaded machine or the take-over makes). Needs COLLECTOR_TEST_POSTGRES (tests/run.sh installs,
/// starts and sets it); the test makes a database of its own and drops it.
/// </summary>
public sealed class ClusterTests
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(2);

    // Quartz's clustered recovery: a node counts as dead 6 s after its last check-in (2 s apart), then the fire it was
    // running is recovered and its source's trigger released; the bound leaves room for a loaded CI machine (the whole
    // suite runs beside this test) without hiding a take-over that never comes.
    private static readonly TimeSpan TakeOverBound = TimeSpan.FromSeconds(45);

    // scheduler.misfireThreshold's default: a fire later than this is folded into a run instead of running as itself
    private static readonly TimeSpan MisfireThreshold = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Run_TwoNodesOneKilled_EveryFireRunsOnceAcrossNodesAndSurvivorTakesOver()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TemporaryPostgresDatabase.CreateAsync("collector_cluster", ct);
        await using var sim = await SimulatedPlatforms.StartAsync(new SimulationOptions { Seed = 3, PostsPerCommunity = 3 }, ct);
        var folder = Directory.CreateTempSubdirectory("collector-cluster-").FullName;
        try
        {
            var store = "sqlite:" + Path.Combine(folder, "a.db");
            var config = Path.Combine(folder, "collector.json");
            var target = sim.SeedUrls.First(s => s.Platform == SimPlatform.Telegram).Url;
            string[] sources = ["channel-a", "channel-b"];
            var entries = string.Join(",", sources.Select(s => $$"""
                { "name": "{{s}}", "platform": "telegram", "targets": ["{{target}}"], "schedule": "*/2 * * * * ?", "render": "http", "maxPages": 3 }
                """));
            await File.WriteAllTextAsync(config, $$"""
                { "storage": { "uri": "{{store}}" },
                  "scheduler": { "cluster": "{{database.ConnectionString}}" },
                  "crawler": { "allowPrivateAddresses": true, "requestsPerSecond": 50 },
                  "sources": [ {{entries}} ] }
                """, ct);

            using var one = CollectorProcess.Start("run", "--config", config);
            using var two = CollectorProcess.Start("run", "--config", config);
            await one.WaitForOutputAsync("collector run:", TimeSpan.FromSeconds(60), ct);
            await two.WaitForOutputAsync("collector run:", TimeSpan.FromSeconds(60), ct);

            // Both nodes must be live members of the cluster (their rows checked in) and fires must be running.
            // Quartz hands a clustered node every due fire it can take, so one node tends to run them all: the
            // node that ran the most is the one killed, which makes the survivor take its triggers over.
            await WaitForLiveNodesAsync(database.ConnectionString, 2, ct);
            
            var runDeadline = TimeProvider.System.GetUtcNow() + TimeSpan.FromSeconds(90);
            while (Occurrences(one.Output, " ended ") + Occurrences(two.Output, " ended ") < 2 && TimeProvider.System.GetUtcNow() < runDeadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
            }

            var (a, b) = Occurrences(one.Output, " ended ") >= Occurrences(two.Output, " ended ") ? (one, two) : (two, one);
            Assert.True(Occurrences(a.Output, " ended ") > 0, $"no node finished a run\nA:\n{one.Output}\nB:\n{two.Output}");
            a.KillHard();
            var killedAt = TimeProvider.System.GetUtcNow();
            var seenBeforeKill = b.Output.Length;

            // the survivor must take every source over: wait (bounded) until it has finished four runs of each
            var deadline = killedAt + TakeOverBound + TimeSpan.FromSeconds(60);
            // (and 20 s at least, so that the fires scheduled after the kill, not only the ones it caught up, ran)
            // (and until a run of each source for a fire at least 10 s after the kill has ended)
            while ((sources.Any(s => Occurrences(b.Output[seenBeforeKill..], $"of source {s} ended") < 4)
                    || sources.Any(s => !EndedRunForFireAfter(b.Output, s, killedAt + TimeSpan.FromSeconds(10)))
                    || TimeProvider.System.GetUtcNow() - killedAt < TimeSpan.FromSeconds(20))
                   && TimeProvider.System.GetUtcNow() < deadline)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
            }

            var stopAsked = TimeProvider.System.GetUtcNow();
            await b.StopAsync(TimeSpan.FromSeconds(60));

            await using var archive = await new SqliteArchiveBackend(TimeProvider.System).OpenAsync(store, ct);
            var runs = await archive.Runs.ListAsync(cancellationToken: ct);
            var why = $"\nruns:\n{string.Join("\n", runs.OrderBy(r => r.StartedAt).Select(r => $"{r.Source} sched {r.ScheduledAt:HH:mm:ss} start {r.StartedAt:HH:mm:ss.f} end {r.EndedAt:HH:mm:ss.f} {r.Outcome} {r.Node} {r.Coalesced}"))}\nkilled {killedAt:HH:mm:ss.f}, stop {stopAsked:HH:mm:ss.f}\nA:\n{a.Output}\nB:\n{b.Output}";
            // a run the kill interrupted did not run to its end: Quartz recovers its fire, which then runs on the survivor
            var finished = runs.Where(r => r.EndedAt is not null && r.ScheduledAt is not null && r.Outcome != RunOutcomes.Interrupted).ToList();
            var interrupted = runs.Where(r => r.Outcome == RunOutcomes.Interrupted).ToList();
            Assert.True(interrupted.All(r => r.ScheduledAt is not null), "an interrupted run lost its fire time" + why);

            Assert.Contains(finished, r => r.EndedAt < killedAt);

            foreach (var source in sources)
            {
                var mine = finished.Where(r => r.Source == source).ToList();
                var twice = mine.GroupBy(r => r.ScheduledAt).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
                Assert.True(twice.Count == 0, $"{source} ran twice for {string.Join(", ", twice)}" + why);

                // Every fire from the first to the last the runs reached is accounted for exactly once: it ran as itself,
                // or (later than the misfire threshold: the previous run still going, or no live node) it was folded
                // into a run that records it. None skipped silently, none both run and folded, none folded twice.
                var first = mine.Min(r => r.ScheduledAt!.Value);
                var reached = mine.Max(r => r.Coalesced is { } c && c.Last > r.ScheduledAt ? c.Last : r.ScheduledAt!.Value);
                var wrong = new List<string>();
                for (var fire = first; fire <= reached; fire += Every)
                {
                    var own = mine.Count(r => r.ScheduledAt == fire);
                    var folded = mine.Count(r => r.Coalesced?.Covers(fire) == true);
                    if (own + folded != 1)
                    {
                        wrong.Add($"{fire:HH:mm:ss} ({own} run, {folded} folded)");
                    }
                }

                Assert.True(wrong.Count == 0, $"{source}: fires not accounted for exactly once: {string.Join(", ", wrong)}" + why);
                Assert.True(reached >= killedAt + TimeSpan.FromSeconds(10), $"{source}: the runs reached only {reached:HH:mm:ss.f}" + why);

                // the survivor took the source over within the bound, and ran every fire after the kill
                var takeOver = mine.Where(r => r.StartedAt > killedAt).Select(r => r.StartedAt).DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
                Assert.True(takeOver - killedAt <= TakeOverBound, $"{source}: the survivor's first run began {(takeOver - killedAt).TotalSeconds:0.0} s after the kill" + why);
                var afterKill = mine.Where(r => r.StartedAt > killedAt).ToList();
                Assert.True(afterKill.All(r => r.Node == afterKill[0].Node), $"{source}: runs after the kill on two nodes" + why);

                // a fire that ran as itself started within the misfire threshold (else it would have been folded)
                var slowest = mine.Max(r => r.StartedAt - r.ScheduledAt!.Value);
                Assert.True(slowest <= MisfireThreshold + TimeSpan.FromSeconds(15), $"{source}: a fire started {slowest.TotalSeconds:0.0} s late" + why);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task WaitForLiveNodesAsync(string connectionString, int count, CancellationToken ct)
    {
        var deadline = TimeProvider.System.GetUtcNow() + TimeSpan.FromSeconds(60);
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        while (true)
        {
            // the table appears once the first node has provisioned Quartz's schema
            await using var command = new Npgsql.NpgsqlCommand("SELECT CASE WHEN to_regclass('qrtz_scheduler_state') IS NULL THEN 0 ELSE (xpath('/row/c/text()', query_to_xml('SELECT count(*) AS c FROM qrtz_scheduler_state', false, true, '')))[1]::text::int END", connection);
            var live = Convert.ToInt32(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
            if (live >= count)
            {
                return;
            }

            Assert.True(TimeProvider.System.GetUtcNow() < deadline, $"only {live} node(s) joined the cluster");
            await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
        }
    }

    /// <summary>True when the output shows a run of the source, for a fire at or after the instant, that has ended.</summary>
    private static bool EndedRunForFireAfter(string output, string source, DateTimeOffset instant)
    {
        var started = System.Text.RegularExpressions.Regex.Matches(output, $@"run (\S+) of source {System.Text.RegularExpressions.Regex.Escape(source)} started \([^,]+, fire ([0-9T:-]+Z)\)");
        return started.Any(m => DateTimeOffset.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) >= instant
            && output.Contains($"run {m.Groups[1].Value} of source {source} ended", StringComparison.Ordinal));
    }

    private static int Occurrences(string text, string what)
    {
        var count = 0;
        for (var at = text.IndexOf(what, StringComparison.Ordinal); at >= 0; at = text.IndexOf(what, at + what.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    [Fact]
    public async Task TemporaryPostgresDatabase_Disposed_DatabaseDropped()
    {
        var ct = TestContext.Current.CancellationToken;
        var database = await TemporaryPostgresDatabase.CreateAsync("collector_cleanup", ct);
        await using (var open = new Npgsql.NpgsqlConnection(database.ConnectionString))
        {
            await open.OpenAsync(ct);
            Assert.True(await database.ExistsAsync(ct));
            await database.DisposeAsync(); // dropped although a connection is still open
        }

        Assert.False(await database.ExistsAsync(ct));
    }
}
