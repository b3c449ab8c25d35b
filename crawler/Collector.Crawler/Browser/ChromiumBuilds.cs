namespace Collector.Crawler.Browser;

/// <summary>
/// The two Chromium builds Debian packages, and which one the browser fetcher runs when the configuration names none.
/// Both are the same Chromium release (the one Playwright expects); they differ in the headless mode they run.
/// </summary>
public static class ChromiumBuilds
{
    /// <summary>
    /// The headless shell (<c>apt-get install chromium-headless-shell</c>): Chromium's original headless mode without the
    /// desktop browser around it, and what Playwright itself runs for headless Chromium. It renders the same pages with the
    /// same engine, for about a fifth less CPU per captured page on the bench site (screenshot included).
    /// </summary>
    public const string HeadlessShell = "/usr/lib/chromium/chromium-headless-shell";

    /// <summary>The desktop browser (<c>apt-get install chromium</c>) in its new headless mode.</summary>
    public const string Full = "/usr/lib/chromium/chromium";

    /// <summary>The headless shell where it is installed, else the full browser.</summary>
    public static string Default => Choose(File.Exists);

    /// <param name="installed">Whether a file exists (a parameter so the choice can be tested without installing).</param>
    public static string Choose(Func<string, bool> installed)
    {
        ArgumentNullException.ThrowIfNull(installed);
        return installed(HeadlessShell) ? HeadlessShell : Full;
    }
}
