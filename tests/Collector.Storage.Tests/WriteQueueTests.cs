using Collector.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Collector.Storage.Tests;

/// <summary>
/// The SQLite writer's line: writes that wait are committed together (urgent ones all in the next batch, ordinary ones
/// a few at a time in arrival order), each undone alone when it fails, skipped when its caller gave up.
/// </summary>
public sealed class WriteQueueTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "collector-writequeue-" + Guid.NewGuid().ToString("n"));

    public WriteQueueTests() => Directory.CreateDirectory(_folder);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Add_WhileABatchRuns_UrgentWritesAllGoFirstThenOrdinaryOnesAFewAtATime()
    {
        using var entered = new ManualResetEventSlim();
        using var busy = new ManualResetEventSlim();
        var batches = new List<List<string>>();
        using var queue = new WriteQueue("test writer", batch =>
        {
            entered.Set();
            busy.Wait(Ct);
            batches.Add([.. batch.Select(i => ((Named)i).Name)]);
            foreach (var item in batch)
            {
                item.TryStart();
                item.Complete(null);
            }
        });
        var first = Add(queue, "first", urgent: false);
        entered.Wait(Ct); // the writer has taken "first" alone and waits on busy
        var waiting = Enumerable.Range(1, WriteQueue.MaxOrdinaryPerBatch + 2).Select(i => Add(queue, $"ordinary {i}", urgent: false))
            .Concat([Add(queue, "urgent 1", urgent: true), Add(queue, "urgent 2", urgent: true)]).ToList();

        busy.Set();
        await Task.WhenAll(waiting.Append(first));

        Assert.Equal(["first"], batches[0]);
        Assert.Equal(
            new[] { "urgent 1", "urgent 2" }.Concat(Enumerable.Range(1, WriteQueue.MaxOrdinaryPerBatch).Select(i => $"ordinary {i}")),
            batches[1]);
        Assert.Equal([$"ordinary {WriteQueue.MaxOrdinaryPerBatch + 1}", $"ordinary {WriteQueue.MaxOrdinaryPerBatch + 2}"], batches[2]);
    }

    [Fact]
    public async Task WriteAsync_OneWriteOfABatchThrows_OnlyItIsUndoneAndTheOthersCommit()
    {
        var (db, release, held) = await OpenHeldAsync("a.db");
        await using (db)
        using (release)
        {
            var a = db.WriteAsync(w => Insert(w, "a"), Ct);
            var b = db.WriteAsync<int>(w =>
            {
                Insert(w, "b");
                throw new InvalidOperationException("b fails after its insert");
            }, Ct);
            var c = db.WriteAsync(w => Insert(w, "c"), Ct);

            release.Set();
            await held;

            Assert.Equal(1, await a);
            Assert.Equal(1, await c);
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => b);
            Assert.Equal("b fails after its insert", error.Message);
            Assert.Equal(["a", "c"], await NamesAsync(db));
        }
    }

    [Fact]
    public async Task WriteAsync_CallerGivesUpWhileWaiting_TaskCancelledAndWriteNeverRuns()
    {
        var (db, release, held) = await OpenHeldAsync("b.db");
        await using (db)
        using (release)
        {
            using var giveUp = new CancellationTokenSource();
            var abandoned = db.WriteAsync(w => Insert(w, "abandoned"), giveUp.Token);
            var kept = db.WriteAsync(w => Insert(w, "kept"), Ct);

            await giveUp.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
            release.Set();
            await held;
            await kept;

            Assert.Equal(["kept"], await NamesAsync(db));
        }
    }

    [Fact]
    public async Task DisposeAsync_WritesStillWaiting_AreCommittedFirst()
    {
        var path = Path.Combine(_folder, "c.db");
        var db = SqliteDatabase.Open(path);
        await db.WriteAsync(w => w.Command("CREATE TABLE scratch(name TEXT)").ExecuteNonQuery(), Ct);
        var writes = Enumerable.Range(0, 20).Select(i => db.WriteAsync(w => Insert(w, $"n{i}"), Ct)).ToList();

        await db.DisposeAsync();

        Assert.All(writes, w => Assert.True(w.IsCompletedSuccessfully));
        var reopened = SqliteDatabase.Open(path);
        await using (reopened)
        {
            Assert.Equal(20, (await NamesAsync(reopened)).Count);
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>
    /// A database with a scratch table whose writer thread is held inside a write (the returned task) until the returned
    /// event is set: what is written meanwhile waits, and goes into one batch.
    /// </summary>
    private async Task<(SqliteDatabase Db, ManualResetEventSlim Release, Task Held)> OpenHeldAsync(string name)
    {
        var db = SqliteDatabase.Open(Path.Combine(_folder, name));
        await db.WriteAsync(w => w.Command("CREATE TABLE scratch(name TEXT)").ExecuteNonQuery(), Ct);
        using var entered = new ManualResetEventSlim();
        var release = new ManualResetEventSlim();
        var held = db.WriteAsync(_ =>
        {
            entered.Set();
            release.Wait(Ct);
            return 0;
        }, Ct);
        entered.Wait(Ct);
        return (db, release, held);
    }

    private static int Insert(SqliteDatabase.WriteScope w, string name) =>
        w.Command("INSERT INTO scratch(name) VALUES ($n)").Bind("$n", name).ExecuteNonQuery();

    private static async Task<List<string>> NamesAsync(SqliteDatabase db)
    {
        await using var connection = db.OpenReader();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT name FROM scratch ORDER BY rowid";
        var names = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync(Ct);
        while (await r.ReadAsync(Ct))
        {
            names.Add(r.GetString(0));
        }

        return names;
    }

    private static Task Add(WriteQueue queue, string name, bool urgent)
    {
        var item = new Named(name);
        queue.Add(item, urgent);
        return item.Done.Task;
    }

    private sealed class Named(string name) : WriteItem
    {
        public string Name => name;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override void Run(SqliteDatabase.WriteScope scope)
        {
        }

        public override void Fail(Exception error)
        {
        }

        public override void Complete(Exception? batchFailure) => Done.TrySetResult();
    }
}
