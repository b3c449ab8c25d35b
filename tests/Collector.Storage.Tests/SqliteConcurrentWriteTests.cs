using Collector.Model;
using Collector.Storage.Sqlite;

namespace Collector.Storage.Tests;

/// <summary>
/// Concurrent writers on one SQLite archive (what crawl workers are): each write is all-or-nothing on its own (a
/// failing write takes nothing of its neighbours with it), and a crawl queue fed and drained concurrently stores every
/// page exactly once and resumes after the archive is closed and opened again.
/// </summary>
public sealed class SqliteConcurrentWriteTests : IDisposable
{
    private readonly TempFolder folder = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string DbPath => Path.Combine(folder.Path, "group.db");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task RecordCapture_ConcurrentWithFailingWrites_FailuresRolledBackAloneOthersCommitted()
    {
        await using var archive = SqliteArchive.Open(DbPath, TimeProvider.System);
        var writes = Enumerable.Range(0, 60).Select(i => Task.Run(async () =>
        {
            var capture = TestData.Capture($"c{i}", TestData.T0.AddMinutes(i), TestData.Post($"p{i}"));
            if (i % 5 == 0)
            {
                // fails inside the write, after its post was already observed: that part must go too
                capture = capture with { RequestUrl = null! };
            }

            await archive.RecordCaptureAsync(capture, CaptureContext.None, Ct);
        }, Ct)).ToList();

        var outcomes = await Task.WhenAll(writes.Select(async w =>
        {
            try
            {
                await w;
                return true;
            }
            catch (Microsoft.Data.Sqlite.SqliteException)
            {
                return false;
            }
        }));

        Assert.Equal(48, outcomes.Count(ok => ok));
        var posts = await archive.QueryPostsAsync(new PostQuery(), Ct).Select(p => p.Post.Id).ToListAsync(Ct);
        Assert.Equal(48, posts.Count);
        Assert.DoesNotContain(posts, id => int.Parse(id[1..], System.Globalization.CultureInfo.InvariantCulture) % 5 == 0);
        Assert.Equal(48, await archive.QueryCapturesAsync(new CaptureQuery(), Ct).CountAsync(Ct));
        Assert.Equal(48, await archive.Custody.ReadAsync(1, Ct).CountAsync(Ct));
        Assert.True((await ArchiveVerifier.VerifyAsync(archive, Ct)).IsClean);
    }

    [Fact]
    public async Task Queue_ConcurrentEnqueueLeaseAndRecord_EveryRequestStoredOnceAndTheRestResumes()
    {
        const string crawl = "group-crawl";
        await using (var archive = SqliteArchive.Open(DbPath, TimeProvider.System))
        {
            // eight workers queue overlapping children (every key offered by two of them) and record what they lease
            await Task.WhenAll(Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
            {
                var offered = Enumerable.Range(w * 10, 20).Select(k => new QueueRequest { Url = $"https://example.test/{k}", UniqueKey = $"k{k}" });
                await archive.Queue.EnqueueAsync(crawl, offered, Ct);
                foreach (var lease in await archive.Queue.LeaseAsync(crawl, 5, TimeSpan.FromMinutes(5), Ct))
                {
                    var key = lease.Request.UniqueKey;
                    var capture = TestData.Capture("cap-" + key, TestData.T0, TestData.Post("post-" + key)) with { RequestUrl = lease.Request.Url };
                    await archive.RecordCaptureAsync(capture, new CaptureContext { Lease = lease }, Ct);
                }
            }, Ct)));

            var counts = await archive.Queue.CountAsync(crawl, Ct);
            Assert.Equal(90, counts.Total);
            Assert.Equal(40, counts.Done);
            Assert.Equal(50, counts.Pending);
        }

        // closed and opened again (as after a crash between runs): the rest is handed out, nothing done is handed out twice
        await using (var archive = SqliteArchive.Open(DbPath, TimeProvider.System))
        {
            var rest = await archive.Queue.LeaseAsync(crawl, 100, TimeSpan.FromMinutes(5), Ct);
            Assert.Equal(50, rest.Count);
            foreach (var lease in rest)
            {
                var key = lease.Request.UniqueKey;
                var capture = TestData.Capture("cap-" + key, TestData.T0, TestData.Post("post-" + key)) with { RequestUrl = lease.Request.Url };
                await archive.RecordCaptureAsync(capture, new CaptureContext { Lease = lease }, Ct);
            }

            Assert.Equal(new QueueCounts(0, 0, 90, 0), await archive.Queue.CountAsync(crawl, Ct));
            var captures = await archive.QueryCapturesAsync(new CaptureQuery(), Ct).Select(c => c.RequestUrl).ToListAsync(Ct);
            Assert.Equal(90, captures.Count);
            Assert.Equal(90, captures.Distinct().Count());
            Assert.Equal(90, await archive.QueryPostsAsync(new PostQuery(), Ct).CountAsync(Ct));
            Assert.True((await ArchiveVerifier.VerifyAsync(archive, Ct)).IsClean);
        }
    }

    [Fact]
    public async Task WriteAsync_AfterDispose_Refused()
    {
        var archive = SqliteArchive.Open(DbPath, TimeProvider.System);
        await archive.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => archive.Queue.EnqueueAsync("x", [new QueueRequest { Url = "https://example.test/", UniqueKey = "k" }], Ct));
    }
}
