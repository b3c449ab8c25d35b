using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Collector.Web.Pages;

/// <summary>The UI's stylesheet and script, embedded in the assembly (nothing is read from disk, nothing from the internet).</summary>
public static class AssetEndpoints
{
    private static readonly Dictionary<string, (string Type, byte[] Bytes)> Assets = new(StringComparer.Ordinal)
    {
        ["site.css"] = ("text/css; charset=utf-8", Read("site.css")),
        ["site.js"] = ("text/javascript; charset=utf-8", Read("site.js")),
    };

    public static void Map(WebApplication app) =>
        app.MapGet("/assets/{name}", (string name) =>
            Assets.TryGetValue(name, out var a) ? Results.Bytes(a.Bytes, a.Type) : Results.NotFound());

    private static byte[] Read(string name)
    {
        using var s = typeof(AssetEndpoints).Assembly.GetManifestResourceStream("Collector.Web.Assets." + name)
            ?? throw new InvalidOperationException("missing embedded asset " + name);
        using var m = new MemoryStream();
        s.CopyTo(m);
        return m.ToArray();
    }
}
