using Microsoft.Playwright;

namespace Collector.Web.Tests;

/// <summary>The Debian Chromium, launched offline (no background traffic), as the other browser tests launch it.</summary>
internal static class Chromium
{
    public const string Path = "/usr/lib/chromium/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        Assert.SkipWhen(!File.Exists(Path), $"Chromium is not installed at {Path} (apt-get install -y chromium)");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Path,
            Headless = true,
            Args = ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        return (playwright, browser);
    }
}
