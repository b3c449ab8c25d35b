using Collector.Model;

namespace Collector.Configuration;

/// <summary>The whole configuration file (config/collector.json), validated at start-up by <see cref="CollectorOptionsValidator"/>.</summary>
public sealed class CollectorOptions
{
    public StorageOptions Storage { get; set; } = new();

    public SchedulerOptions Scheduler { get; set; } = new();

    public CrawlerOptions Crawler { get; set; } = new();

    public EvidenceOptions Evidence { get; set; } = new();

    public List<SourceOptions> Sources { get; set; } = [];
}

public sealed class StorageOptions
{
    /// <summary>sqlite:PATH (default) or a mongodb:// connection string.</summary>
    public string Uri { get; set; } = "sqlite:./archive/collector.db";
}

public sealed class SchedulerOptions
{
    /// <summary>A PostgreSQL connection string: when set, Quartz runs clustered on it; otherwise in memory.</summary>
    public string? Cluster { get; set; }

    /// <summary>How long a failing source waits at most between retries (its backoff doubles up to this).</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Consecutive failures after which a source is reported as failing.</summary>
    public int FailureThreshold { get; set; } = 3;

    /// <summary>
    /// How late a fire may start (its source's previous run still going, or no cluster node alive to take it) and still
    /// run as itself. Fires later than this are folded into one run, which records them (<c>coalesced</c> in `runs`).
    /// </summary>
    public TimeSpan MisfireThreshold { get; set; } = TimeSpan.FromMinutes(1);
}

public sealed class CrawlerOptions
{
    /// <summary>Product token of the User-Agent; the contact is appended.</summary>
    public string UserAgent { get; set; } = "CollectorBot/0.1 (+research archive)";

    /// <summary>Who to contact about the crawler (an e-mail or URL), sent in the User-Agent.</summary>
    public string? Contact { get; set; }

    public int MaxConcurrency { get; set; } = 8;

    public int PerHostConcurrency { get; set; } = 4;

    /// <summary>
    /// Connections open at once to one host over HTTP/1.x (HTTP/2 multiplexes on one): 6, as browsers do. Pages beyond it
    /// wait for a connection rather than knock at once; a host's listen queue is often that short, and a connection it
    /// drops costs the crawl a second of SYN retry (and the host a flood).
    /// </summary>
    public int MaxConnectionsPerHost { get; set; } = 6;

    /// <summary>Requests per second per host, unless a platform says otherwise in <see cref="PlatformRates"/>.</summary>
    public double RequestsPerSecond { get; set; } = 2;

    /// <summary>Requests per second per host by platform key.</summary>
    public Dictionary<string, double> PlatformRates { get; set; } = [];

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public long MaxBodyBytes { get; set; } = 25L * 1024 * 1024;

    /// <summary>
    /// How long one page's parse may take: past it the page is recorded <c>failed: parse-timeout</c> with its raw
    /// artifact kept, and the crawl goes on (a hostile page must not hold a worker).
    /// </summary>
    public TimeSpan ParseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public int MaxRedirects { get; set; } = 10;

    public int MaxRetries { get; set; } = 4;

    /// <summary>The longest robots.txt Crawl-delay obeyed: a longer one is cut to this (and logged).</summary>
    public TimeSpan MaxCrawlDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Follow links to loopback/private addresses (tests and the offline demo need it).</summary>
    public bool AllowPrivateAddresses { get; set; }

    /// <summary>Download images attached to posts as artifacts.</summary>
    public bool DownloadMedia { get; set; } = true;

    public bool DownloadVideo { get; set; }

    public long MaxMediaBytes { get; set; } = 20L * 1024 * 1024;

    public BrowserOptions Browser { get; set; } = new();
}

public sealed class BrowserOptions
{
    /// <summary>
    /// The Chromium binary. Empty (the default): Debian's headless shell where it is installed (lighter, and what
    /// Playwright runs for headless Chromium), else the full browser at /usr/lib/chromium/chromium.
    /// </summary>
    public string ExecutablePath { get; set; } = "";

    /// <summary>Pages served by one browser context before it is replaced.</summary>
    public int RecycleContextAfterPages { get; set; } = 50;

    /// <summary>Browser memory (MB) at which contexts are recycled early.</summary>
    public int RecycleAtMemoryMb { get; set; } = 1500;

    /// <summary>Resource types not loaded: font, media, …</summary>
    public List<string> BlockResources { get; set; } = ["font", "media"];

    public bool Screenshots { get; set; } = true;

    /// <summary>True (the default): the screenshot covers the whole scrollable page; false: the viewport only.</summary>
    public bool FullPageScreenshots { get; set; } = true;

    public TimeSpan NavigationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Elements a rendered DOM may hold; a page past it is kept as the server sent it, without DOM or screenshot.</summary>
    public int MaxDomElements { get; set; } = 500_000;
}

public sealed class EvidenceOptions
{
    /// <summary>RFC 3161 time-stamping authority URLs; each run's manifest is stamped by every one of them.</summary>
    public List<string> TimestampAuthorities { get; set; } = [];
}

/// <summary>One configured source: what to collect, how and when.</summary>
public sealed class SourceOptions
{
    public string Name { get; set; } = "";

    /// <summary>Platform key (<see cref="Platforms"/>); picks the parser.</summary>
    public string Platform { get; set; } = Platforms.Generic;

    public List<string> Targets { get; set; } = [];

    /// <summary>5-field cron, or 6/7-field Quartz cron with seconds.</summary>
    public string? Schedule { get; set; }

    /// <summary>IANA time zone of <see cref="Schedule"/> (UTC when absent).</summary>
    public string? TimeZone { get; set; }

    public RenderMode Render { get; set; } = RenderMode.Auto;

    /// <summary>CSS selectors of links to follow, in addition to what the platform parser recommends.</summary>
    public List<string> Follow { get; set; } = [];

    /// <summary>Browser mode: wait for this selector before capturing.</summary>
    public string? WaitFor { get; set; }

    /// <summary>Browser mode: scroll this many times (infinite feeds).</summary>
    public int Scroll { get; set; }

    public int MaxPages { get; set; } = 500;

    public int? Concurrency { get; set; }

    /// <summary>Posts younger than this are revisited on every run (edits and deletions noticed).</summary>
    public TimeSpan? WatchWindow { get; set; }

    /// <summary>Random delay added to each scheduled fire, up to this.</summary>
    public TimeSpan? Jitter { get; set; }

    public RobotsOptions Robots { get; set; } = new();

    /// <summary>Netscape cookies.txt or JSON cookie file for sources that need a login.</summary>
    public string? Cookies { get; set; }

    /// <summary>HTTP or SOCKS proxies, rotated.</summary>
    public List<string> Proxies { get; set; } = [];

    public bool Enabled { get; set; } = true;
}

public sealed class RobotsOptions
{
    /// <summary>robots.txt is obeyed unless this is false.</summary>
    public bool Obey { get; set; } = true;

    /// <summary>robots.txt's Crawl-delay spaces the requests to its host unless this is false (then <see cref="OverrideReason"/> is required).</summary>
    public bool CrawlDelay { get; set; } = true;

    /// <summary>Required when <see cref="Obey"/> or <see cref="CrawlDelay"/> is false; recorded with every run.</summary>
    public string? OverrideReason { get; set; }
}
