using System.Text.Json;
using Collector.Storage;
using Collector.Storage.Sqlite;
using Microsoft.Playwright;

namespace Collector.Cli.Tests;

/// <summary>
/// The offline demo end to end (two cycles, then a second run into the same folder): planted chains found across platforms, edits and deletions recorded as
/// versions and tombstones, verify clean, WACZ and bundle valid, the report rendered in Chromium with its charts.
/// </summary>
public sealed class DemoEndToEndTests
{
    [Fact]
    public async Task Demo_TwoCyclesThenASecondRun_FindsTheCampaignAndKeepsEvidence()
    {
        Assert.SkipWhen(!File.Exists(RepoPaths.Chromium), $"Chromium not installed at {RepoPaths.Chromium}");
        var outDir = Directory.CreateTempSubdirectory("collector-demo-").FullName;

        var (code, stdout, stderr) = await CliSurfaceTests.RunAsync("demo", "--out", outDir, "--cycles", "2");

        Assert.True(code == 0, $"demo exit {code}\n{stdout}\n{stderr}");
        var chains = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(outDir, "report", "chains.json"), TestContext.Current.CancellationToken));
        var cross = chains.RootElement.GetProperty("chains").EnumerateArray().Where(c => c.GetProperty("crossPlatform").GetBoolean()).ToList();
        Assert.NotEmpty(cross);
        var planted = System.Text.RegularExpressions.Regex.Match(stdout, @"planted campaign chains found: (\d+) of (\d+)");
        Assert.True(planted.Success, stdout);
        Assert.Equal(planted.Groups[2].Value, planted.Groups[1].Value); // every planted chain found
        Assert.Matches(@"vs world  shift-pattern: precision \d\.\d\d, recall \d\.\d\d", stdout);
        Assert.Matches(@"vs world  planted chains \d+: \d+ complete, \d+ split, \d+ merged, 0 missed; \d+ chains hold no planted post", stdout);

        await AssertArchiveMatchesTheWorldAsync(outDir);

        await using (var archive = await new SqliteArchiveBackend(TimeProvider.System).OpenAsync("sqlite:" + Path.Combine(outDir, "archive", "collector.db")))
        {
            var versioned = 0;
            var tombstoned = 0;
            await foreach (var post in archive.QueryPostsAsync(new PostQuery(), TestContext.Current.CancellationToken))
            {
                versioned += post.VersionCount > 1 ? 1 : 0;
                tombstoned += post.Tombstone is null ? 0 : 1;
            }

            Assert.True(versioned > 0, "edits between cycles became new versions");
            Assert.True(tombstoned > 0, "deletions between cycles became tombstones");
            Assert.True((await ArchiveVerifier.VerifyAsync(archive, TestContext.Current.CancellationToken)).IsClean);
            Assert.True((await archive.Runs.ListAsync(cancellationToken: TestContext.Current.CancellationToken)).Count >= 10, "every source ran in each cycle");
        }

        var bundle = Directory.GetFiles(Path.Combine(outDir, "evidence"), "case-*.zip").Single();
        Assert.Equal(0, (await CliSurfaceTests.RunAsync("verify", bundle)).Code);
        Assert.True(new FileInfo(Path.Combine(outDir, "evidence", "demo.wacz")).Length > 1000);

        await AssertReportRendersAsync(Path.Combine(outDir, "report", "report.html"));

        // A second run into the same folder is the story's next cycle, checked against the whole story so far.
        var again = await CliSurfaceTests.RunAsync("demo", "--out", outDir, "--cycles", "1");
        Assert.True(again.Code == 0, $"second demo exit {again.Code}\n{again.Stdout}\n{again.Stderr}");
        Assert.Contains("continuing the archive", again.Stdout, StringComparison.Ordinal);
        await AssertArchiveMatchesTheWorldAsync(outDir);
    }

    private static async Task AssertArchiveMatchesTheWorldAsync(string outDir)
    {
        // Post by post against the world's own record: every edit a version, every deletion a tombstone (bar replies a
        // thread drops without a marker), and nothing claimed that did not happen.
        using var check = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(outDir, "report", "demo-check.json"), TestContext.Current.CancellationToken));
        var c = check.RootElement;
        Assert.True(c.GetProperty("editsArchived").GetInt32() > 0, c.ToString());
        Assert.Equal(c.GetProperty("editsArchived").GetInt32(), c.GetProperty("editsNoticed").GetInt32());
        Assert.Empty(c.GetProperty("spuriousVersions").EnumerateArray());
        Assert.True(c.GetProperty("deletionsNoticed").GetInt32() > 0, c.ToString());
        Assert.All(c.GetProperty("deletionsMissed").EnumerateArray(), m => Assert.EndsWith("(comment)", m.GetString(), StringComparison.Ordinal));
        Assert.Empty(c.GetProperty("falseTombstones").EnumerateArray());

        // Detection against the world's record: no planted chain missed, and the shift workers and off-topic repliers
        // that the world gives enough activity are flagged, with nobody flagged who is not one.
        var d = c.GetProperty("detection");
        Assert.Equal(0, d.GetProperty("missed").GetInt32());
        Assert.True(d.GetProperty("complete").GetInt32() >= 1, d.ToString());
        foreach (var flag in new[] { "shift-pattern", "off-topic-replies" })
        {
            var score = d.GetProperty("flags").GetProperty(flag);
            Assert.True(score.GetProperty("correct").GetInt32() >= 1, $"{flag}: {score}");
            Assert.Equal(score.GetProperty("flagged").GetInt32(), score.GetProperty("correct").GetInt32());
        }
    }

    private static async Task AssertReportRendersAsync(string report)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(RepoPaths.ChromiumLaunch);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(new Uri(report).AbsoluteUri);

        Assert.Empty(errors);
        Assert.True(await page.Locator("svg.timeline").CountAsync() > 0, "chain timelines drawn");
        Assert.True(await page.Locator("svg.hours rect.bar").CountAsync() > 0, "hour-of-day charts drawn");

        // Each cited post links to its first capture's screenshot and raw page, copied beside the report under their own
        // SHA-256; the screenshot opens as an image.
        var links = await page.Locator("small.evidence-links a").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))");
        Assert.Contains(links, l => l.EndsWith(".png", StringComparison.Ordinal));
        Assert.Contains(links, l => l.EndsWith(".txt", StringComparison.Ordinal));
        foreach (var link in links.Distinct())
        {
            var file = Path.Combine(Path.GetDirectoryName(report)!, link);
            Assert.True(File.Exists(file), $"{link} is linked but not beside the report");
            var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(file)));
            Assert.StartsWith(sha + ".", Path.GetFileName(file), StringComparison.Ordinal);
        }

        var shot = await browser.NewPageAsync();
        var response = await shot.GotoAsync(new Uri(Path.Combine(Path.GetDirectoryName(report)!, links.First(l => l.EndsWith(".png", StringComparison.Ordinal)))).AbsoluteUri);
        Assert.NotNull(response);
        Assert.Equal(1, await shot.Locator("img").CountAsync());

        // The README's picture of the report comes from here: COLLECTOR_WRITE_DOCS=1 tests/run.sh refreshes docs/report.png.
        if (Environment.GetEnvironmentVariable("COLLECTOR_WRITE_DOCS") == "1")
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Root(), "docs", "report.png"), FullPage = false });
        }
    }
}
