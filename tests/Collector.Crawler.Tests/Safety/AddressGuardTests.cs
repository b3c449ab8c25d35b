using System.Net;
using System.Net.Sockets;
using Collector.Crawler.Core;
using Collector.Crawler.Safety;
using Collector.Crawler.Tests.Support;
using Collector.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Collector.Crawler.Tests.Safety;

/// <summary>
/// Each way around the address guard the issue lists, on loopback only: the seed on 127.0.0.1:P1 (exempt, host and
/// port), an "internal" server on 127.0.0.1:P2 that must never be reached, and 127.0.0.2 / [::1] / localhost, internal
/// like every loopback address. Every test asserts the internal server saw nothing.
/// </summary>
public sealed class AddressGuardTests : IAsyncLifetime
{
    private TestSite _internal = null!;

    public async ValueTask InitializeAsync() => _internal = await TestSite.StartAsync(context => context.Response.WriteAsync("<html><body><p>internal secret</p></body></html>"));

    public async ValueTask DisposeAsync() => await _internal.DisposeAsync();

    private Uri Internal(string path = "secret") => _internal.Url(path);

    private static string Page(string body, string? jsonLd = null) =>
        $"<!doctype html><html><head><meta charset=\"utf-8\"><title>seed</title>{(jsonLd is null ? "" : $"<script type=\"application/ld+json\">{jsonLd}</script>")}</head><body>{body}</body></html>";

    private static async Task<(CrawlSummary Summary, List<Capture> Captures)> CrawlAsync(
        TestSite seed, string start = "start", Action<IServiceCollection>? services = null, Func<CrawlJob, CrawlJob>? adjust = null)
    {
        await using var harness = CrawlHarness.Create(services: services);
        var summary = await harness.CrawlAsync(CrawlHarness.Source(seed.Url(start), "a"), adjust: adjust);
        return (summary, await harness.CapturesAsync());
    }

    [Fact]
    public async Task RunAsync_SeedRedirectsToAnInternalAddress_BlockedAtConnectAndRecordedWithTheCapture()
    {
        await using var seed = await TestSite.StartAsync(context =>
        {
            if (context.Request.Path == "/robots.txt")
            {
                context.Response.StatusCode = 404;
                return Task.CompletedTask;
            }

            context.Response.Redirect(Internal().AbsoluteUri);
            return Task.CompletedTask;
        });

        var (_, captures) = await CrawlAsync(seed);

        Assert.Empty(_internal.Requests);
        var capture = Assert.Single(captures);
        Assert.Equal(PageOutcome.Failed, capture.Outcome);
        Assert.Contains("blocked by the address guard", capture.OutcomeReason, StringComparison.Ordinal);
        Assert.Equal(302, Assert.Single(capture.Exchanges).Status);
    }

    [Fact]
    public async Task RunAsync_MediaUrlRedirectingInternal_NeverReachesIt()
    {
        await using var seed = await TestSite.StartAsync(async context =>
        {
            if (context.Request.Path == "/image.png")
            {
                context.Response.Redirect(Internal("secret.png").AbsoluteUri);
                return;
            }

            await context.Response.WriteAsync(Page("<h1>A post</h1>", """{"@context":"https://schema.org","@type":"SocialMediaPosting","identifier":"m1","headline":"A post","text":"A post with a picture.","image":"/image.png","datePublished":"2024-01-01T00:00:00Z"}"""));
        });

        var (summary, _) = await CrawlAsync(seed);

        Assert.Equal(1, summary.Posts);
        Assert.Equal(1, seed.Hits("/image.png"));
        Assert.Empty(_internal.Requests);
    }

    [Fact]
    public async Task RunAsync_RevisitOfAPostUrlPointingInternal_NotExemptAndNeverReached()
    {
        await using var seed = await TestSite.StartAsync(context => context.Response.WriteAsync(Page("<p>seed</p>")));

        // a post's JSON-LD url pointed at the internal server; the scheduler revisits post URLs
        var (_, captures) = await CrawlAsync(seed, adjust: job => job with { RevisitUrls = [Internal("post/1").AbsoluteUri] });

        Assert.Empty(_internal.Requests);
        var revisit = Assert.Single(captures, c => c.RequestUrl.StartsWith(_internal.Root.AbsoluteUri, StringComparison.Ordinal));
        Assert.Contains("blocked by the address guard", revisit.OutcomeReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_LinksToOtherPortsOfTheSeedHostLoopbackNamesAndUnresolvableNames_NeverFollowed()
    {
        var port = _internal.Root.Port;
        var links = new[]
        {
            Internal().AbsoluteUri, $"http://127.0.0.2:{port}/secret", $"http://[::1]:{port}/secret", $"http://localhost:{port}/secret",
            $"http://localhost.:{port}/secret", $"http://[::ffff:127.0.0.1]:{port}/secret", $"http://collector-test.invalid:{port}/secret",
        };
        await using var seed = await TestSite.StartAsync(context =>
            context.Request.Path == "/start"
                ? context.Response.WriteAsync(Page(string.Concat(links.Select(l => $"<a href=\"{l}\">x</a> "))))
                : context.Response.WriteAsync(Page("<p>other</p>")));

        var (summary, captures) = await CrawlAsync(seed);

        Assert.Empty(_internal.Requests);
        Assert.Single(captures);
        Assert.Equal(links.Length, summary.UnsafeLinksSkipped);
    }

    [Fact]
    public async Task RunAsync_NameRebindingToAnInternalAddressAfterTheLinkWasQueued_RefusedAtConnect()
    {
        var port = _internal.Root.Port;
        await using var seed = await TestSite.StartAsync(context =>
            context.Request.Path == "/start"
                ? context.Response.WriteAsync(Page($"<a href=\"http://rebind.test:{port}/secret\">x</a>"))
                : context.Response.WriteAsync(Page("<p>other</p>")));
        var dns = new RebindingResolver("rebind.test");

        var (_, captures) = await CrawlAsync(seed, services: s => s.AddSingleton<HostResolver>(dns));

        // queued on the public answer; its first connection (robots.txt) got the internal one and was refused
        Assert.True(dns.Asked >= 2, "the name was resolved when queued and again at connect");
        Assert.Empty(_internal.Requests);
        Assert.DoesNotContain(captures, c => c.RequestUrl.Contains("rebind.test", StringComparison.Ordinal) && c.Outcome.IsContent());
    }

    /// <summary>Answers a public address the first time, then loopback: what a rebinding DNS server does.</summary>
    private sealed class RebindingResolver(string name) : HostResolver
    {
        private int _asked;

        public int Asked => Volatile.Read(ref _asked);

        public override Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
        {
            if (!host.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return base.ResolveAsync(host, cancellationToken);
            }

            return Task.FromResult(Interlocked.Increment(ref _asked) == 1 ? [IPAddress.Parse("93.184.216.34")] : new[] { IPAddress.Loopback });
        }
    }
}
