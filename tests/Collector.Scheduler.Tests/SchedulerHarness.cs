using System.Collections.Concurrent;
using Collector.Configuration;
using Collector.Scheduler;
using Collector.Storage;
using Collector.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Collector.Scheduler.Tests;

/// <summary>
/// The real scheduler (Quartz in memory, a real SQLite archive) around a collector of the test's own that records
/// each call, takes a set time and fails where told: enough to watch fires, overlap, backoff and catch-up.
/// </summary>
internal sealed class SchedulerHarness : IAsyncDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("collector-sched-").FullName;

    public SchedulerHarness(string configJson)
    {
        ConfigPath = Path.Combine(folder, "collector.json");
        File.WriteAllText(ConfigPath, configJson.Replace("{STORE}", "sqlite:" + Path.Combine(folder, "a.db").Replace("\\", "/", StringComparison.Ordinal), StringComparison.Ordinal));
    }

    public string ConfigPath { get; }

    public RecordingCollector Collector { get; } = new();

    public IArchive Archive { get; private set; } = null!;

    public IHost Host { get; private set; } = null!;

    public async Task OpenArchiveAsync()
    {
        var config = ConfigLoader.LoadFile(ConfigPath, new Dictionary<string, string?>());
        Archive ??= await new SqliteArchiveBackend(TimeProvider.System).OpenAsync(config.Options.Storage.Uri);
    }

    public async Task StartAsync()
    {
        await OpenArchiveAsync();
        var config = ConfigLoader.LoadFile(ConfigPath, new Dictionary<string, string?>());
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(Archive);
        builder.Services.AddSingleton<ISourceCollector>(Collector);
        builder.Services.AddCollectorScheduler(config);
        var host = builder.Build();
        await host.StartAsync();
        Host = host;
    }

    public async Task<IReadOnlyList<RunRecord>> RunsAsync(string? source = null) => await Archive.Runs.ListAsync(source);

    public async ValueTask DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.StopAsync();
            Host.Dispose();
        }

        if (Archive is not null)
        {
            await Archive.DisposeAsync();
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // a file still held open: the temp folder is cleaned by the OS
        }
    }
}

/// <summary>An ISourceCollector (our own interface) that records every call and behaves as told per source.</summary>
internal sealed class RecordingCollector : ISourceCollector
{
    public ConcurrentQueue<(string Source, DateTimeOffset Start, DateTimeOffset End)> Calls { get; } = new();

    public ConcurrentDictionary<string, TimeSpan> Durations { get; } = new();

    public ConcurrentDictionary<string, bool> Failing { get; } = new();

    private int running;

    public int MaxConcurrentPerSource { get; private set; }

    private readonly ConcurrentDictionary<string, int> active = new();

    public async Task<CollectResult> CollectAsync(SourceOptions source, CollectRequest request, CancellationToken cancellationToken)
    {
        var start = TimeProvider.System.GetUtcNow();
        var now = active.AddOrUpdate(source.Name, 1, (_, n) => n + 1);
        lock (Calls)
        {
            MaxConcurrentPerSource = Math.Max(MaxConcurrentPerSource, now);
        }

        Interlocked.Increment(ref running);
        try
        {
            await Task.Delay(Durations.GetValueOrDefault(source.Name, TimeSpan.FromMilliseconds(50)), cancellationToken);
            if (Failing.GetValueOrDefault(source.Name))
            {
                throw new HttpRequestException($"{source.Name}: host unreachable");
            }

            return new CollectResult { PagesByOutcome = new Dictionary<string, long> { ["content"] = 1 }, PostsNew = 1 };
        }
        finally
        {
            active.AddOrUpdate(source.Name, 0, (_, n) => n - 1);
            Interlocked.Decrement(ref running);
            Calls.Enqueue((source.Name, start, TimeProvider.System.GetUtcNow()));
        }
    }
}
