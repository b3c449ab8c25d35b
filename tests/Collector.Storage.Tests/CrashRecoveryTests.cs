using System.Diagnostics;
using Collector.Model;
using Collector.Storage.Export;
using Collector.Storage.Sqlite;

namespace Collector.Storage.Tests;

/// <summary>
/// A large import killed with SIGKILL part-way leaves the archive consistent: verify is clean, every committed post is
/// there exactly once, and running the import again completes it without storing anything twice. The child process is
/// this test executable running <see cref="CrashHelper_ImportUntilKilled"/> (which only works when the parent asks).
/// </summary>
public sealed class CrashRecoveryTests : IDisposable
{
    private const string HelperVariable = "COLLECTOR_STORAGE_CRASH_HELPER";
    private const int Posts = 60_000;
    private readonly TempFolder folder = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Import_KilledWithSigkill_LeavesArchiveCleanAndResumableWithoutDuplicates()
    {
        var db = Path.Combine(folder.Path, "crash.db");
        var file = Path.Combine(folder.Path, "posts.jsonl");
        await WritePostsAsync(file);

        using (var child = StartHelper(db, file))
        {
            var committed = await WaitForPostsAsync(db, child);
            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync(Ct);
            Assert.True(committed > 0, "the child committed something before it was killed");
        }

        await using (var archive = await new SqliteArchiveBackend(TimeProvider.System).OpenAsync("sqlite:" + db, Ct))
        {
            var verification = await ArchiveVerifier.VerifyAsync(archive, Ct);
            Assert.Empty(verification.Problems);
            var afterCrash = await archive.QueryPostsAsync(new PostQuery(), Ct).Select(p => p.Post.Id).ToListAsync(Ct);
            Assert.Equal(afterCrash.Count, afterCrash.Distinct().Count());
            Assert.InRange(afterCrash.Count, 1, Posts - 1);

            var reader = new PostFileReader(file);
            var receipt = await archive.ImportAsync(reader.Read(), new ImportContext { Origin = "posts.jsonl" }, Ct);

            Assert.Equal(Posts - afterCrash.Count, receipt.NewPosts);
            Assert.Equal(afterCrash.Count, receipt.UnchangedPosts);
            Assert.Equal(Posts, await archive.QueryPostsAsync(new PostQuery(), Ct).CountAsync(Ct));
            Assert.Empty((await ArchiveVerifier.VerifyAsync(archive, Ct)).Problems);
        }
    }

    [Fact]
    public async Task Import_KilledRepeatedly_EveryCommittedBatchSealedAndVerifyClean()
    {
        var db = Path.Combine(folder.Path, "loop.db");
        var file = Path.Combine(folder.Path, "posts.jsonl");
        await WritePostsAsync(file);

        long committed = 0;
        for (var round = 0; round < 3; round++)
        {
            using var child = StartHelper(db, file);
            committed = await WaitForPostsAsync(db, child, committed + 2000);
            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync(Ct);

            await using var archive = await new SqliteArchiveBackend(TimeProvider.System).OpenAsync("sqlite:" + db, Ct);
            var verification = await ArchiveVerifier.VerifyAsync(archive, Ct);
            Assert.Empty(verification.Problems);
            Assert.Empty(verification.Notes);
            var entries = await archive.Custody.ReadAsync(1, Ct).ToListAsync(Ct);
            var sealedVersions = entries.Where(e => e.Action == ImportLog.BatchAction)
                .SelectMany(e => e.Seals ?? []).Count(s => s.Table == RecordSeal.Versions);
            var posts = await archive.QueryPostsAsync(new PostQuery(), Ct).CountAsync(Ct);
            Assert.Equal(posts, sealedVersions);
            committed = posts;
        }
    }

