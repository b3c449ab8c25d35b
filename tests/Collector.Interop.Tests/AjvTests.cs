namespace Collector.Interop.Tests;

/// <summary>ajv-cli (JSON Schema 2020-12, strict mode, ajv-formats) validates every exported JSONL line against model/post.schema.json.</summary>
[Collection(CollectedArchiveCollection.Name)]
public sealed class AjvTests(CollectedArchive collected)
{
    [Fact]
    public async Task CollectedJsonl_EveryLine_ValidatesWithAjv()
    {
        using var dir = new TempDir();
        var lines = File.ReadAllLines(collected.Export("jsonl"));

        var (code, output) = await ValidateAsync(dir.Path, lines);

        Assert.True(lines.Length > 0);
        Assert.True(code == 0, output);
        Assert.Equal(lines.Length, output.Split('\n').Count(l => l.EndsWith(" valid", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Ajv_BrokenLine_IsReportedInvalid()
    {
        using var dir = new TempDir();
        var good = File.ReadLines(collected.Export("jsonl")).First();

        var (code, output) = await ValidateAsync(dir.Path, [good, good.Replace("\"platform\":\"", "\"platform\":\"UPPER ", StringComparison.Ordinal)]);

        Assert.NotEqual(0, code);
        Assert.Contains("line-00001.json invalid", output, StringComparison.Ordinal);
        Assert.Contains("/platform", output, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output)> ValidateAsync(string dir, string[] lines)
    {
        var node = ThirdPartyTools.NodeWith("ajv-cli");
        ThirdPartyTools.NodeWith("ajv-formats");
        for (var i = 0; i < lines.Length; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(dir, $"line-{i:00000}.json"), lines[i], TestContext.Current.CancellationToken);
        }

        var schema = Path.Combine(AppContext.BaseDirectory, "post.schema.json");
        var cli = Path.Combine(ThirdPartyTools.ToolsDir, "node_modules", "ajv-cli", "dist", "index.js");
        var formats = Path.Combine(ThirdPartyTools.ToolsDir, "node_modules", "ajv-formats");
        return await ThirdPartyTools.RunAsync(node, cli, "validate", "--spec=draft2020", "--strict=true", "--allow-union-types", "--errors=line",
            "-c", formats, "-s", schema, "-d", Path.Combine(dir, "line-*.json"));
    }
}
