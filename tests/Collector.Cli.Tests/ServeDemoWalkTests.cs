using Collector.Configuration;
using Collector.Model;
using Collector.Storage;
using Collector.Storage.Sqlite;
using Collector.Web;
using Collector.Web.Pages;
using Microsoft.Playwright;

namespace Collector.Cli.Tests;

/// <summary>
/// `collector serve` on the demo's archive, walked in real Chromium as a reader would: search, a post with two versions
/// and its diff, its capture's screenshot and DOM, a tombstone and its proof, a chain to an evidence post to its capture,
/// a case bundle exported and verified. Screenshots of the pages go to the output folder (and to
/// COLLECTOR_SERVE_SCREENSHOTS when set, e.g. docs/).
/// </summary>
public sealed class ServeDemoWalkTests
{
    private const string Token = "demo-walk-token-0123456789";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Serve_DemoArchive_WalkedInChromium()
    {
        Assert.SkipWhen(!File.Exists(RepoPaths.Chromium), $"Chromium not installed at {RepoPaths.Chromium}");
        var outDir = Directory.CreateTempSubdirectory("collector-serve-demo-").FullName;
        var (code, stdout, stderr) = await CliSurfaceTests.RunAsync("demo", "--out", outDir, "--cycles", "2");
        Assert.True(code == 0, $"demo exit {code}\n{stdout}\n{stderr}");
        Assert.Contains($"collector serve --store sqlite:{Path.Combine(outDir, "archive", "collector.db")} --config {Path.Combine(outDir, "collector.json")} --detect-dir {Path.Combine(outDir, "report")} --tsa-root {Path.Combine(outDir, "evidence", "TSA-CA.pem")}", stdout, StringComparison.Ordinal);

        await using var archive = await new SqliteArchiveBackend(TimeProvider.System).OpenAsync("sqlite:" + Path.Combine(outDir, "archive", "collector.db"), Ct);
        var (edited, editCapture) = await EditedPostWithScreenshotAsync(archive);
        var gone = (await ((IPostBrowser)archive).BrowseAsync(new BrowseQuery { Deleted = true, Limit = 1 }, Ct)).Posts.Single();
        var options = new ServeOptions
        {
            Listen = new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0),
            Token = Token,
            AllowActions = true,
            DetectDir = Path.Combine(outDir, "report"),
            ExportDir = Path.Combine(outDir, "serve-exports"),
            Collection = ConfigLoader.LoadFile(Path.Combine(outDir, "collector.json")).Options,
            BundleTrust = new Collector.Evidence.Bundles.BundleTrust(await File.ReadAllTextAsync(Path.Combine(outDir, "evidence", "TSA-CA.pem"), Ct), "the demo's loopback authority"),
        };
        await using var host = await ServeHost.StartAsync(options, archive, TimeProvider.System, cancellationToken: Ct);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(RepoPaths.ChromiumLaunch);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        var shots = Path.Combine(outDir, "screens");
        Directory.CreateDirectory(shots);
        async Task Shot(string name)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, $"serve-{name}.png"), FullPage = false });
            if (Environment.GetEnvironmentVariable("COLLECTOR_SERVE_SCREENSHOTS") is { Length: > 0 } docs)
            {
                File.Copy(Path.Combine(shots, $"serve-{name}.png"), Path.Combine(docs, $"serve-{name}.png"), overwrite: true);
            }
        }

        // Search for a word of the edited post's latest text, and open it from the results.
        await page.GotoAsync(new Uri(host.UiUrl, "/?token=" + Token).AbsoluteUri);
        await page.FillAsync("input[name=q]", SearchWord(edited.Post.Text!));
        await page.ClickAsync("form.filters button[type=submit]");
        var result = page.Locator($"a.post[href='{Html.PostHref(edited.Post.Platform, edited.Post.Id)}']");
        Assert.Equal(1, await result.CountAsync());
        await Shot("search");
        await result.ClickAsync();

        // Two versions and the word diff between them.
        Assert.True(await page.Locator("section.version").CountAsync() >= 2);
        Assert.True(await page.Locator(".diff ins, .diff del").CountAsync() > 0, "the edit shows as a word diff");
        Assert.Equal(1, await page.Locator("svg.series, p:has-text('No metrics were shown')").CountAsync());
        await Shot("post");

        // A browser capture that saw it: its screenshot loads, its DOM shows (sandboxed, on the other origin).
        await page.Locator($"a.capture[href='/capture/{editCapture}']").First.ClickAsync();
        // (Evaluated through the element, not page.WaitForFunction: the UI's CSP forbids eval, as it should.)
        var shot = page.Locator("img.shot").First;
        var width = 0;
        for (var i = 0; i < 50 && width == 0; i++)
        {
            width = await shot.EvaluateAsync<int>("img => img.complete ? img.naturalWidth : 0");
            if (width == 0)
            {
                await page.WaitForTimeoutAsync(200);
            }
        }

        Assert.True(width > 0, "the screenshot loads from the artifact origin");
        var domText = await page.FrameLocator("iframe.dom:not(.raw)").Locator("body").InnerTextAsync();
        Assert.False(string.IsNullOrWhiteSpace(domText));
        await Shot("capture");

        // A tombstone and the capture that proves it.
        await page.GotoAsync(new Uri(host.UiUrl, Html.PostHref(gone.Post.Platform, gone.Post.Id)).AbsoluteUri);
        Assert.Equal(1, await page.Locator(".tombstone").CountAsync());
        await page.ClickAsync(".tombstone a.proof");
        Assert.Contains("/capture/" + Uri.EscapeDataString(gone.Tombstone!.CaptureId), page.Url, StringComparison.Ordinal);

        // A chain, one of its evidence posts, and that post's capture.
        await page.GotoAsync(new Uri(host.UiUrl, "/detect").AbsoluteUri);
        await Shot("detect");
        await page.Locator("a.chain").First.ClickAsync();
        await Shot("chain");
        await page.Locator("a.evidence").First.ClickAsync();
        Assert.Contains("/post/", page.Url, StringComparison.Ordinal);
        await page.Locator("a.capture").First.ClickAsync();
        Assert.Contains("/capture/", page.Url, StringComparison.Ordinal);
        Assert.True(await page.Locator("table.custody").CountAsync() == 1, "the capture's custody entry is shown");

        // A case bundle for the edited post, verified as written and again.
        await page.GotoAsync(new Uri(host.UiUrl, Html.PostHref(edited.Post.Platform, edited.Post.Id)).AbsoluteUri);
        await page.ClickAsync("button.export");
        Assert.True(await page.Locator(".verdict.ok").CountAsync() == 1, await page.InnerTextAsync("main"));
        await page.ClickAsync("text=Verify this bundle again");
        Assert.Equal(1, await page.Locator(".verdict.ok").CountAsync());

        await page.GotoAsync(new Uri(host.UiUrl, "/detect").AbsoluteUri);
        await page.Locator("table.accounts a.account").First.ClickAsync();
        Assert.Equal(168, await page.Locator("svg.week rect.cell").CountAsync());
        await Shot("account");

        await page.GotoAsync(new Uri(host.UiUrl, "/collection").AbsoluteUri);
        Assert.True(await page.Locator("table.sources tr").CountAsync() > 1);
        await Shot("collection");
        Assert.Empty(errors);
    }

    /// <summary>A post with more than one version seen by a capture that kept a screenshot and a DOM (a browser capture).</summary>
    private static async Task<(ArchivedPost Post, string Capture)> EditedPostWithScreenshotAsync(IArchive archive)
    {
        string? after = null;
        do
        {
            var page = await ((IPostBrowser)archive).BrowseAsync(new BrowseQuery { HasVersions = true, Deleted = false, After = after, Limit = 100 }, Ct);
            foreach (var a in page.Posts.Where(a => !string.IsNullOrWhiteSpace(a.Post.Text) && SearchWord(a.Post.Text!).Length > 0))
            {
                await foreach (var c in archive.QueryCapturesAsync(new CaptureQuery { Post = a.Post.Key, IncludePosts = false }, Ct))
                {
                    if (c.Artifacts.Any(x => x.Kind == ArtifactKinds.Screenshot) && c.Artifacts.Any(x => x.Kind == ArtifactKinds.Dom))
                    {
                        return (a, c.Id);
                    }
                }
            }

            after = page.Next;
        }
        while (after is not null);

        throw new InvalidOperationException("the demo archive holds no edited post whose capture kept a screenshot and a DOM");
    }

    /// <summary>The longest plain word of the text (letters only), to search for.</summary>
    private static string SearchWord(string text) =>
        text.Split([' ', '\n', '\t', '.', ',', '!', '?', ':', ';', '"', '\'', '(', ')'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.All(char.IsAsciiLetter)).OrderByDescending(w => w.Length).FirstOrDefault() ?? "";
}
