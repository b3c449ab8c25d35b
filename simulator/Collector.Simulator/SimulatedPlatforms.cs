using Collector.Model;
using Collector.Simulator.Admin;
using Collector.Simulator.Faults;
using Collector.Simulator.Hosting;
using Collector.Simulator.Sites;
using Collector.Simulator.Sites.Forum;
using Collector.Simulator.Sites.Pinterest;
using Collector.Simulator.Sites.Quora;
using Collector.Simulator.Sites.Reddit;
using Collector.Simulator.Sites.Telegram;
using Collector.Simulator.World;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Collector.Simulator;

/// <summary>
/// Simulated Reddit, Quora, Pinterest, Telegram, a forum/blog and an image host on loopback, serving a seeded world with
/// the real platforms' page structure, switchable faults and a request log. Each host has its own Kestrel port, so URLs
/// keep the real paths (<c>/r/worldnews/new.json</c>, <c>/s/worldbrief</c>, <c>/pin/123/</c>) and each host has its own
/// robots.txt; an admin host offers the same controls over HTTP (<see cref="AdminEndpoints"/>).
/// <code>
/// await using var sim = await SimulatedPlatforms.StartAsync(new SimulationOptions { Seed = 7 });
/// Uri reddit = sim.BaseUrl(SimPlatform.Reddit);           // http://127.0.0.1:PORT/
/// foreach (var seed in sim.SeedUrls) { … seed.Url, seed.ParserPlatform, seed.Render … }
/// GroundTruth truth = sim.World.Truth;                     // planted chains, shift workers, repurposed, off-topic repliers
/// sim.Faults.RateLimit(SimPlatform.Reddit, TimeSpan.FromSeconds(2), count: 3);
/// CycleReport changes = sim.AdvanceCycle();                // edits, deletions, new posts
/// int seen = sim.RequestLog.For(SimPlatform.Reddit).Count;
/// </code>
/// </summary>
public sealed class SimulatedPlatforms : IAsyncDisposable
{
    private readonly Dictionary<SimPlatform, PlatformHost> _hosts = [];
    private readonly SimContext _context;
    private WebApplication? _admin;

    private SimulatedPlatforms(SimulationOptions options)
    {
        Options = options;
        World = new SimWorld(options.Seed, options.Now, options.PostsPerCommunity, options.CycleLength);
        _context = new SimContext(World, options);
    }

    public SimulationOptions Options { get; }

    public SimWorld World { get; }

    public FaultSwitchboard Faults { get; } = new();

    public RequestLog RequestLog { get; } = new();

    /// <summary>The admin host (see <see cref="AdminEndpoints"/>).</summary>
    public Uri AdminUrl { get; private set; } = null!;

    /// <summary>Starts every host; throws <see cref="ArgumentException"/> listing every problem of the options.</summary>
    public static async Task<SimulatedPlatforms> StartAsync(SimulationOptions? options = null, CancellationToken cancel = default)
    {
        options ??= new SimulationOptions();
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid simulation options: " + string.Join(" ", errors), nameof(options));
        }

        var sim = new SimulatedPlatforms(options);
        try
        {
            await sim.StartHostsAsync(cancel);
            return sim;
        }
        catch
        {
            await sim.DisposeAsync();
            throw;
        }
    }

    /// <summary>The base URL (ending in '/') of a simulated host.</summary>
    public Uri BaseUrl(SimPlatform platform) => _hosts[platform].BaseUrl;

    /// <summary>An absolute URL on a simulated host.</summary>
    public Uri Url(SimPlatform platform, string pathAndQuery) => new(BaseUrl(platform), pathAndQuery);

    /// <summary>Where a crawl of the simulated platforms starts, and how each page must be fetched.</summary>
    public IReadOnlyList<SimSeed> SeedUrls
    {
        get
        {
            var state = World.State;
            var seeds = new List<SimSeed>();
            foreach (var sub in state.Communities(SimPlatform.Reddit))
            {
                seeds.Add(Seed(SimPlatform.Reddit, $"/r/{sub}/new.json", RenderMode.Http, $"r/{sub} newest posts (JSON API; comments at /r/{sub}/comments/<id>.json)"));
            }

            foreach (var question in state.On(SimPlatform.Quora).Where(p => p.Kind == PostKinds.Question).OrderBy(p => p.PublishedAt))
            {
                seeds.Add(Seed(SimPlatform.Quora, QuoraJson.QuestionPath(question), RenderMode.Browser, $"Quora question {question.Id} (answers beyond the first {QuoraSite.InlineAnswers} load by XHR while scrolling)"));
            }

            foreach (var board in state.Communities(SimPlatform.Pinterest))
            {
                seeds.Add(Seed(SimPlatform.Pinterest, PinterestJson.BoardUrl(board), RenderMode.Browser, $"Pinterest board {board} (more pins load by XHR while scrolling)"));
            }

            foreach (var channel in state.Communities(SimPlatform.Telegram))
            {
                seeds.Add(Seed(SimPlatform.Telegram, $"/s/{channel}", RenderMode.Http, $"Telegram channel {channel} (older pages via ?before=N)"));
            }

            foreach (var (section, _) in WorldLayout.ForumSections)
            {
                seeds.Add(Seed(SimPlatform.Forum, ForumHtml.ListingPath(section, 1), RenderMode.Http, $"Forum section {section} (JSON-LD posts)"));
            }

            return seeds;
        }
    }

    /// <summary>Advances the world one cycle: edits, deletions and new posts (see <see cref="WorldMutator"/>).</summary>
    public CycleReport AdvanceCycle() => World.AdvanceCycle();

    /// <summary>Replaces a host's robots.txt.</summary>
    public void SetRobots(SimPlatform platform, string robots) => _hosts[platform].Robots = robots;

    public async ValueTask DisposeAsync()
    {
        if (_admin is not null)
        {
            await _admin.StopAsync();
            await _admin.DisposeAsync();
            _admin = null;
        }

        foreach (var host in _hosts.Values)
        {
            await host.DisposeAsync();
        }

        _hosts.Clear();
    }

    private SimSeed Seed(SimPlatform platform, string path, RenderMode render, string description) =>
        new(platform, platform.ParserKey(), Url(platform, path), render, description);

    private async Task StartHostsAsync(CancellationToken cancel)
    {
        var port = Options.Port;
        foreach (var platform in SimPlatforms.All)
        {
            ISimSite site = platform switch
            {
                SimPlatform.Reddit => new RedditSite(_context),
                SimPlatform.Quora => new QuoraSite(_context),
                SimPlatform.Pinterest => new PinterestSite(_context),
                SimPlatform.Telegram => new TelegramSite(_context),
                SimPlatform.Forum => new ForumSite(_context),
                _ => new MediaSite(_context),
            };
            var host = await PlatformHost.StartAsync(site, port == 0 ? 0 : port++, RequestLog, Faults, Options.Time, cancel);
            _hosts[platform] = host;
            _context.SetBaseUrl(platform, host.BaseUrl);
        }

        _admin = PlatformHost.CreateApp(port, app => AdminEndpoints.Map(app, this), s => s.AddLogging());
        AdminUrl = await PlatformHost.StartAppAsync(_admin, cancel);
    }
}
