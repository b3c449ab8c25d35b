using System.Text;
using Collector.Crawler.Core;
using Collector.Crawler.Tests.Support;
using Collector.Model;
using Collector.Parsers;
using Collector.Storage;
using Microsoft.AspNetCore.Http;

namespace Collector.Crawler.Tests.Core;

/// <summary>
/// `collector verify` re-derives each stored version's text by parsing the capture's stored body again with the same
/// parser version (<see cref="StoredPageReparser"/>, <see cref="VersionTextCheck"/>), on archives a real crawl wrote.
/// </summary>
public sealed class RederivedTextTests
{
    /// <summary>Cyrillic served as windows-1251, declared only in the Content-Type header (no meta charset).</summary>
    private const string CyrillicText = "Гавань сегодня тихая, корабли стоят у причала.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly StoredPageReparser Reparser = new(ParserRegistry.CreateDefault());

    [Fact]
    public async Task Verify_CrawledArchive_ReparsesEveryCapturedPostCleanIncludingAHeaderOnlyCharset()
    {
        await using var site = await TestSite.StartAsync(Site());
        await using var harness = CrawlHarness.Create();
        await harness.CrawlAsync(CrawlHarness.Source(site.Url("list/0"), "a.post-link"), cancellationToken: Ct);

        var result = await ArchiveVerifier.VerifyAsync(harness.Archive, Reparser, null, Ct);

        Assert.True(result.IsClean, string.Join("\n", result.Problems));
        Assert.Equal(3, result.Rederived!.Posts);
        Assert.Equal(0, result.Rederived.OtherParserVersion + result.Rederived.NoParserVersion);
        var captures = await harness.CapturesAsync();
        Assert.All(captures, c => Assert.Equal(BuiltInParsers.Version, c.ParserVersion));
        Assert.Contains(captures.SelectMany(c => c.Posts), p => p.Text == CyrillicText);
    }

    [Fact]
    public async Task Verify_VersionTextEditedAndResealedByAForger_SealsHoldButTheRawPageCatchesIt()
    {
        await using var site = await TestSite.StartAsync(Site());
        await using var harness = CrawlHarness.Create();
        await harness.CrawlAsync(CrawlHarness.Source(site.Url("list/0"), "a.post-link"), cancellationToken: Ct);
        var dbPath = Path.Combine(harness.Folder, "archive.db");
        Assert.True(File.Exists(dbPath + CustodyAnchors.Suffix), "the crawl anchored its head, so the forger must rewrite the anchors too");

        await ResealingForger.EditVersionAsync(harness.Archive, dbPath, "p2", 1, json => json.Replace("was quiet", "was stormy", StringComparison.Ordinal), Ct);

        var sealsOnly = await ArchiveVerifier.VerifyAsync(harness.Archive, Ct);
        Assert.True(sealsOnly.IsClean, "the forgery is consistent: seals, chain and anchors all hold\n" + string.Join("\n", sealsOnly.Problems));
        var result = await ArchiveVerifier.VerifyAsync(harness.Archive, Reparser, null, Ct);
        var problem = Assert.Single(result.Findings);
        Assert.Equal(RecordSeal.Versions, problem.Table);
        Assert.StartsWith("generic:p2@", problem.Key, StringComparison.Ordinal);
        Assert.Equal("\"Body of post 2. The harbour was quiet today.\"", problem.Expected);
        Assert.Equal("\"Body of post 2. The harbour was stormy today.\"", problem.Actual);
        Assert.Contains($"stored text differs from the text parser {BuiltInParsers.Version} reads from the capture's stored body", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportBundle_VersionTextEditedAndResealedByAForger_RefusedNamingTheVersion()
    {
        await using var site = await TestSite.StartAsync(Site());
        await using var harness = CrawlHarness.Create();
        await harness.CrawlAsync(CrawlHarness.Source(site.Url("list/0"), "a.post-link"), cancellationToken: Ct);
        var dbPath = Path.Combine(harness.Folder, "archive.db");
        await ResealingForger.EditVersionAsync(harness.Archive, dbPath, "p2", 1, json => json.Replace("was quiet", "was stormy", StringComparison.Ordinal), Ct);
        var selection = new Collector.Evidence.Bundles.BundleSelection { Posts = [new PostKey(Platforms.Generic, "p2")] };
        var refusedPath = Path.Combine(harness.Folder, "refused.zip");

        var refused = await Assert.ThrowsAsync<Collector.Evidence.Bundles.BundleRefusedException>(() =>
            Collector.Evidence.Bundles.CaseBundleWriter.WriteAsync(harness.Archive, selection, refusedPath, TimeProvider.System, null, Reparser, Ct));

        Assert.Contains(refused.Problems, p => p.Table == RecordSeal.Versions && p.Key.StartsWith("generic:p2@", StringComparison.Ordinal));
        Assert.False(File.Exists(refusedPath));

        // another post of the same archive, untouched, still exports
        var other = new Collector.Evidence.Bundles.BundleSelection { Posts = [new PostKey(Platforms.Generic, "p1")] };
        var written = await Collector.Evidence.Bundles.CaseBundleWriter.WriteAsync(harness.Archive, other, Path.Combine(harness.Folder, "p1.zip"), TimeProvider.System, null, Reparser, Ct);
        Assert.Equal(1, written.Posts);
    }

    [Fact]
    public async Task Verify_CaptureReadByAnotherParserVersion_IsNotedNotReparsed()
    {
        await using var site = await TestSite.StartAsync(Site());
        await using var harness = CrawlHarness.Create();
        await harness.CrawlAsync(CrawlHarness.Source(site.Url("list/0"), "a.post-link"), cancellationToken: Ct);
        var other = new StoredPageReparser(new ParserRegistry(BuiltInParsers.Create(), "1999.1"));

        var result = await ArchiveVerifier.VerifyAsync(harness.Archive, other, null, Ct);

        Assert.True(result.IsClean, string.Join("\n", result.Problems));
        Assert.Equal(0, result.Rederived!.Posts);
        Assert.Contains(result.Notes, n => n.StartsWith("3 captures were read by other parser versions than this build's 1999.1", StringComparison.Ordinal));
    }

    /// <summary>A listing of three JSON-LD posts; post 3 in windows-1251, said only by the header.</summary>
    private static Func<HttpContext, Task> Site()
    {
        var inner = ForumCrawlTests.Forum(1, 3, async (context, id) =>
        {
            if (id != 3)
            {
                return false;
            }

            var html = ForumPages.Post(3).Replace("<meta charset=\"utf-8\">", "", StringComparison.Ordinal)
                .Replace("Body of post 3. The harbour was quiet today.", CyrillicText, StringComparison.Ordinal);
            context.Response.ContentType = "text/html; charset=windows-1251";
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            await context.Response.Body.WriteAsync(Encoding.GetEncoding("windows-1251").GetBytes(html));
            return true;
        });
        return inner;
    }
}
