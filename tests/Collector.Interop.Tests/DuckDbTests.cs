using Collector.Model;
using Collector.Storage;
using Collector.Storage.Export;
using Collector.Storage.Sqlite;

namespace Collector.Interop.Tests;

/// <summary>DuckDB reads the CSV, Parquet and JSONL exports (of a real collection, and of chosen hard cases) alike.</summary>
[Collection(CollectedArchiveCollection.Name)]
public sealed class DuckDbTests(CollectedArchive collected)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CollectedExports_ReadByDuckDb_SameColumnsTypesRowsAndText()
    {
        var problems = await ExportCheck.ProblemsAsync(collected.Export("csv"), collected.Export("parquet"), collected.Export("jsonl"));

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        var nonAscii = await DuckDb.QueryAsync($"select count(*) n from {DuckDb.Parquet(collected.Export("parquet"))} where regexp_matches(text, '[^\\x00-\\x7F]')");
        Assert.True(nonAscii[0][0]!["n"]!.ToString() != "0", "the collected posts include non-ASCII text, so the unicode comparison means something");
    }

    [Fact]
    public async Task HardCases_ReadByDuckDb_KeepUnicodeListsNullsAndNeutralizeFormulasInCsvOnly()
    {
        using var dir = new TempDir();
        var posts = new[]
        {
            Post("cjk", "第一段：转发 🚀 ünïcödé\n\n第二段 second line") with
            {
                Hashtags = ["新闻", "news"], Links = ["https://例え.jp/ü?q=1"], Media = [new Media { Type = "image", Url = "https://img.test/①.png" }],
                Metrics = new Metrics { Likes = 3_000_000_000, Score = -4 },
            },
            Post("formula", "=HYPERLINK(\"http://evil.test\",\"click\")") with { Author = new Author { Handle = "@handle" } },
            Post("quotes", "a \"quoted\", comma\nand a line break"),
            Post("empty", null),
        };
        var (csv, parquet, jsonl) = await ExportAsync(dir.Path, posts);

        var problems = await ExportCheck.ProblemsAsync(csv, parquet, jsonl);
        var rows = await DuckDb.QueryAsync(
            $"select id, text, hashtags, links, media[1].url u, likes, score, views from {DuckDb.Parquet(parquet)} order by id",
            $"select id, text, author_handle from {DuckDb.Csv(csv)} order by id");

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        var cjk = rows[0].Single(r => r!["id"]!.GetValue<string>() == "cjk")!;
        Assert.Equal(posts[0].Text, cjk["text"]!.GetValue<string>());
        Assert.Equal("""["新闻","news"]""", cjk["hashtags"]!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Assert.Equal("https://img.test/①.png", cjk["u"]!.GetValue<string>());
        Assert.Equal("3000000000", cjk["likes"]!.ToString());
        Assert.Equal("-4", cjk["score"]!.ToString());
        Assert.Null(cjk["views"]);
        Assert.Null(rows[0].Single(r => r!["id"]!.GetValue<string>() == "empty")!["text"]);
        var formula = rows[1].Single(r => r!["id"]!.GetValue<string>() == "formula")!;
        Assert.Equal("'" + posts[1].Text, formula["text"]!.GetValue<string>());
        Assert.Equal("'@handle", formula["author_handle"]!.GetValue<string>());
        Assert.Equal(posts[2].Text, rows[1].Single(r => r!["id"]!.GetValue<string>() == "quotes")!["text"]!.GetValue<string>());
        Assert.Equal(posts[1].Text, rows[0].Single(r => r!["id"]!.GetValue<string>() == "formula")!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task ExportCheck_BrokenCsv_IsCaughtByDuckDb()
    {
        using var dir = new TempDir();
        var (csv, parquet, jsonl) = await ExportAsync(dir.Path, [Post("a", "one"), Post("b", "two")]);
        var lines = File.ReadAllLines(csv);
        lines[0] = lines[0].Replace("published_at", "PublishedAt", StringComparison.Ordinal);
        File.WriteAllLines(csv, lines[..^1]);

        var problems = await ExportCheck.ProblemsAsync(csv, parquet, jsonl);

        Assert.Contains(problems, p => p.StartsWith("csv columns", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("row counts differ", StringComparison.Ordinal));
    }

    private static Post Post(string id, string? text) => new()
    {
        Platform = "telegram", Id = id, Url = $"https://t.me/s/chan/{id}", Text = text, Author = new Author { Handle = "chan" },
        PublishedAt = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero).AddMinutes(id.Length),
    };

    private static async Task<(string Csv, string Parquet, string Jsonl)> ExportAsync(string dir, IReadOnlyList<Post> posts)
    {
        await using var archive = await new SqliteArchiveBackend(TimeProvider.System).OpenAsync("sqlite:" + Path.Combine(dir, "a.db"), Ct);
        await archive.ImportAsync(posts, new ImportContext { Origin = "interop" }, Ct);
        var paths = (Path.Combine(dir, "x.csv"), Path.Combine(dir, "x.parquet"), Path.Combine(dir, "x.jsonl"));
        foreach (var (format, path) in new[] { ("csv", paths.Item1), ("parquet", paths.Item2), ("jsonl", paths.Item3) })
        {
            await using var stream = File.Create(path);
            await PostExporter.WriteAsync(archive.QueryPostsAsync(new PostQuery(), Ct), format, stream, null, Ct);
        }

        return paths;
    }
}
