using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Collector.Crawler.Browser;

/// <summary>
/// The one Chromium of this process: started on first use, shared by every fetch, relaunched when it crashes or is
/// killed. Knows the browser's process id (found by a marker switch on its command line) so its memory can be read.
/// </summary>
public sealed class ChromiumHost : IAsyncDisposable
{
    private readonly BrowserFetcherOptions _options;
    private readonly ILogger<ChromiumHost> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _driverSync = new();
    private Task<IPlaywright>? _driver;
    private bool _driverClosed;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private int? _pid;
    private int _launches;
    private bool _disposed;

    public ChromiumHost(BrowserFetcherOptions options, ILogger<ChromiumHost> logger)
    {
        _options = options;
        _logger = logger;
    }

    /// <summary>How many times Chromium was started (1 + relaunches after crashes).</summary>
    public int Launches => Volatile.Read(ref _launches);

    /// <summary>The running browser's main process id, or null when none runs (or it could not be found).</summary>
    public int? BrowserProcessId => _browser is { IsConnected: true } ? _pid : null;

    /// <summary>
    /// Starts Playwright's driver (a Node process: about a second of CPU on two cores) in the background, for a caller
    /// that knows the browser will be wanted and still has start-up work of its own (opening the archive): the launch
    /// then finds the driver running. A driver that fails to start here is started again, and its error reported, at launch.
    /// </summary>
    public void StartDriver()
    {
        lock (_driverSync)
        {
            if (_playwright is null && !_driverClosed)
            {
                _driver ??= Microsoft.Playwright.Playwright.CreateAsync();
            }
        }
    }

    /// <summary>The running browser, started (or restarted after a crash) when needed.</summary>
    public async Task<IBrowser> GetBrowserAsync(CancellationToken cancellationToken)
    {
        var current = _browser;
        if (current is { IsConnected: true })
        {
            return current;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_browser is { IsConnected: true })
            {
                return _browser;
            }

            if (_browser is not null)
            {
                Log.BrowserLost(_logger, _pid ?? 0);
                await SafeCloseAsync(_browser);
                _browser = null;
            }

            var marker = "--collector-browser=" + Guid.NewGuid().ToString("n", CultureInfo.InvariantCulture);
            IBrowser browser;
            try
            {
                _playwright ??= await DriverAsync();
                browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    Headless = true,
                    ExecutablePath = _options.ExecutablePath,
                    Args = [.. BrowserFetcherOptions.QuietArguments, "--disable-gpu", .. _options.ExtraArguments, marker],
                    Timeout = 60_000,
                }).WaitAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                if (!File.Exists(_options.ExecutablePath))
                {
                    throw new BrowserLaunchException($"Chromium is not installed at '{_options.ExecutablePath}' (apt-get install -y chromium-headless-shell chromium, or set crawler.browser.executablePath).", ex);
                }

                throw new BrowserLaunchException($"Chromium could not be started from '{_options.ExecutablePath}': {ex.Message}", ex);
            }

            _pid = ProcessTreeMemory.FindByArgument(marker);
            _browser = browser;
            Interlocked.Increment(ref _launches);
            Log.BrowserStarted(_logger, browser.Version, _pid ?? 0);
            return browser;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Memory of the browser's whole process tree now (<see cref="MemorySample.None"/> when no browser runs).</summary>
    public MemorySample MeasureMemory() =>
        BrowserProcessId is { } pid ? ProcessTreeMemory.Measure(pid) : MemorySample.None;

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (_browser is not null)
            {
                await SafeCloseAsync(_browser);
            }

            _playwright?.Dispose();
            if (TakeStartedDriver(closing: true) is { } unused)
            {
                try
                {
                    (await unused).Dispose();
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    // a driver started ahead and never used failed to start: nothing to stop
                }
            }
        }
        finally
        {
            _gate.Release();
        }

        _gate.Dispose();
    }

    /// <summary>The driver <see cref="StartDriver"/> started, or a new one when none was (or it failed).</summary>
    private async Task<IPlaywright> DriverAsync()
    {
        if (TakeStartedDriver(closing: false) is { } started)
        {
            try
            {
                return await started;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.DriverRestarted(_logger, ex.Message);
            }
        }

        return await Microsoft.Playwright.Playwright.CreateAsync();
    }

    /// <summary>The driver started ahead and not yet taken (null when none); <paramref name="closing"/> also refuses later starts.</summary>
    private Task<IPlaywright>? TakeStartedDriver(bool closing)
    {
        lock (_driverSync)
        {
            var started = _driver;
            _driver = null;
            _driverClosed |= closing;
            return started;
        }
    }

    private async Task SafeCloseAsync(IBrowser browser)
    {
        try
        {
            await browser.CloseAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
        {
            Log.CloseFailed(_logger, ex.Message);
            KillQuietly(_pid);
        }
    }

    /// <summary>A browser that would not close is ended by its own pid (never by name: other Chromiums may run here).</summary>
    private static void KillQuietly(int? pid)
    {
        if (pid is null)
        {
            return;
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid.Value);
            process.Kill(entireProcessTree: true);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }
    }
}

/// <summary>Chromium could not be started at all: nothing can be rendered in this run.</summary>
public sealed class BrowserLaunchException : Exception
{
    public BrowserLaunchException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
