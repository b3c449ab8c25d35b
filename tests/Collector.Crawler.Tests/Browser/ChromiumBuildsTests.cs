using Collector.Crawler.Browser;

namespace Collector.Crawler.Tests.Browser;

public sealed class ChromiumBuildsTests
{
    [Fact]
    public void Choose_HeadlessShellInstalled_HeadlessShell() =>
        Assert.Equal(ChromiumBuilds.HeadlessShell, ChromiumBuilds.Choose(_ => true));

    [Fact]
    public void Choose_OnlyFullBrowserInstalled_FullBrowser() =>
        Assert.Equal(ChromiumBuilds.Full, ChromiumBuilds.Choose(path => path == ChromiumBuilds.Full));

    [Fact]
    public void Choose_NothingInstalled_FullBrowserSoTheLaunchErrorNamesIt() =>
        Assert.Equal(ChromiumBuilds.Full, ChromiumBuilds.Choose(_ => false));

    [Fact]
    public void FromConfig_NoExecutablePath_TheDefaultBuild()
    {
        var crawler = new Configuration.CrawlerOptions();
        Assert.Equal("", crawler.Browser.ExecutablePath);
        Assert.Equal(ChromiumBuilds.Default, BrowserFetcherOptions.FromConfig(crawler).ExecutablePath);
    }

    [Fact]
    public void FromConfig_ExecutablePathGiven_KeptAsGiven()
    {
        var crawler = new Configuration.CrawlerOptions();
        crawler.Browser.ExecutablePath = "/opt/chromium/chrome";
        Assert.Equal("/opt/chromium/chrome", BrowserFetcherOptions.FromConfig(crawler).ExecutablePath);
    }
}
