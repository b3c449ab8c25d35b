using Microsoft.Playwright;

namespace Collector.Crawler.Browser;

/// <summary>
/// A browser tab kept for reuse. Its event handlers are attached once, when it opens, and route to whichever capture is
/// running on it: dialogs are dismissed, pop-ups closed, downloads cancelled, and responses recorded.
/// </summary>
public sealed class PooledPage
{
    private NetworkRecorder? _recorder;
    private BodyMeter? _meter;
    private ICDPSession? _metered;
    private Task<ICDPSession>? _devTools;
    private int _crashed;

    internal PooledPage(IPage page, ContextSlot slot)
    {
        Page = page;
        Slot = slot;
        page.Dialog += (_, dialog) => _ = DismissAsync(dialog);
        page.Popup += (_, popup) => _ = CloseQuietlyAsync(popup);
        page.Download += (_, download) => _ = CancelAsync(download);
        page.Crash += (_, _) => Interlocked.Exchange(ref _crashed, 1);
        page.Request += (_, request) => _recorder?.OnRequest(request);
        page.Response += (_, response) => _recorder?.OnResponse(response);
        page.RequestFinished += (_, request) => _recorder?.OnRequestDone(request);
        page.RequestFailed += (_, request) => _recorder?.OnRequestDone(request);
    }

    public IPage Page { get; }

    internal ContextSlot Slot { get; }

    /// <summary>The renderer of this tab crashed: the tab is not reused.</summary>
    public bool Crashed => Volatile.Read(ref _crashed) == 1;

    /// <summary>Pages this tab has captured.</summary>
    public int Uses { get; private set; }

    /// <summary>The extra request headers currently set on the tab (set only when they change: each set is a round trip).</summary>
    internal IReadOnlyList<KeyValuePair<string, string>> ExtraHeaders { get; set; } = [];

    /// <summary>Routes the tab's network events to <paramref name="recorder"/> until <see cref="EndCapture"/>.</summary>
    public void BeginCapture(NetworkRecorder recorder)
    {
        Uses++;
        _recorder = recorder;
    }

    public void EndCapture()
    {
        _recorder = null;
        _meter = null;
    }

    /// <summary>
    /// Counts this capture's response bytes into <paramref name="meter"/> as they arrive: the tab's DevTools session
    /// listens to <c>Network.dataReceived</c> (enabled once per session, keeping no bodies of its own).
    /// </summary>
    internal async Task MeterAsync(BodyMeter meter, CancellationToken cancellationToken)
    {
        _meter = meter;
        var devTools = await DevToolsAsync().WaitAsync(cancellationToken);
        if (ReferenceEquals(devTools, _metered))
        {
            return;
        }

        devTools.Event("Network.dataReceived").OnEvent += (_, data) => _meter?.OnData(data);
        await devTools.SendAsync("Network.enable", new Dictionary<string, object> { ["maxTotalBufferSize"] = 0, ["maxResourceBufferSize"] = 0 })
            .WaitAsync(cancellationToken);
        _metered = devTools;
    }

    /// <summary>The tab's DevTools session, opened on first use and kept with the tab (one capture uses a tab at a time).</summary>
    internal Task<ICDPSession> DevToolsAsync()
    {
        if (_devTools is { IsFaulted: true } or { IsCanceled: true })
        {
            _devTools = null;
        }

        return _devTools ??= Page.Context.NewCDPSessionAsync(Page);
    }

    private static async Task DismissAsync(IDialog dialog)
    {
        try
        {
            // beforeunload: accepting lets the navigation go on; every other dialog is dismissed.
            if (dialog.Type == DialogType.BeforeUnload)
            {
                await dialog.AcceptAsync();
            }
            else
            {
                await dialog.DismissAsync();
            }
        }
        catch (PlaywrightException)
        {
            // The page closed with the dialog open: nothing to dismiss.
        }
    }

    private static async Task CloseQuietlyAsync(IPage popup)
    {
        try
        {
            await popup.CloseAsync(new PageCloseOptions { RunBeforeUnload = false });
        }
        catch (PlaywrightException)
        {
            // Already closed.
        }
    }

    private static async Task CancelAsync(IDownload download)
    {
        try
        {
            await download.CancelAsync();
        }
        catch (PlaywrightException)
        {
            // Downloads are refused by the context anyway; this only tidies up.
        }
    }
}
