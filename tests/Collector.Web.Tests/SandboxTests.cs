using System.Collections.Concurrent;

namespace Collector.Web.Tests;

/// <summary>
/// In real Chromium: a captured page whose script tries to read the UI's cookies and call its API is shown (its DOM is
/// there) but its script never runs and nothing it asks for is fetched, framed in the UI or opened on its own.
/// </summary>
public sealed class SandboxTests(ServeFixture fixture) : IClassFixture<ServeFixture>
{
    [Fact]
    public async Task CapturedPage_ScriptReadingCookiesAndCallingApi_IsInert()
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var context = await browser.NewContextAsync();
        var requests = new ConcurrentQueue<string>();
        context.Request += (_, r) => requests.Enqueue(r.Url);
        var page = await context.NewPageAsync();
        var console = new ConcurrentQueue<string>();
        page.Console += (_, m) => console.Enqueue(m.Text);

        await page.GotoAsync(new Uri(fixture.Ui, "/?token=" + ServeFixture.Token).AbsoluteUri);
        var session = Assert.Single(await context.CookiesAsync(), c => c.Name == "collector_session");
        Assert.True(session.HttpOnly);

        await page.GotoAsync(new Uri(fixture.Ui, "/capture/c1").AbsoluteUri);
        var width = await page.Locator("img.shot").First.EvaluateAsync<int>("async img => { if (!img.complete) await new Promise(r => { img.onload = r; img.onerror = r; }); return img.naturalWidth; }");
        Assert.True(width > 0, "the screenshot loads from the artifact origin: " + string.Join(" | ", console));
        var frame = page.FrameLocator("iframe.dom:not(.raw)");
        Assert.Equal("Captured headline", await frame.Locator("#headline").TextContentAsync());
        var domFrame = page.Frames.Single(f => f.Url.Contains("/a/", StringComparison.Ordinal) && f.Url.Contains("text%2Fhtml", StringComparison.Ordinal));
        Assert.NotEqual(fixture.Ui.Port, new Uri(domFrame.Url).Port);

        // Opened on its own, at the top, the captured page is still sandboxed: its script does not rename it.
        var alone = await context.NewPageAsync();
        await alone.GotoAsync(domFrame.Url);
        Assert.Equal("captured page", await alone.TitleAsync());
        Assert.Equal("Captured headline", await alone.Locator("#headline").TextContentAsync());
        await page.WaitForTimeoutAsync(500);

        Assert.Equal(0, fixture.Trap.Connections);
        Assert.DoesNotContain(requests, u => u.Contains("/api/", StringComparison.Ordinal));
        Assert.Contains(requests, u => u.Contains("text%2Fhtml", StringComparison.Ordinal));
    }
}
