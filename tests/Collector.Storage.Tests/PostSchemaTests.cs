using System.Text.Json;
using Collector.Model;
using Collector.Storage.Export;
using Collector.Storage.Sqlite;
using Json.Schema;

namespace Collector.Storage.Tests;

/// <summary>model/post.schema.json is generated from the code, and every JSONL line an export writes validates against it.</summary>
public sealed class PostSchemaTests : IDisposable
{
    private readonly TempFolder folder = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => folder.Dispose();

    [Fact]
    public void PostSchemaFile_IsTheSchemaGeneratedFromTheCode()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "repo", "post.schema.json");

        Assert.True(File.ReadAllText(path).ReplaceLineEndings("\n") == PostJsonSchema.GenerateText(),
            "model/post.schema.json differs from PostJsonSchema.Generate(); write PostJsonSchema.GenerateText() to it");
    }

    [Fact]
    public async Task ExportJsonl_EveryLine_ValidatesAgainstThePostSchema()
    {
        await using var archive = await new SqliteArchiveBackend(TimeProvider.System).OpenAsync("sqlite:" + Path.Combine(folder.Path, "a.db"), Ct);
        var full = TestData.Post("p1", "第一段 with ünïcödé\n\nsecond paragraph\nline two") with
        {
            Title = "t", Language = "zh", Community = "c", ParentId = "p0", RootId = "p0", RepostOf = "q9",
            Hashtags = ["a"], Links = ["https://l.test/"], Media = [new Media { Type = "image", Url = "https://img.test/1.png" }],
            Metrics = new Metrics { Likes = 1, Comments = 2, Shares = 3, Views = 4, Score = -5 },
        };
        var bare = new Post { Platform = "telegram", Id = "t1" };
        await archive.RecordCaptureAsync(TestData.Capture("c1", TestData.T0, full, bare, TestData.Post("gone")), CaptureContext.None, Ct);
        await archive.RecordCaptureAsync(TestData.Capture("c2", TestData.T0.AddHours(1)) with
        {
            Outcome = PageOutcome.NotFound, HttpStatus = 404, RequestUrl = TestData.Post("gone").Url!, FinalUrl = TestData.Post("gone").Url!,
        }, CaptureContext.None, Ct);
        await archive.ImportAsync([new Post { Platform = "weibo", Id = "w1", Kind = "repost", Text = "imported" }], new ImportContext { Origin = "x.jsonl" }, Ct);

        using var stream = new MemoryStream();
        var written = await PostExporter.WriteAsync(archive.QueryPostsAsync(new PostQuery(), Ct), "jsonl", stream, null, Ct);
        var lines = System.Text.Encoding.UTF8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(4, written);
        Assert.Equal(4, lines.Length);
        Assert.Contains(lines, l => l.Contains("\"tombstone\":{", StringComparison.Ordinal));
        foreach (var line in lines)
        {
            var result = Validate(line);
            Assert.True(result.IsValid, line + "\n" + Describe(result));
        }
    }

    [Theory]
    [InlineData("""{"platform":42,"id":"1"}""")]
    [InlineData("""{"platform":"reddit"}""")]
    [InlineData("""{"platform":"Reddit","id":"1"}""")]
    [InlineData("""{"platform":"reddit","id":"1","text":"two  spaces"}""")]
    [InlineData("""{"platform":"reddit","id":"1","text":"a\n\n\nb"}""")]
    [InlineData("""{"platform":"reddit","id":"1","publishedAt":"2026-03-01T12:00:00+02:00"}""")]
    [InlineData("""{"platform":"reddit","id":"1","publishedAt":"yesterday"}""")]
    [InlineData("""{"platform":"reddit","id":"1","metrics":{"likes":"5"}}""")]
    [InlineData("""{"platform":"reddit","id":"1","hashtags":"a b"}""")]
    [InlineData("""{"platform":"reddit","id":"1","authorHandle":"bob"}""")]
    [InlineData("""{"platform":"reddit","id":"1","media":[{"type":"image"}]}""")]
    public void PostSchema_BrokenLine_IsRejected(string line) => Assert.False(Validate(line).IsValid, line);

    private static EvaluationResults Validate(string line)
    {
        var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "repo", "post.schema.json")), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        using var doc = JsonDocument.Parse(line);
        return schema.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
    }

    private static string Describe(EvaluationResults result) =>
        string.Join("\n", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).Select(d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}"));
}
