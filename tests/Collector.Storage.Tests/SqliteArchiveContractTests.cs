using Collector.Model;
using Collector.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Collector.Storage.Tests;

/// <summary>The archive contract on SQLite (a fresh database file per test), and what only SQLite stores.</summary>
public sealed class SqliteArchiveContractTests : ArchiveContractTests
{
    private readonly TempFolder folder = new();

    private string DbPath => Path.Combine(folder.Path, "archive.db");

    protected override async Task<IArchive> OpenFreshAsync() =>
        await new SqliteArchiveBackend(Time).OpenAsync("sqlite:" + DbPath, TestContext.Current.CancellationToken);

    protected override void Cleanup() => folder.Dispose();

    protected override Task AlterArtifactRecordAsync(string sha256) =>
        ExecuteAsync("UPDATE artifacts SET content_type = 'image/gif' WHERE sha256 = $s", sha256);

    protected override Task DeleteLastCustodyEntryAsync() => ExecuteAsync("DELETE FROM custody WHERE seq = (SELECT max(seq) FROM custody)");

    /// <summary>Runs one statement that must change exactly one row ($s bound to <paramref name="sha256"/> when given).</summary>
    private async Task ExecuteAsync(string sql, string? sha256 = null)
    {
        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DbPath, Pooling = false }.ToString()))
        {
            await connection.OpenAsync();
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = sql;
            if (sha256 is not null)
            {
                cmd.Parameters.AddWithValue("$s", sha256);
            }

            Assert.Equal(1, await cmd.ExecuteNonQueryAsync());
        }

        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task Custody_ReadBySubject_UsesTheIndexNotAScanOfTheLog()
    {
        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DbPath, Pooling = false }.ToString()))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = "EXPLAIN QUERY PLAN SELECT seq FROM custody WHERE action = 'capture' AND subject = 'c1' ORDER BY seq";
            var plan = new List<string>();
            await using (var r = await cmd.ExecuteReaderAsync(TestContext.Current.CancellationToken))
            {
                while (await r.ReadAsync(TestContext.Current.CancellationToken))
                {
                    plan.Add(r.GetString(3));
                }
            }

            Assert.Contains(plan, step => step.Contains("custody_action_subject", StringComparison.Ordinal));
        }

        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task Versions_StoredJsonAndChanges_AreExactlyWhatCollectorJsonWrites()
    {
        var ct = TestContext.Current.CancellationToken;
        var tricky = TestData.Post("q\"1\\", "quote \" backslash \\ newline \n tab \t bell \u0001 <b>&amp;</b> 'x'+y é 中文 😀 \u2028 end") with
        {
            Title = null,
            Media = [new Media { Type = "image", Url = "https://i.test/a?b=1&c=\"2\"" }],
            Hashtags = ["#один"],
        };
        var edited = tricky with { Text = tricky.Text + " edited", Hashtags = [], Metrics = new Metrics { Likes = 5, Views = 1L << 40 } };

        await Archive.RecordCaptureAsync(TestData.Capture("c1", TestData.T0, tricky), CaptureContext.None, ct);
        await Archive.RecordCaptureAsync(TestData.Capture("c2", TestData.T0.AddHours(1), edited), CaptureContext.None, ct);

        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DbPath, Pooling = false }.ToString());
        await connection.OpenAsync(ct);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT json, changes, typeof(json) FROM versions ORDER BY number";
        await using var r = await cmd.ExecuteReaderAsync(ct);
        Assert.True(await r.ReadAsync(ct));
        Assert.Equal(CollectorJson.Serialize(tricky), r.GetString(0));
        Assert.True(r.IsDBNull(1));
        Assert.Equal("text", r.GetString(2));
        Assert.True(await r.ReadAsync(ct));
        Assert.Equal(CollectorJson.Serialize(edited), r.GetString(0));
        Assert.Equal(CollectorJson.Serialize(PostDiff.Compare(tricky, edited)), r.GetString(1));
        Assert.False(await r.ReadAsync(ct));
    }

    /// <summary>
    /// The writer never checkpoints inside a commit; the background checkpointer must still copy committed pages into
    /// the database file while the archive stays open (else the WAL would only grow).
    /// </summary>
    [Fact]
    public async Task ManyCaptures_CommittedPagesReachTheDatabaseFileWhileOpen()
    {
        var ct = TestContext.Current.CancellationToken;
        var before = new FileInfo(DbPath).Length;
        for (var c = 0; c < 40; c++)
        {
            var posts = Enumerable.Range(0, 50).Select(i => TestData.Post($"c{c}p{i}", "some words to make the row longer " + new string('x', 300))).ToArray();
            await Archive.RecordCaptureAsync(TestData.Capture($"c{c}", TestData.T0.AddMinutes(c), posts), CaptureContext.None, ct);
        }

        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        while (new FileInfo(DbPath).Length < before + (1 << 20) && stopwatch.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(50, ct);
        }

        Assert.True(new FileInfo(DbPath).Length >= before + (1 << 20), $"database file still {new FileInfo(DbPath).Length} bytes (was {before})");
        Assert.Equal(2000, await Archive.QueryPostsAsync(new PostQuery(), ct).CountAsync(ct));
    }

    /// <summary>An archive written before versions moved to a rowid table (schema 2) opens, migrates and reads the same.</summary>
    [Fact]
    public async Task OpenSchema2Archive_MigratesVersionsKeepingEveryVersion()
    {
        var ct = TestContext.Current.CancellationToken;
        var path = Path.Combine(folder.Path, "old.db");
        await using (var archive = await new SqliteArchiveBackend(Time).OpenAsync("sqlite:" + path, ct))
        {
            await archive.RecordCaptureAsync(TestData.Capture("c1", TestData.T0, TestData.Post("p1", "first"), TestData.Post("p2")), CaptureContext.None, ct);
            await archive.RecordCaptureAsync(TestData.Capture("c2", TestData.T0.AddHours(1), TestData.Post("p1", "second")), CaptureContext.None, ct);
        }

        SqliteConnection.ClearAllPools();
        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            await connection.OpenAsync(ct);
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = """
                BEGIN;
                CREATE TABLE versions_old (
                    post_pk INTEGER NOT NULL, number INTEGER NOT NULL, content_hash TEXT NOT NULL, first_seen INTEGER NOT NULL,
                    capture_id TEXT, json TEXT NOT NULL, changes TEXT, PRIMARY KEY (post_pk, number)) WITHOUT ROWID;
                INSERT INTO versions_old SELECT post_pk, number, content_hash, first_seen, capture_id, json, changes FROM versions;
                DROP TABLE versions;
                ALTER TABLE versions_old RENAME TO versions;
                PRAGMA user_version = 2;
                COMMIT;
                """;
            await cmd.ExecuteNonQueryAsync(ct);
        }

        await using (var archive = await new SqliteArchiveBackend(Time).OpenAsync("sqlite:" + path, ct))
        {
            var history = (await archive.GetHistoryAsync(new PostKey("reddit", "p1"), ct))!;
            Assert.Equal(["first", "second"], history.Versions.Select(v => v.Post.Text));
            Assert.Equal("c2", history.Versions[1].CaptureId);
            await archive.RecordCaptureAsync(TestData.Capture("c3", TestData.T0.AddHours(2), TestData.Post("p1", "third")), CaptureContext.None, ct);
            Assert.Equal(3, (await archive.GetHistoryAsync(new PostKey("reddit", "p1"), ct))!.Versions.Count);
            Assert.Empty((await ArchiveVerifier.VerifyAsync(archive, ct)).Problems);
        }

        await using (var check = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            await check.OpenAsync(ct);
            await using var cmd = check.CreateCommand();
            cmd.CommandText = "SELECT (SELECT user_version FROM pragma_user_version), (SELECT count(*) FROM versions), (SELECT sql FROM sqlite_schema WHERE name = 'versions')";
            await using var r = await cmd.ExecuteReaderAsync(ct);
            Assert.True(await r.ReadAsync(ct));
            Assert.Equal(SqliteSchema.Latest, r.GetInt32(0));
            Assert.Equal(4, r.GetInt32(1));
            Assert.DoesNotContain("WITHOUT ROWID", r.GetString(2), StringComparison.OrdinalIgnoreCase);
        }
    }
}
