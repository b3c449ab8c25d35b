using Collector.Crawler.Fetching;
using Microsoft.Extensions.Logging;

namespace Collector.Crawler.Browser;

/// <summary>The browser fetcher's log messages (source-generated: some run once per page).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "Chromium {Version} started (pid {Pid})")]
    public static partial void BrowserStarted(ILogger logger, string version, int pid);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Chromium (pid {Pid}) was lost; relaunching")]
    public static partial void BrowserLost(ILogger logger, int pid);

    [LoggerMessage(EventId = 4133, Level = LogLevel.Warning, Message = "Playwright's driver, started ahead, failed ({Error}); starting it again")]
    public static partial void DriverRestarted(ILogger logger, string error);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "The browser disconnected during a capture")]
    public static partial void BrowserDisconnected(ILogger logger);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Debug, Message = "Could not close cleanly: {Message}")]
    public static partial void CloseFailed(ILogger logger, string message);

    [LoggerMessage(EventId = 4110, Level = LogLevel.Debug, Message = "Browser context {Number} opened ({Route})")]
    public static partial void ContextOpened(ILogger logger, int number, string route);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Debug, Message = "Browser context {Number} closed after {Pages} pages")]
    public static partial void ContextClosed(ILogger logger, int number, int pages);

    [LoggerMessage(EventId = 4112, Level = LogLevel.Information, Message = "Browser contexts retired: {Reason}")]
    public static partial void ContextsRetired(ILogger logger, string reason);

    [LoggerMessage(EventId = 4120, Level = LogLevel.Debug, Message = "{Url} ready ({How})")]
    public static partial void PageReady(ILogger logger, Uri url, WaitResult how);

    [LoggerMessage(EventId = 4121, Level = LogLevel.Debug, Message = "{Url} scrolled {Steps} times to {Items} items ({Stop})")]
    public static partial void Scrolled(ILogger logger, Uri url, int steps, int items, ScrollStop stop);

    [LoggerMessage(EventId = 4122, Level = LogLevel.Warning, Message = "{Url} hung past {Timeout}; its tab was closed")]
    public static partial void PageHung(ILogger logger, Uri url, TimeSpan timeout);

    [LoggerMessage(EventId = 4123, Level = LogLevel.Warning, Message = "Screenshot of {Url} failed: {Message}")]
    public static partial void ScreenshotFailed(ILogger logger, string url, string message);

    [LoggerMessage(EventId = 4132, Level = LogLevel.Warning, Message = "{Url} is {Height:F0} px tall: its screenshot stops at {MaxHeight} px (the rendered DOM holds the whole page)")]
    public static partial void ScreenshotCut(ILogger logger, string url, double height, int maxHeight);

    [LoggerMessage(EventId = 4131, Level = LogLevel.Debug, Message = "DevTools screenshot of {Url} failed ({Message}); Playwright's screenshot call is tried instead")]
    public static partial void ScreenshotFallback(ILogger logger, string url, string message);

    [LoggerMessage(EventId = 4124, Level = LogLevel.Debug, Message = "Browser fetch of {Url} failed ({Action}): {Message}")]
    public static partial void FetchFailed(ILogger logger, Uri url, FetchErrorAction action, string message);

    [LoggerMessage(EventId = 4134, Level = LogLevel.Warning, Message = "{Url}: a response passed the {Cap}-byte body cap ({Received} bytes received); the page was stopped")]
    public static partial void BodyOverCap(ILogger logger, Uri url, long cap, long received);

    [LoggerMessage(EventId = 4135, Level = LogLevel.Warning, Message = "{Url}: the rendered DOM has {Elements} elements, over the {Cap} cap; kept as the server sent it, without DOM or screenshot")]
    public static partial void DomOverCap(ILogger logger, Uri url, int elements, int cap);
}
