using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Collector.Simulator.Tests;

/// <summary>One running simulation shared by the read-only tests (tests that mutate the world or switch faults start their own).</summary>
public sealed class SimFixture : IAsyncLifetime
{
    public SimulatedPlatforms Sim { get; private set; } = null!;

    public HttpClient Http { get; } = new(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };

    public async ValueTask InitializeAsync() => Sim = await SimulatedPlatforms.StartAsync(new SimulationOptions { Seed = 7 });

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Sim.DisposeAsync();
    }
}

/// <summary>Fetching and parsing helpers.</summary>
public static class Fetch
{
    private static readonly HtmlParser Parser = new();

    public static async Task<string> TextAsync(this HttpClient http, Uri url)
    {
        using var response = await http.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{url} answered {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    public static async Task<JsonElement> JsonAsync(this HttpClient http, Uri url)
    {
        using var doc = JsonDocument.Parse(await http.TextAsync(url));
        return doc.RootElement.Clone();
    }

    public static async Task<IDocument> HtmlAsync(this HttpClient http, Uri url) => Parser.ParseDocument(await http.TextAsync(url));

    public static async Task<int> StatusAsync(this HttpClient http, Uri url)
    {
        using var response = await http.GetAsync(url, TestContext.Current.CancellationToken);
        return (int)response.StatusCode;
    }

    public static IDocument Html(string html) => Parser.ParseDocument(html);
}
