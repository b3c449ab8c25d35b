using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Collector.Web.Tests;

/// <summary>"Run detection now" from the detection page: a background run with a progress page, its files in --detect-dir.</summary>
public sealed partial class DetectRunTests(RunDetectionFixture fixture) : IClassFixture<RunDetectionFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunDetection_FromThePage_ShowsProgressThenWritesResultsTheDetectionPageReads()
    {
        using var client = fixture.Client();
        var before = await client.GetStringAsync("/detect", Ct);
        Assert.Contains("No detection output: no chains.json in", before, StringComparison.Ordinal);
        Assert.Contains("action=\"/detect/run\"", before, StringComparison.Ordinal);

        using var started = await client.PostAsync("/detect/run", null, Ct);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        Assert.Equal("/detect/run", started.Headers.Location?.OriginalString);

        // The progress page reloads itself while the run goes; once it ends it says so and stops reloading.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        string progress;
        do
        {
            progress = await client.GetStringAsync("/detect/run", Ct);
            Assert.Contains("<progress class=\"run-progress\"", progress, StringComparison.Ordinal);
            if (!progress.Contains("http-equiv=\"refresh\"", StringComparison.Ordinal))
            {
                break;
            }

            await Task.Delay(200, Ct);
        }
        while (clock.Elapsed < TimeSpan.FromSeconds(60));

        Assert.DoesNotContain("http-equiv=\"refresh\"", progress, StringComparison.Ordinal);
        Assert.DoesNotContain("run-error", progress, StringComparison.Ordinal);
        Assert.Contains("<p class=\"run-phase\">finished</p>", progress, StringComparison.Ordinal);
        var archived = 0;
        await foreach (var _ in fixture.Data.Archive.QueryPostsAsync(new Storage.PostQuery(), Ct))
        {
            archived++;
        }

        Assert.True(archived > 0);
        Assert.Equal(archived.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), PostsRead().Match(progress).Groups[1].Value);

        var chainsFile = Path.Combine(fixture.DetectDir, "chains.json");
        Assert.True(File.Exists(chainsFile), "chains.json not written into --detect-dir");
        Assert.Empty(Directory.EnumerateDirectories(fixture.DetectDir));
        using var chains = JsonDocument.Parse(await File.ReadAllTextAsync(chainsFile, Ct));
        var count = chains.RootElement.GetProperty("chains").GetArrayLength();
        var after = await client.GetStringAsync("/detect", Ct);
        Assert.Contains($": {count} chains,", after, StringComparison.Ordinal);
        Assert.Contains("Last run from this page: <a href=\"/detect/run\">finished</a>", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunDetection_ReadOnlyServer_Refused()
    {
        await using var readOnly = new ServeFixture();
        await readOnly.InitializeAsync();
        using var client = readOnly.Client();

        using var response = await client.PostAsync("/detect/run", null, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("without --allow-actions", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Contains("Running detection from here needs --allow-actions", await client.GetStringAsync("/detect", Ct), StringComparison.Ordinal);
    }

    [GeneratedRegex("<td class=\"run-posts\">([^<]*)</td>")]
    private static partial Regex PostsRead();
}

/// <summary>The small archive served with --allow-actions and an empty --detect-dir.</summary>
public sealed class RunDetectionFixture : ServeFixture
{
    protected override bool AllowActions => true;

    public string DetectDir { get; private set; } = null!;

    protected override Task<string?> WriteDetectionAsync(string folder)
    {
        DetectDir = Path.Combine(folder, "detect-out");
        Directory.CreateDirectory(DetectDir);
        return Task.FromResult<string?>(DetectDir);
    }
}
