using Collector.Simulator;
using Collector.Storage;
using Collector.Storage.Sqlite;
using Npgsql;

namespace Collector.Cli.Tests;

/// <summary>
/// Two `collector run` processes on one PostgreSQL (Quartz clustered) and one archive: each fire runs once across both;
/// after `kill -9` of one node the other carries on with no gap and no duplicate. Needs COLLECTOR_TEST_POSTGRES
/// (tests/run.sh installs, starts and sets it).
/// </summary>
public sealed class ClusterTests
{
    [Fact]
    public async Task Run_TwoNodesOnePostgres_EachFireOnceAndSurvivesKill()
    {
        var postgres = Environment.GetEnvironmentVariable("COLLECTOR_TEST_POSTGRES");
        Assert.SkipWhen(string.IsNullOrWhiteSpace(postgres), "COLLECTOR_TEST_POSTGRES is not set: no PostgreSQL for the cluster test (tests/run.sh sets it up)");
        var ct = TestContext.Current.CancellationToken;
        var database = $"collector_cluster_{Guid.NewGuid():n}";
        await using (var admin = new NpgsqlConnection(postgres))
        {
            await admin.OpenAsync(ct);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
            await create.ExecuteNonQueryAsync(ct);
        }

        var cluster = new NpgsqlConnectionStringBuilder(postgres) { Database = database }.ConnectionString;
        await using var sim = await SimulatedPlatforms.StartAsync(new SimulationOptions { Seed = 3, PostsPerCommunity = 3 }, ct);
        var folder = Directory.CreateTempSubdirectory("collector-cluster-").FullName;
        var store = "sqlite:" + Path.Combine(folder, "a.db");
        var config = Path.Combine(folder, "collector.json");
        var target = sim.SeedUrls.First(s => s.Platform == SimPlatform.Telegram).Url;
        await File.WriteAllTextAsync(config, $$"""
            { "storage": { "uri": "{{store}}" },
              "scheduler": { "cluster": "{{cluster}}" },
              "crawler": { "allowPrivateAddresses": true, "requestsPerSecond": 50 },
              "sources": [ { "name": "channel", "platform": "telegram", "targets": ["{{target}}"], "schedule": "*/2 * * * * ?",
                             "render": "http", "maxPages": 3 } ] }
            """, ct);

        using var a = CollectorProcess.Start("run", "--config", config);
        using var b = CollectorProcess.Start("run", "--config", config);
        await a.WaitForOutputAsync("collector run:", TimeSpan.FromSeconds(60), ct);
        await b.WaitForOutputAsync("collector run:", TimeSpan.FromSeconds(60), ct);
        await Task.Delay(TimeSpan.FromSeconds(10), ct);
        a.KillHard();
        var killedAt = TimeProvider.System.GetUtcNow();
        await Task.Delay(TimeSpan.FromSeconds(30), ct);
        await b.StopAsync(TimeSpan.FromSeconds(30));

        await using var archive = await new SqliteArchiveBackend(TimeProvider.System).OpenAsync(store, ct);
        var runs = await archive.Runs.ListAsync("channel", cancellationToken: ct);
        var finished = runs.Where(r => r.EndedAt is not null).ToList();
        Assert.True(finished.Count >= 2, $"only {finished.Count} finished runs\nA:\n{a.Output}\nB:\n{b.Output}");
        var duplicates = finished.GroupBy(r => r.ScheduledAt).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, "fired twice: " + string.Join(", ", duplicates));

        // After the kill (and the cluster's check-in threshold) the survivor carries on: its runs keep coming, none twice.
        var after = finished.Where(r => r.ScheduledAt > killedAt.AddSeconds(6)).ToList();
        Assert.True(after.Count >= 1, $"{after.Count} runs after the kill\nB:\n{b.Output}");
        Assert.All(after, r => Assert.Equal(after[0].Node, r.Node));
    }
}
