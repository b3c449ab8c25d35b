using Collector.Configuration;
using Collector.Crawler.Core;
using Collector.Model;
using Collector.Storage;
using Collector.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Collector.Crawler.Tests.Support;

/// <summary>A real SQLite archive in a temporary folder and a crawl runner built by AddCollectorCrawler.</summary>
public sealed class CrawlHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private CrawlHarness(string folder, SqliteArchive archive, ServiceProvider services, CrawlerOptions options)
    {
        Folder = folder;
        Archive = archive;
        _services = services;
        Options = options;
    }

    public string Folder { get; }

    public SqliteArchive Archive { get; }

    public CrawlerOptions Options { get; }

    public ICrawlRunner Runner => _services.GetRequiredService<ICrawlRunner>();

    public static CrawlHarness Create(Action<CrawlerOptions>? configure = null, string? folder = null, Action<IServiceCollection>? services = null)
    {
        folder ??= Path.Combine(Path.GetTempPath(), "collector-crawler-tests", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(folder);
        var options = new CrawlerOptions { RequestTimeout = TimeSpan.FromSeconds(5), MaxRetries = 3, Contact = "lab@example.org" };
        configure?.Invoke(options);
        var collection = new ServiceCollection();
        collection.AddCollectorCrawler(options);
        services?.Invoke(collection);
        var archive = SqliteArchive.Open(Path.Combine(folder, "archive.db"), TimeProvider.System);
        return new CrawlHarness(folder, archive, collection.BuildServiceProvider(), options);
    }

    public static SourceOptions Source(Uri start, params string[] follow) => new()
    {
        Name = "test",
        Platform = Platforms.Generic,
        Targets = [start.AbsoluteUri],
        Render = RenderMode.Http,
        Follow = [.. follow],
        MaxPages = 1000,
        Concurrency = 4,
    };

    public Task<CrawlSummary> CrawlAsync(SourceOptions source, double? rate = 0, Func<CrawlJob, CrawlJob>? adjust = null, CancellationToken cancellationToken = default)
    {
        var job = new CrawlJob
        {
            Source = source,
            RunId = Ids.New(TimeProvider.System),
            RequestsPerSecond = rate,
            RetryDelay = TimeSpan.FromMilliseconds(50),
        };
        return Runner.RunAsync(adjust?.Invoke(job) ?? job, Archive, null, cancellationToken);
    }

    public async Task<List<ArchivedPost>> PostsAsync()
    {
        var posts = new List<ArchivedPost>();
        await foreach (var post in Archive.QueryPostsAsync(new PostQuery()))
        {
            posts.Add(post);
        }

        return posts;
    }

    public async Task<List<Capture>> CapturesAsync()
    {
        var captures = new List<Capture>();
        await foreach (var capture in Archive.QueryCapturesAsync(new CaptureQuery()))
        {
            captures.Add(capture);
        }

        return captures;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Archive.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // a child process may still hold a file a moment longer; the temp folder is cleaned by the OS
        }
    }
}

public static class SourceOptionsTestExtensions
{
    /// <summary>SourceOptions is a mutable options class: set something and go on.</summary>
    public static Configuration.SourceOptions With(this Configuration.SourceOptions source, Action<Configuration.SourceOptions> change)
    {
        change(source);
        return source;
    }
}
