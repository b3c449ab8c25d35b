using Collector.Simulator;
using Collector.Storage;
using Collector.Storage.Sqlite;

namespace Collector.Cli.Tests;

/// <summary>
/// Two `collector run` processes on one PostgreSQL (Quartz clustered) and one archive. Both nodes take fires; after
/// `kill -9` of one, the other takes over within a bounded time; over the whole test every scheduled fire of every
/// source ran to its end exactly once across the two nodes. Needs COLLECTOR_TEST_POSTGRES (tests/run.sh installs,
/// starts and sets it); the test makes a database of its own and drops it.
/// </summary>
public sealed class ClusterTests
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(2);

    // Quartz's clustered recovery: a node counts as dead 6 s after its last check-in (2 s apart), then its fires are
    // recovered; the bound leaves room for a loaded CI machine without hiding a take-over that never comes.
    private static readonly TimeSpan TakeOverBound = TimeSpan.FromSeconds(25);

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

            using var a = CollectorProcess.Start("run", "--config", config);
            using var b = CollectorProcess.Start("run", "--config", config);
            await a.WaitForOutputAsync("collector run:", TimeSpan.FromSeconds(60), ct);
            await b.WaitForOutputAsync("collector run:", TimeSpan.FromSeconds(60), ct);

            // both nodes must have taken fires before one is killed, or the take-over proves nothing
            await a.WaitForOutputAsync(" ended ", TimeSpan.FromSeconds(90), ct);
            await b.WaitForOutputAsync(" ended ", TimeSpan.FromSeconds(90), ct);
            a.KillHard();
            var killedAt = TimeProvider.System.GetUtcNow();
            await Task.Delay(TimeSpan.FromSeconds(24), ct);
            var stopAsked = TimeProvider.System.GetUtcNow();
            await b.StopAsync(TimeSpan.FromSeconds(60));

            await using var archive = await new SqliteArchiveBackend(TimeProvider.System).OpenAsync(store, ct);
            var runs = await archive.Runs.ListAsync(cancellationToken: ct);
            var why = $"\nruns:\n{string.Join("\n", runs.OrderBy(r => r.StartedAt).Select(r => $"{r.Source} sched {r.ScheduledAt:HH:mm:ss} start {r.StartedAt:HH:mm:ss.f} end {r.EndedAt:HH:mm:ss.f} {r.Outcome} {r.Node}"))}\nkilled {killedAt:HH:mm:ss.f}, stop {stopAsked:HH:mm:ss.f}\nA:\n{a.Output}\nB:\n{b.Output}";
            var finished = runs.Where(r => r.EndedAt is not null && r.ScheduledAt is not null).ToList();

            var nodesBeforeKill = finished.Where(r => r.EndedAt < killedAt).Select(r => r.Node).Distinct().Count();
            Assert.True(nodesBeforeKill == 2, $"{nodesBeforeKill} node(s) finished runs before the kill" + why);

            foreach (var source in sources)
            {
                var mine = finished.Where(r => r.Source == source).ToList();
                var twice = mine.GroupBy(r => r.ScheduledAt).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
                Assert.True(twice.Count == 0, $"{source} ran twice for {string.Join(", ", twice)}" + why);

                // every fire from the first to the last that had time to run, none skipped (a 10 s margin before the stop)
                var first = mine.Min(r => r.ScheduledAt!.Value);
                var missing = new List<DateTimeOffset>();
                for (var fire = first; fire < stopAsked - TimeSpan.FromSeconds(10); fire += Every)
                {
                    if (!mine.Any(r => r.ScheduledAt == fire))
                    {
                        missing.Add(fire);
                    }
                }

                Assert.True(missing.Count == 0, $"{source}: fires never run: {string.Join(", ", missing.Select(m => m.ToString("HH:mm:ss")))}" + why);

                var afterKill = mine.Where(r => r.ScheduledAt > killedAt).ToList();
                Assert.True(afterKill.Count >= 4, $"{source}: only {afterKill.Count} fires after the kill" + why);
                Assert.True(afterKill.All(r => r.Node != null && r.Node == afterKill[0].Node), $"{source}: a fire after the kill ran on the dead node" + why);
                var slowest = afterKill.Max(r => r.StartedAt - r.ScheduledAt!.Value);
                Assert.True(slowest <= TakeOverBound, $"{source}: a fire after the kill started {slowest.TotalSeconds:0.0} s late" + why);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
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