    /// <summary>The child side of the crash test: imports the file given by the parent, slowly enough to be killed mid-way.</summary>
    [Fact]
    public async Task CrashHelper_ImportUntilKilled()
    {
        var spec = Environment.GetEnvironmentVariable(HelperVariable);
        Assert.SkipWhen(string.IsNullOrEmpty(spec), "runs only as the child process of the kill -9 test");
        var parts = spec!.Split('|');
        await using var archive = await new SqliteArchiveBackend(TimeProvider.System).OpenAsync("sqlite:" + parts[0], Ct);
        for (var round = 0; round < 1000; round++)
        {
            await archive.ImportAsync(new PostFileReader(parts[1]).Read(), new ImportContext { Origin = "posts.jsonl" }, Ct);
        }
    }

    [Fact]
    public async Task RecordCapture_TwoProcessesWritingAtOnce_NeitherCorruptsNorDuplicates()
    {
        var db = Path.Combine(folder.Path, "shared.db");
        using var first = StartHelper(db, "writer-a", nameof(ConcurrencyHelper_RecordCaptures));
        using var second = StartHelper(db, "writer-b", nameof(ConcurrencyHelper_RecordCaptures));
        await Task.WhenAll(first.WaitForExitAsync(Ct), second.WaitForExitAsync(Ct));

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        await using var archive = await new SqliteArchiveBackend(TimeProvider.System).OpenAsync("sqlite:" + db, Ct);
        Assert.Empty((await ArchiveVerifier.VerifyAsync(archive, Ct)).Problems);
        Assert.Equal(80, await archive.QueryCapturesAsync(new CaptureQuery { IncludePosts = false }, Ct).CountAsync(Ct));
        Assert.Equal(80, await archive.Custody.ReadAsync(1, Ct).CountAsync(Ct));
        Assert.Equal(41, await archive.QueryPostsAsync(new PostQuery(), Ct).CountAsync(Ct));
        var shared = (await archive.GetHistoryAsync(new PostKey("reddit", "shared"), Ct))!;
        Assert.Single(shared.Versions);
        Assert.Equal(80, shared.Observations.Count);
    }

    /// <summary>The child side of the two-writer test: 40 captures, each with a post of its own and one post both writers see.</summary>
    [Fact]
    public async Task ConcurrencyHelper_RecordCaptures()
    {
        var spec = Environment.GetEnvironmentVariable(HelperVariable);
        Assert.SkipWhen(string.IsNullOrEmpty(spec), "runs only as a child process of the two-writer test");
        var parts = spec!.Split('|');
        await using var archive = await new SqliteArchiveBackend(TimeProvider.System).OpenAsync("sqlite:" + parts[0], Ct);
        for (var i = 0; i < 40; i++)
        {
            var own = TestData.Post($"{parts[1]}-{i % 20}", "written by " + parts[1]);
            await archive.RecordCaptureAsync(TestData.Capture($"{parts[1]}-c{i}", TestData.T0.AddSeconds(i), own, TestData.Post("shared", "seen by both")), CaptureContext.None, Ct);
        }
    }

    private static async Task WritePostsAsync(string file)
    {
        await using var writer = new StreamWriter(file);
        for (var i = 0; i < Posts; i++)
        {
            await writer.WriteLineAsync(CollectorJson.Serialize(TestData.Post($"k{i}", $"post number {i} of the crash test")));
        }
    }

    private static Process StartHelper(string db, string file, string method = nameof(CrashHelper_ImportUntilKilled))
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(CrashRecoveryTests).Assembly.Location);
        }

        start.ArgumentList.Add("-method");
        start.ArgumentList.Add("*." + method);
        start.Environment[HelperVariable] = db + "|" + file;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<long> WaitForPostsAsync(string db, Process child, long atLeast = 4000)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            Assert.False(child.HasExited, "the helper process ended before it could be killed");
            if (File.Exists(db))
            {
                try
                {
                    using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=false");
                    connection.Open();
                    using var cmd = connection.CreateCommand();
                    cmd.CommandText = "SELECT count(*) FROM posts";
                    var n = (long)cmd.ExecuteScalar()!;
                    if (n >= atLeast)
                    {
                        return n;
                    }
                }
                catch (Microsoft.Data.Sqlite.SqliteException)
                {
                    // The schema is still being created by the child.
                }
            }

            await Task.Delay(20, Ct);
        }

        throw new TimeoutException($"the helper never committed {atLeast} posts");
    }
}
