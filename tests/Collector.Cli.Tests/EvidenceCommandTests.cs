using Collector.Model;

namespace Collector.Cli.Tests;

/// <summary>`collector import`, `verify` and `status` on what sealing and anchoring add.</summary>
public sealed class EvidenceCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("collector-cli-evidence-").FullName;

    private string Store => "sqlite:" + Path.Combine(folder, "a.db");

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Import_FileWithBadLines_ExitZeroWithCountsAndLineNumbers()
    {
        var file = Path.Combine(folder, "posts.jsonl");
        var lines = Enumerable.Range(0, 2500).Select(i => CollectorJson.Serialize(new Post { Platform = "reddit", Id = $"p{i}", Text = $"post {i}" })).ToArray();
        lines[2399] = """{"platform":"reddit","id":"bad","publishedAt":"not a date"}""";
        lines[9] = """{"platform":"reddit"}""";
        await File.WriteAllLinesAsync(file, lines, TestContext.Current.CancellationToken);

        var (code, stdout, stderr) = await CliSurfaceTests.RunAsync("import", file, "--store", Store);
        var (verified, verifyOut, _) = await CliSurfaceTests.RunAsync("verify", "--store", Store);

        Assert.Equal(0, code);
        Assert.Contains("2498 new, 0 changed, 0 unchanged, 2 skipped as malformed, in 2 sealed batches", stdout, StringComparison.Ordinal);
        Assert.Contains("import: skipped line 10: id: missing", stderr, StringComparison.Ordinal);
        Assert.Contains("import: skipped line 2400: publishedAt: 'not a date' is not a date and time", stderr, StringComparison.Ordinal);
        Assert.Equal(0, verified);
        Assert.Contains("verify: clean: ", verifyOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_PrintsTheCustodyHead_AndVerifyReportsTheSame()
    {
        var file = Path.Combine(folder, "posts.jsonl");
        await File.WriteAllLinesAsync(file, [CollectorJson.Serialize(new Post { Platform = "reddit", Id = "p1", Text = "one" })], TestContext.Current.CancellationToken);
        var config = Path.Combine(folder, "collector.json");
        await File.WriteAllTextAsync(config, """{ "sources": [] }""", TestContext.Current.CancellationToken);
        await CliSurfaceTests.RunAsync("import", file, "--store", Store);

        var (code, stdout, _) = await CliSurfaceTests.RunAsync("status", "--config", config, "--store", Store);

        Assert.Equal(0, code);
        var head = stdout.Split('\n').Single(l => l.StartsWith("custody head: entry 2 ", StringComparison.Ordinal));
        var anchors = await File.ReadAllLinesAsync(Path.Combine(folder, "a.db.anchors"), TestContext.Current.CancellationToken);
        Assert.Contains(head["custody head: entry 2 ".Length..].Trim(), anchors[^1], StringComparison.Ordinal);
    }
}
