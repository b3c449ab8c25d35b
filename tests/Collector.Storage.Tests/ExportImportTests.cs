using System.Text.Json;
using Collector.Model;
using Collector.Storage.Export;
using Collector.Storage.Sqlite;
using Parquet.Schema;
using Parquet.Serialization;

namespace Collector.Storage.Tests;

/// <summary>Exports (JSONL, CSV, Parquet) read back into an archive or a reader give the same posts; pseudonyms are consistent.</summary>
public sealed class ExportImportTests : IDisposable
{
    private readonly TempFolder folder = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => folder.Dispose();

    [Theory]
    [InlineData("jsonl")]
    [InlineData("csv")]
    public async Task Export_ThenImportIntoFreshArchive_GivesBackTheSamePosts(string format)
    {
        await using var source = await OpenAsync("source.db");
        var posts = await SeedAsync(source);
        var file = Path.Combine(folder.Path, "out." + format);
        await using (var stream = File.Create(file))
        {
            Assert.Equal(3, await PostExporter.WriteAsync(source.QueryPostsAsync(new PostQuery(), Ct), format, stream, null, Ct));
        }

        await using var target = await OpenAsync("target.db");
        var reader = new PostFileReader(file);
        var receipt = await target.ImportAsync(reader.Read(), new ImportContext { Origin = "out." + format }, Ct);

        Assert.Empty(reader.Errors);
        Assert.Equal(3, receipt.NewPosts);
        var back = await target.QueryPostsAsync(new PostQuery(), Ct).ToListAsync(Ct);
        Assert.All(back, p => Assert.True(p.Imported));
        foreach (var original in posts)
        {
            var copy = back.Single(p => p.Post.Key == original.Key).Post;
            Assert.Equal(PostContentHash.Compute(original), PostContentHash.Compute(copy));
            Assert.Equal(original.PublishedAt, copy.PublishedAt);
            Assert.Equal(original.Hashtags, copy.Hashtags);
        }
    }

    [Fact]
    public async Task ExportJsonl_EditedAndDeletedPost_ShowsLatestVersionAndTombstone()
    {
        await using var archive = await OpenAsync("a.db");
        await SeedAsync(archive);
        var jsonl = await ExportAsync(archive, "jsonl");

        var rows = jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var p1 = rows.Single(r => r.GetProperty("id").GetString() == "p1");
        var p2 = rows.Single(r => r.GetProperty("id").GetString() == "p2");

        Assert.Equal("edited text", p1.GetProperty("text").GetString());
        Assert.Equal(2, p1.GetProperty("versionCount").GetInt32());
        Assert.Equal(JsonValueKind.Null, p1.GetProperty("tombstone").ValueKind);
        Assert.Equal("not-found", p2.GetProperty("tombstone").GetProperty("reason").GetString());
        Assert.Equal("c3", p2.GetProperty("tombstone").GetProperty("captureId").GetString());
        Assert.Equal("2026-03-01T12:00:00Z", p1.GetProperty("firstSeen").GetString());
        Assert.Equal("2026-03-01T13:00:00Z", p1.GetProperty("lastSeen").GetString());
    }

    [Fact]
    public async Task ExportParquet_ReadBack_HasEveryPostWithArchiveColumns()
    {
        await using var archive = await OpenAsync("a.db");
        await SeedAsync(archive);
        var file = Path.Combine(folder.Path, "out.parquet");
        await using (var stream = File.Create(file))
        {
            await PostExporter.WriteAsync(archive.QueryPostsAsync(new PostQuery(), Ct), "parquet", stream, null, Ct);
        }

        await using var read = File.OpenRead(file);
        var table = await ParquetSerializer.DeserializeUntypedAsync(read, cancellationToken: Ct);
        var rows = table.Data;

        Assert.Equal(PostColumns.Names, table.Schema.Fields.Select(f => f.Name));
        Assert.Equal(["p1", "p2", "t1"], rows.Select(r => r["id"]?.ToString()).Order());
        var p1 = rows.Single(r => r["id"]?.ToString() == "p1");
        Assert.Equal("edited text", p1["text"]?.ToString());
        Assert.Equal(2L, p1["version_count"]);
        Assert.Equal(TestData.T0.UtcDateTime, p1["first_seen"]);
        Assert.Equal("not-found", rows.Single(r => r["id"]?.ToString() == "p2")["tombstone_reason"]?.ToString());
        Assert.Equal(5L, rows.Single(r => r["id"]?.ToString() == "t1")["likes"]);
        Assert.Null(rows.Single(r => r["id"]?.ToString() == "t1").GetValueOrDefault("views"));
    }

    [Fact]
    public void ParquetSchema_Columns_AreTypedUtcTimestampsListsAndNullableCounts()
    {
        var fields = ParquetPostWriter.Schema.Fields.ToDictionary(f => f.Name);

        var published = Assert.IsType<DateTimeDataField>(fields["published_at"]);
        Assert.True(published.IsAdjustedToUTC);
        Assert.Equal(DateTimeTimeUnit.Millis, published.Unit);
        Assert.Equal(DateTimeFormat.Timestamp, published.DateTimeFormat);
        Assert.IsType<ListField>(fields["links"]);
        Assert.IsType<ListField>(fields["media"]);
        var likes = Assert.IsType<DataField>(fields["likes"]);
        Assert.Equal(typeof(long), likes.ClrType);
        Assert.True(likes.IsNullable);
    }

