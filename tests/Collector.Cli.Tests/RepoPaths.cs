namespace Collector.Cli.Tests;

internal static class RepoPaths
{
    public static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Collector.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Collector.sln not found above " + AppContext.BaseDirectory);
    }

    public const string Chromium = "/usr/lib/chromium/chromium";

    /// <summary>Debian's Chromium, headless, kept off the internet (no background fetches, updates, sync or QUIC).</summary>
    public static Microsoft.Playwright.BrowserTypeLaunchOptions ChromiumLaunch => new()
    {
        ExecutablePath = Chromium,
        Headless = true,
        Args = ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    };
}
