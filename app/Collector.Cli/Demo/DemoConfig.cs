using System.Text.Json.Nodes;
using Collector.Model;
using Collector.Simulator;

namespace Collector.Cli.Demo;

/// <summary>The demo's configuration: one source per simulated platform, scheduled every few seconds, loopback allowed.</summary>
public static class DemoConfig
{
    public const int EverySeconds = 4;

    public static string Build(SimulatedPlatforms sim, string storeUri, string? timestampAuthority)
    {
        var sources = new JsonArray();
        foreach (var group in sim.SeedUrls.GroupBy(s => s.Platform))
        {
            var first = group.First();
            var browser = first.Render == RenderMode.Browser;
            var source = new JsonObject
            {
                ["name"] = group.Key.Key(),
                ["platform"] = first.ParserPlatform,
                ["targets"] = new JsonArray([.. group.Select(s => (JsonNode)s.Url.ToString())]),
                ["schedule"] = $"*/{EverySeconds} * * * * ?",
                ["render"] = browser ? "browser" : "http",
                ["maxPages"] = browser ? 60 : 400,
            };
            if (browser)
            {
                source["scroll"] = 6;
            }

            // Every source revisits every archived post each cycle, so edits and deletions are noticed (a browser source's
            // revisits go over plain HTTP first).
            source["watchWindow"] = "3650d";

            if (group.Key == SimPlatform.Forum)
            {
                source["follow"] = new JsonArray("a.post-link", "a[rel=next]");
            }

            sources.Add(source);
        }

        var config = new JsonObject
        {
            ["storage"] = new JsonObject { ["uri"] = storeUri },
            ["crawler"] = new JsonObject
            {
                ["contact"] = "demo@collector.invalid",
                ["allowPrivateAddresses"] = true,
                ["maxConcurrency"] = 8,
                ["perHostConcurrency"] = 4,
                ["requestsPerSecond"] = 50,
                ["browser"] = new JsonObject { ["recycleContextAfterPages"] = 100 },
            },
            ["evidence"] = new JsonObject
            {
                ["timestampAuthorities"] = timestampAuthority is null ? new JsonArray() : new JsonArray(timestampAuthority),
            },
            ["sources"] = sources,
        };
        return config.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }
}
