using Collector.Crawler.Browser;
using Microsoft.Extensions.Logging.Abstractions;

namespace Collector.Crawler.Tests.Browser;

/// <summary>One Chromium and one test site for the browser tests (they run one after another: two cores).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

public sealed class BrowserFixture : IAsyncLifetime
{
    public static string Chromium => ChromiumBuilds.Default;

    public ChromiumHost Host { get; private set; } = null!;

    public BrowserTestSite Site { get; private set; } = null!;

    public static bool ChromiumInstalled => File.Exists(Chromium);

    /// <summary>Settings for tests: quick quiet period, short navigation timeout.</summary>
    public static BrowserFetcherOptions Options(Action<BrowserFetcherOptions>? configure = null)
    {
        var options = new BrowserFetcherOptions
        {
            ExecutablePath = Chromium,
            NavigationTimeout = TimeSpan.FromSeconds(10),
            QuietPeriod = TimeSpan.FromMilliseconds(300),
            MaxSettle = TimeSpan.FromSeconds(3),
            ScrollStepWait = TimeSpan.FromSeconds(1.5),
        };
        configure?.Invoke(options);
        options.EnsureValid();
        return options;
    }

    /// <summary>A fetcher on the shared browser with its own tab pool (so each test sees its own counts).</summary>
    public TestFetcher CreateFetcher(Action<BrowserFetcherOptions>? configure = null) => TestFetcher.Create(Host, Options(configure));

    public async ValueTask InitializeAsync()
    {
        Site = await BrowserTestSite.StartAsync();
        Host = new ChromiumHost(Options(), NullLogger<ChromiumHost>.Instance);
        if (ChromiumInstalled)
        {
            // Start Chromium (and a renderer) once here, so no test's timing includes the launch.
            await using var warm = CreateFetcher();
            await warm.Fetcher.FetchAsync(new Collector.Crawler.Fetching.FetchRequest { Url = Site.Url("/static/0"), Screenshot = false }, CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Site.DisposeAsync();
    }
}

/// <summary>A browser fetcher and its pool, disposed together.</summary>
public sealed class TestFetcher : IAsyncDisposable
{
    private TestFetcher(PagePool pool, BrowserFetcher fetcher)
    {
        Pool = pool;
        Fetcher = fetcher;
    }

    public PagePool Pool { get; }

    public BrowserFetcher Fetcher { get; }

    public static TestFetcher Create(ChromiumHost host, BrowserFetcherOptions options, RouteGuard? guard = null)
    {
        Assert.SkipUnless(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.Chromium} (apt-get install -y chromium-headless-shell chromium).");
        var pool = new PagePool(host, options, TimeProvider.System, NullLogger<PagePool>.Instance, guard);
        return new TestFetcher(pool, new BrowserFetcher(pool, options, TimeProvider.System, NullLogger<BrowserFetcher>.Instance));
    }

    public async ValueTask DisposeAsync()
    {
        Fetcher.Dispose();
        await Pool.DisposeAsync();
    }
}
