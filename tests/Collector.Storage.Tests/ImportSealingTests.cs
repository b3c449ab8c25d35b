using Collector.Model;
using Collector.Storage.Export;

namespace Collector.Storage.Tests;

/// <summary>Imports: malformed lines named and skipped, the rest imported in sealed batches with a closing entry.</summary>
public sealed class ImportSealingTests : IDisposable
{
    private readonly TempFolder folder = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Read_MalformedLines_NamesLineAndFieldAndSkipsThem()
    {
        var file = Path.Combine(folder.Path, "posts.jsonl");
        var good = CollectorJson.Serialize(TestData.Post("ok1"));
        await File.WriteAllLinesAsync(file, [
            good,
            good.Replace("\"publishedAt\":\"2026-02-28T12:00:00Z\"", "\"publishedAt\":\"last tuesday\"", StringComparison.Ordinal),
            """{"platform":"reddit","id":"n1","metrics":{"likes":"many"}}""",
            """{"platform":"reddit","text":"no id"}""",
            "{ not json",
            CollectorJson.Serialize(TestData.Post("ok2")),
        ], Ct);
        Assert.Contains("\"publishedAt\":\"2026-02-28T12:00:00Z\"", good, StringComparison.Ordinal);

        var reader = new PostFileReader(file);
        var posts = reader.Read().ToList();

        Assert.Equal(["ok1", "ok2"], posts.Select(p => p.Id));
        Assert.Equal(4, reader.Rejected);
        Assert.StartsWith("line 2: publishedAt: 'last tuesday' is not a date and time", reader.Errors[0], StringComparison.Ordinal);
        Assert.StartsWith("line 3: metrics.likes: ", reader.Errors[1], StringComparison.Ordinal);
        Assert.Equal("line 4: id: missing", reader.Errors[2]);
        Assert.StartsWith("line 5: ", reader.Errors[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_ThreeBatches_OneSealedEntryPerBatchAndAClosingEntry()
    {
        await using var archive = await new Sqlite.SqliteArchiveBackend(TimeProvider.System).OpenAsync("sqlite:" + Path.Combine(folder.Path, "a.db"), Ct);
        var posts = Enumerable.Range(0, 4500).Select(i => TestData.Post($"i{i}")).ToList();

        var receipt = await archive.ImportAsync(posts, new ImportContext { Origin = "big.jsonl", SkippedLines = () => 7 }, Ct);

        Assert.Equal(3, receipt.Batches);
        var entries = await archive.Custody.ReadAsync(1, Ct).ToListAsync(Ct);
        Assert.Equal(["import", "import", "import", "import-end"], entries.Select(e => e.Action));
        Assert.Equal([4000, 4000, 1000], entries.Take(3).Select(e => e.Seals!.Count));
        Assert.Contains("7 malformed lines skipped", entries[3].Detail, StringComparison.Ordinal);
        Assert.True((await ArchiveVerifier.VerifyAsync(archive, Ct)).IsClean);
    }
}
