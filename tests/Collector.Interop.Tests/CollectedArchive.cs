using System.Text.Json.Nodes;
using Collector.Cli;
using Collector.Evidence.Timestamps;
using Collector.Model;
using Collector.Simulator;

namespace Collector.Interop.Tests;

/// <summary>
/// Real outputs of the whole pipeline, made once for the interop tests: the simulated platforms (Kestrel on loopback)
/// collected over HTTP by `collector run --once` with a loopback RFC 3161 authority, then `collector export` in every
/// format (CSV, Parquet, JSONL, WACZ, a case bundle) and `collector detect`.
/// </summary>
public sealed class CollectedArchive : IAsyncLifetime
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("collector-interop-");

    public string Dir => root.FullName;

    public string Store => "sqlite:" + Path.Combine(Dir, "archive.db");

    public string Export(string format) => Path.Combine(Dir, "posts." + format);

    public string Wacz => Path.Combine(Dir, "site.wacz");

    public string Bundle => Path.Combine(Dir, "case.zip");

    public string Report => Path.Combine(Dir, "report");

    /// <summary>The loopback authority's CA and signing certificate, as PEM, for `openssl ts -verify`.</summary>
    public (string Ca, string Tsa) Pem { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var sim = await SimulatedPlatforms.StartAsync(new SimulationOptions { PostsPerCommunity = 8 }, ct);
        await using var tsa = await LoopbackTimestampAuthority.StartAsync(cancellationToken: ct);
        Pem = tsa.WritePem(Dir);
        var config = Path.Combine(Dir, "collector.json");
        await File.WriteAllTextAsync(config, Config(sim, tsa.Url), ct);

        await Run("run", "--config", config, "--once");
        foreach (var format in new[] { "csv", "parquet", "jsonl" })
        {
            await Run("export", "--format", format, "--out", Export(format), "--store", Store);
        }

        await Run("export", "--format", "wacz", "--out", Wacz, "--store", Store);
        await Run("detect", "--store", Store, "--out", Report);
        var first = File.ReadLines(Export("jsonl")).Select(l => JsonNode.Parse(l)!).First(p => p["url"] is not null);
        await Run("export", "--format", "bundle", "--out", Bundle, "--store", Store, "--post", $"{first["platform"]}:{first["id"]}");
    }

    public ValueTask DisposeAsync()
    {
        root.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }

    private static async Task Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CollectorCli.RunAsync(args, stdout, stderr);
        if (code != 0)
        {
            throw new InvalidOperationException($"collector {string.Join(' ', args)} exited {code}\n{stdout}\n{stderr}");
        }
    }

    private string Config(SimulatedPlatforms sim, Uri tsa)
    {
        var sources = new JsonArray();
        foreach (var group in sim.SeedUrls.Where(s => s.Render == RenderMode.Http).GroupBy(s => s.Platform))
        {
            var source = new JsonObject
            {
                ["name"] = group.Key.ToString().ToLowerInvariant(),
                ["platform"] = group.First().ParserPlatform,
                ["targets"] = new JsonArray([.. group.Select(s => (JsonNode)s.Url.ToString())]),
                ["render"] = "http",
                ["maxPages"] = 60,
            };
            if (group.Key == SimPlatform.Forum)
            {
                source["follow"] = new JsonArray("a.post-link", "a[rel=next]");
            }

            sources.Add(source);
        }

        return new JsonObject
        {
            ["storage"] = new JsonObject { ["uri"] = Store },
            ["crawler"] = new JsonObject { ["contact"] = "interop@collector.invalid", ["allowPrivateAddresses"] = true, ["requestsPerSecond"] = 50 },
            ["evidence"] = new JsonObject { ["timestampAuthorities"] = new JsonArray(tsa.ToString()) },
            ["sources"] = sources,
        }.ToJsonString();
    }
}

[CollectionDefinition(Name)]
public sealed class CollectedArchiveCollection : ICollectionFixture<CollectedArchive>
{
    public const string Name = "collected archive";
}
