using Collector.Model;
using Microsoft.Data.Sqlite;

namespace Collector.Storage.Tests;

/// <summary>The anchor file beside the archive, and runs whose process died.</summary>
public sealed class CustodyAnchorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AppendAsync_ManyWritersAtOnce_EveryLineWholeAndReadable()
    {
        var folder = Directory.CreateTempSubdirectory("collector-anchors-").FullName;
        try
        {
            var path = Path.Combine(folder, "a.db" + CustodyAnchors.Suffix);
            var at = new DateTimeOffset(2026, 12, 7, 14, 0, 0, TimeSpan.Zero);
            const int writers = 8, each = 25;

            // the demo's case: every source's run ends at once, each appending the head it saw
            await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
            {
                for (var i = 0; i < each; i++)
                {
                    var entry = new CustodyEntry { Sequence = w * 1000 + i, Hash = new string((char)('a' + w), 64), At = at, Action = "run-end", Subject = $"run-{w}-{i}", ToolVersion = "test", Host = "test", PreviousHash = "" };
                    await CustodyAnchors.AppendAsync(path, entry, $"end of run run-{w}-{i}", at, Ct);
                }
            }, Ct)));

            var (anchors, problems) = CustodyAnchors.Read(path);
            Assert.Empty(problems);
            Assert.Equal(writers * each, anchors.Count);
            Assert.Equal(writers * each, anchors.Select(a => a.Sequence).Distinct().Count());
            Assert.All(anchors, a => Assert.Equal(new string((char)('a' + a.Sequence / 1000), 64), a.Hash));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task RunEndAndImport_AppendTheHeadToTheAnchorFile()
    {
        using var archive = await SealedArchive.BuildAsync(Ct);

        var (anchors, problems) = CustodyAnchors.Read(archive.DbPath + CustodyAnchors.Suffix);
        var result = await archive.VerifyAsync(Ct);

        Assert.Empty(problems);
        Assert.Equal([6L, 7L], anchors.Select(a => a.Sequence)); // the import's end, the run's end
        Assert.Equal(result.Head!.Hash, anchors[^1].Hash);
        Assert.Equal("end of run run-1", anchors[^1].Reason);
    }

    [Fact]
    public async Task Verify_AnchoredEntryRewrittenWithItsHashRecomputed_ReportsDivergence()
    {
        using var archive = await SealedArchive.BuildAsync(Ct);
        CustodyEntry last;
        await using (var opened = await archive.OpenAsync(Ct))
        {
            last = (await opened.Custody.HeadAsync(Ct))!;
        }

        var forged = last with { Detail = "nothing happened" };
        forged = forged with { Hash = CustodyChain.ComputeHash(forged) };
        archive.Sql($"UPDATE custody SET detail = 'nothing happened', hash = '{forged.Hash}' WHERE seq = {last.Sequence}");

        var problems = (await archive.VerifyAsync(Ct)).Problems;

        var problem = Assert.Single(problems);
        Assert.StartsWith($"custody {last.Sequence}: custody log diverges from its anchor of ", problem, StringComparison.Ordinal);
        Assert.EndsWith($"expected {last.Hash}, actual {forged.Hash}", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_RunWhoseProcessDied_MarkedInterruptedWithPagesDone()
    {
        using var archive = await SealedArchive.BuildAsync(Ct);
        await using (var opened = await archive.OpenAsync(Ct))
        {
            await opened.Runs.SaveAsync(new RunRecord { Id = "run-2", Source = "src", StartedAt = TestData.T0.AddDays(1) }, Ct);
            await opened.RecordCaptureAsync(TestData.Capture("c9", TestData.T0.AddDays(1).AddMinutes(1), TestData.Post("p9")) with { RunId = "run-2" }, CaptureContext.None, Ct);
            Assert.Equal(RunOutcomes.Running, (await opened.Runs.GetAsync("run-2", Ct))!.Outcome);
        }

        // the process that owned the run: same host, a process id no longer running
        archive.Sql($"UPDATE runs SET owner = '{Environment.MachineName}|2147480000|1' WHERE id = 'run-2'");

        await using (var reopened = await archive.OpenAsync(Ct))
        {
            var run = (await reopened.Runs.GetAsync("run-2", Ct))!;
            Assert.Equal(RunOutcomes.Interrupted, run.Outcome);
            Assert.Equal(1, run.PagesByOutcome["content"]);
            Assert.Equal(TestData.T0.AddDays(1).AddMinutes(1), run.EndedAt);
            Assert.Contains(run.Errors, e => e.StartsWith("interrupted: ", StringComparison.Ordinal));
            Assert.Equal("run-interrupted", (await reopened.Custody.HeadAsync(Ct))!.Action);
            Assert.True((await ArchiveVerifier.VerifyAsync(reopened, Ct)).IsClean);
        }
    }

    [Fact]
    public async Task Open_RunOfALiveProcess_StaysRunning()
    {
        using var archive = await SealedArchive.BuildAsync(Ct);
        await using (var opened = await archive.OpenAsync(Ct))
        {
            await opened.Runs.SaveAsync(new RunRecord { Id = "run-3", Source = "src", StartedAt = TestData.T0.AddDays(2) }, Ct);
        }

        SqliteConnection.ClearAllPools();
        await using var reopened = await archive.OpenAsync(Ct);

        Assert.Equal(RunOutcomes.Running, (await reopened.Runs.GetAsync("run-3", Ct))!.Outcome);
    }
}