    [Fact]
    public async Task ExportCsv_Header_IsThePostColumnsAndListsAreJsonArrays()
    {
        await using var archive = await OpenAsync("a.db");
        await SeedAsync(archive);

        var lines = (await ExportAsync(archive, "csv")).Split("\r\n");

        Assert.Equal(string.Join(',', PostColumns.Names), lines[0]);
        Assert.Contains(",\"[\"\"a\"\",\"\"b\"\"]\",", lines.Single(l => l.StartsWith("reddit,p1,", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void Readme_ColumnTable_IsThePostColumnsDefinition()
    {
        var readme = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "repo", "README.md")).ReplaceLineEndings("\n");

        Assert.Contains(PostColumns.MarkdownTable(), readme, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_Pseudonymized_ReplacesAuthorsConsistentlyAndKeyed()
    {
        await using var archive = await OpenAsync("a.db");
        var shared = new Author { Id = "u-1", Handle = "@Troll", Name = "Troll Farm", Url = "https://x.test/troll" };
        await archive.RecordCaptureAsync(TestData.Capture("c1", TestData.T0,
            TestData.Post("p1") with { Author = shared }, TestData.Post("p2") with { Author = shared with { Handle = "troll" } }, TestData.Post("p3")), CaptureContext.None, Ct);
        var keyA = Path.Combine(folder.Path, "a.key");
        var keyB = Path.Combine(folder.Path, "b.key");
        await File.WriteAllTextAsync(keyA, "a secret key of enough length\n", Ct);
        await File.WriteAllTextAsync(keyB, "another secret key, also long", Ct);

        var withA = await ExportAsync(archive, "jsonl", Pseudonymizer.FromKeyFile(keyA));
        var againA = await ExportAsync(archive, "jsonl", Pseudonymizer.FromKeyFile(keyA));
        var withB = await ExportAsync(archive, "jsonl", Pseudonymizer.FromKeyFile(keyB));

        Assert.Equal(withA, againA);
        Assert.DoesNotContain("Troll", withA, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("u-1", withA, StringComparison.Ordinal);
        var authors = withA.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("author")).ToList();
        Assert.Equal(authors[0].GetProperty("id").GetString(), authors[1].GetProperty("id").GetString());
        Assert.Equal(authors[0].GetProperty("handle").GetString(), authors[1].GetProperty("handle").GetString());
        Assert.NotEqual(authors[0].GetProperty("id").GetString(), authors[2].GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, authors[0].GetProperty("url").ValueKind);
        Assert.NotEqual(withA, withB);
    }

    [Fact]
    public async Task PseudonymizerKeyFile_TooShort_IsRejectedWithReason()
    {
        var key = Path.Combine(folder.Path, "short.key");
        await File.WriteAllTextAsync(key, "short", Ct);

        var ex = Assert.Throws<ArgumentException>(() => Pseudonymizer.FromKeyFile(key));

        Assert.Contains("too short", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportReader_BadLines_AreCountedAndDescribedNotDropped()
    {
        var file = Path.Combine(folder.Path, "bad.jsonl");
        await File.WriteAllLinesAsync(file, [CollectorJson.Serialize(TestData.Post("ok")), "{not json", """{"platform":"reddit"}""", ""], Ct);
        var reader = new PostFileReader(file);

        var posts = reader.Read().ToList();

        Assert.Equal(["ok"], posts.Select(p => p.Id));
        Assert.Equal(2, reader.Rejected);
        Assert.StartsWith("line 2:", reader.Errors[0], StringComparison.Ordinal);
        Assert.StartsWith("line 3:", reader.Errors[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportCsv_QuotedCommasAndNewlines_ReadBackExactly()
    {
        var file = Path.Combine(folder.Path, "in.csv");
        await File.WriteAllTextAsync(file, "platform,id,text,authorHandle,likes\r\nreddit,q1,\"hello, \"\"world\"\"\nline two\",bob,12\r\n", Ct);

        var post = Assert.Single(new PostFileReader(file).Read());

        Assert.Equal("hello, \"world\"\nline two", post.Text);
        Assert.Equal("bob", post.Author?.Handle);
        Assert.Equal(12, post.Metrics.Likes);
    }

    private async Task<IArchive> OpenAsync(string name) =>
        await new SqliteArchiveBackend(TimeProvider.System).OpenAsync("sqlite:" + Path.Combine(folder.Path, name), Ct);

    private static async Task<List<Post>> SeedAsync(IArchive archive)
    {
        var p1 = TestData.Post("p1", "first text") with { Hashtags = ["a", "b"], Media = [new Media { Type = "image", Url = "https://img.test/1.png" }] };
        var p2 = TestData.Post("p2", "to be deleted");
        var t1 = TestData.Post("t1", "telegram, with \"quotes\"\nand lines", likes: 5, platform: "telegram");
        await archive.RecordCaptureAsync(TestData.Capture("c1", TestData.T0, p1, p2, t1), CaptureContext.None, Ct);
        var edited = p1 with { Text = "edited text" };
        await archive.RecordCaptureAsync(TestData.Capture("c2", TestData.T0.AddHours(1), edited), CaptureContext.None, Ct);
        await archive.RecordCaptureAsync(TestData.Capture("c3", TestData.T0.AddHours(2)) with
        {
            Outcome = PageOutcome.NotFound, HttpStatus = 404, RequestUrl = p2.Url!, FinalUrl = p2.Url!,
        }, CaptureContext.None, Ct);
        return [edited, p2, t1];
    }

    private static async Task<string> ExportAsync(IArchive archive, string format, Pseudonymizer? pseudonymizer = null)
    {
        using var stream = new MemoryStream();
        await PostExporter.WriteAsync(archive.QueryPostsAsync(new PostQuery(), Ct), format, stream, pseudonymizer, Ct);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
