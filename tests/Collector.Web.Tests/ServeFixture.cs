using System.Net;

namespace Collector.Web.Tests;

/// <summary>The small archive served on loopback (ports chosen by the system), with a token, read-only or with actions.</summary>
public class ServeFixture : IAsyncLifetime
{
    protected virtual bool AllowActions => false;

    public const string Token = "test-token-0123456789abcdef";

    public SmallArchive Data { get; private set; } = null!;

    public ServeHost Host { get; private set; } = null!;


    public Uri Ui => Host.UiUrl;

    /// <summary>Where the hostile captured page would send what it stole.</summary>
    public TrapListener Trap { get; } = new();

    public async ValueTask InitializeAsync()
    {
        Data = SmallArchive.Open();
        var detectDir = await WriteDetectionAsync(Data.Folder);
        Host = await ServeHost.StartAsync(Options(AllowActions, exportDir: Path.Combine(Data.Folder, "exports"), detectDir: detectDir), Data.Archive, TimeProvider.System);
        await Data.FillAsync(Ui.GetLeftPart(UriPartial.Authority), Trap.Origin);
    }

    /// <summary>A detection output folder for --detect-dir, or null for none.</summary>
    protected virtual Task<string?> WriteDetectionAsync(string folder) => Task.FromResult<string?>(null);

    public static ServeOptions Options(bool allowActions = false, string? token = Token, string? exportDir = null, string? detectDir = null) => new()
    {
        ExportDir = exportDir,
        DetectDir = detectDir,
        Listen = new IPEndPoint(IPAddress.Loopback, 0),
        Token = token,
        AllowActions = allowActions,
    };

    /// <summary>A client that sends the token (redirects not followed, so tests see them).</summary>
    public HttpClient Client(bool withToken = true)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = Ui };
        if (withToken)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token);
        }

        return client;
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        if (Data is not null)
        {
            await Data.DisposeAsync();
        }

        Trap.Dispose();
    }
}

/// <summary>The same, started with --allow-actions.</summary>
public sealed class ActionsFixture : ServeFixture
{
    protected override bool AllowActions => true;
}
