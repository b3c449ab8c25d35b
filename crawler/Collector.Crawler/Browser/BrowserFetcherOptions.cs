using Collector.Configuration;

namespace Collector.Crawler.Browser;

/// <summary>How much of the page a screenshot covers.</summary>
public enum ScreenshotScope
{
    /// <summary>The whole scrollable page (the default: evidence shows everything the DOM holds).</summary>
    FullPage,

    /// <summary>Only the visible viewport: far cheaper on long pages; for benchmarks and bulk crawls that accept less.</summary>
    Viewport,
}

/// <summary>
/// Settings of the Chromium fetcher. Built from the configuration's <see cref="CrawlerOptions"/> by <see cref="FromConfig"/>
/// and validated at start-up (<see cref="Validate"/> lists every problem).
/// </summary>
public sealed class BrowserFetcherOptions
{
    /// <summary>Switches that keep Chromium from reaching out to the internet on its own.</summary>
    public static IReadOnlyList<string> QuietArguments { get; } =
    [
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    /// <summary>The Chromium binary: by default the headless shell where it is installed, else the full browser (<see cref="ChromiumBuilds"/>).</summary>
    public string ExecutablePath { get; set; } = ChromiumBuilds.Default;

    /// <summary>Extra command-line switches (after <see cref="QuietArguments"/>).</summary>
    public List<string> ExtraArguments { get; set; } = [];

    public string UserAgent { get; set; } = "CollectorBot/0.1 (+research archive)";

    /// <summary>Pages served by one browser context before it is replaced by a fresh one.</summary>
    public int RecycleContextAfterPages { get; set; } = 50;

    /// <summary>Browser-tree memory (PSS, MB) at which contexts are recycled early.</summary>
    public int RecycleAtMemoryMb { get; set; } = 1500;

    /// <summary>How often the browser tree's memory is read from /proc (a read costs a few milliseconds).</summary>
    public TimeSpan MemorySampleInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Playwright resource types never loaded (font, media, image, stylesheet, …); routed away.</summary>
    public List<string> BlockResources { get; set; } = ["font", "media"];

    public bool Screenshots { get; set; } = true;

    public ScreenshotScope ScreenshotScope { get; set; } = ScreenshotScope.FullPage;

    /// <summary>Navigation plus waiting; a page still busy after this is closed and the request retried.</summary>
    public TimeSpan NavigationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// When a --wait-for selector never appears (a listing page of a site whose posts carry it), the page is taken once it
    /// has loaded and stayed quiet this long: no DOM change, no request in flight. Also the settle time of the default wait.
    /// </summary>
    public TimeSpan QuietPeriod { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest the default wait (no --wait-for) waits for a page to become quiet before capturing it anyway.</summary>
    public TimeSpan MaxSettle { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Autoscroll: how long one scroll waits for the feed to grow before it counts as "no growth".</summary>
    public TimeSpan ScrollStepWait { get; set; } = TimeSpan.FromSeconds(1.5);

    /// <summary>Pages open at once (further fetches wait); the crawl's own concurrency normally stays below this.</summary>
    public int MaxConcurrentPages { get; set; } = 8;

    /// <summary>
    /// The most bytes one response of a page may deliver (crawler.maxBodyBytes): past it the page is stopped, its tab
    /// closed, and it is recorded failed, not retried.
    /// </summary>
    public long MaxBodyBytes { get; set; } = 25L * 1024 * 1024;

    /// <summary>
    /// Elements a rendered DOM may hold (crawler.browser.maxDomElements): a page whose scripts built more is kept as the
    /// server sent it, without DOM snapshot or screenshot, and its tab closed. Real pages hold a few thousand to ~100,000.
    /// </summary>
    public int MaxDomElements { get; set; } = 500_000;

    /// <summary>Bodies of JSON responses larger than this are recorded without their body.</summary>
    public long MaxNetworkBodyBytes { get; set; } = 10L * 1024 * 1024;

    public int ViewportWidth { get; set; } = 1280;

    public int ViewportHeight { get; set; } = 900;

    /// <summary>Reuse a page for the next request (saves a renderer start, 0.4-0.5 s); off = a fresh page per request.</summary>
    public bool ReusePages { get; set; } = true;

    /// <summary>The browser options of the configuration, with the crawler's User-Agent and concurrency.</summary>
    public static BrowserFetcherOptions FromConfig(CrawlerOptions crawler)
    {
        var browser = crawler.Browser;
        return new BrowserFetcherOptions
        {
            ExecutablePath = string.IsNullOrWhiteSpace(browser.ExecutablePath) ? ChromiumBuilds.Default : browser.ExecutablePath,
            UserAgent = string.IsNullOrWhiteSpace(crawler.Contact) ? crawler.UserAgent : $"{crawler.UserAgent} ({crawler.Contact})",
            RecycleContextAfterPages = browser.RecycleContextAfterPages,
            RecycleAtMemoryMb = browser.RecycleAtMemoryMb,
            BlockResources = [.. browser.BlockResources],
            Screenshots = browser.Screenshots,
            ScreenshotScope = browser.FullPageScreenshots ? ScreenshotScope.FullPage : ScreenshotScope.Viewport,
            NavigationTimeout = browser.NavigationTimeout,
            MaxConcurrentPages = Math.Max(1, crawler.MaxConcurrency),
            MaxBodyBytes = crawler.MaxBodyBytes,
            MaxDomElements = browser.MaxDomElements,
        };
    }

    /// <summary>Every problem with these settings (empty when usable).</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(ExecutablePath))
        {
            errors.Add($"Browser.ExecutablePath: required (Debian: {ChromiumBuilds.HeadlessShell} or {ChromiumBuilds.Full}).");
        }

        if (RecycleContextAfterPages < 1)
        {
            errors.Add($"Browser.RecycleContextAfterPages: must be at least 1, was {RecycleContextAfterPages}.");
        }

        if (RecycleAtMemoryMb < 100)
        {
            errors.Add($"Browser.RecycleAtMemoryMb: must be at least 100, was {RecycleAtMemoryMb}.");
        }

        if (NavigationTimeout <= TimeSpan.Zero)
        {
            errors.Add($"Browser.NavigationTimeout: must be positive, was {NavigationTimeout}.");
        }

        if (QuietPeriod < TimeSpan.Zero || QuietPeriod >= NavigationTimeout)
        {
            errors.Add($"Browser.QuietPeriod: must be between 0 and the navigation timeout, was {QuietPeriod}.");
        }

        if (MaxSettle < TimeSpan.Zero || ScrollStepWait <= TimeSpan.Zero)
        {
            errors.Add($"Browser.MaxSettle and ScrollStepWait: must not be negative (step wait positive), were {MaxSettle} and {ScrollStepWait}.");
        }

        if (MemorySampleInterval <= TimeSpan.Zero)
        {
            errors.Add($"Browser.MemorySampleInterval: must be positive, was {MemorySampleInterval}.");
        }

        if (MaxBodyBytes < 1024)
        {
            errors.Add($"Browser.MaxBodyBytes: must be at least 1024, was {MaxBodyBytes}.");
        }

        if (MaxDomElements < 1000)
        {
            errors.Add($"Browser.MaxDomElements: must be at least 1000, was {MaxDomElements}.");
        }

        if (MaxConcurrentPages < 1)
        {
            errors.Add($"Browser.MaxConcurrentPages: must be at least 1, was {MaxConcurrentPages}.");
        }

        if (ViewportWidth < 200 || ViewportHeight < 200)
        {
            errors.Add($"Browser viewport: must be at least 200x200, was {ViewportWidth}x{ViewportHeight}.");
        }

        foreach (var type in BlockResources)
        {
            if (!ResourceBlocker.KnownTypes.Contains(type))
            {
                errors.Add($"Browser.BlockResources: '{type}' is not a resource type (one of {string.Join(", ", ResourceBlocker.KnownTypes)}).");
            }
        }

        return errors;
    }

    /// <summary>Throws with every problem listed when the settings are unusable.</summary>
    public void EnsureValid()
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Invalid browser settings:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
        }
    }
}
