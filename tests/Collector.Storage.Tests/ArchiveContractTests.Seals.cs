using System.Text;
using Collector.Model;

namespace Collector.Storage.Tests;

/// <summary>The contract for artifact records: sealed by the entry that names them, and each edit of one named by verify.</summary>
public abstract partial class ArchiveContractTests
{
    /// <summary>Changes the stored record (not the bytes) of one artifact: its content type, as someone editing the database would.</summary>
    protected abstract Task AlterArtifactRecordAsync(string sha256);

    [Fact]
    public async Task RecordCapture_WithArtifacts_SealsEachArtifactRecordAndVerifyHoldsThem()
    {
        var (page, shot) = await PutPageAndScreenshotAsync();

        await Archive.RecordCaptureAsync(TestData.Capture("c1", TestData.T0, TestData.Post("p1")) with { Artifacts = [page, shot] }, CaptureContext.None, Ct);

        var entry = (await Archive.Custody.HeadAsync(Ct))!;
        Assert.Equal(new[] { page.Sha256, shot.Sha256 }.Order(StringComparer.Ordinal),
            entry.Seals!.Where(s => s.Table == RecordSeal.Artifacts).Select(s => s.Key).Order(StringComparer.Ordinal));
        var result = await ArchiveVerifier.VerifyAsync(Archive, Ct);
        Assert.True(result.IsClean, string.Join("\n", result.Problems));
        Assert.Equal([shot.Sha256], await Archive.Integrity.ListArtifactsAsync(ArtifactKinds.Screenshot, Ct).ToListAsync(Ct));
    }

    [Fact]
    public async Task Verify_ArtifactRecordEdited_NamesItWithTheSealingEntry()
    {
        var (page, shot) = await PutPageAndScreenshotAsync();
        await Archive.RecordCaptureAsync(TestData.Capture("c1", TestData.T0, TestData.Post("p1")) with { Artifacts = [page, shot] }, CaptureContext.None, Ct);

        await AlterArtifactRecordAsync(shot.Sha256);
        var result = await ArchiveVerifier.VerifyAsync(Archive, Ct);

        var problem = Assert.Single(result.Findings);
        Assert.Equal((RecordSeal.Artifacts, shot.Sha256), (problem.Table, problem.Key));
        Assert.StartsWith("stored record differs from what custody entry 1 (capture c1) sealed", problem.Message, StringComparison.Ordinal);
        Assert.NotEqual(problem.Expected, problem.Actual);
    }

    private async Task<(ArtifactRef Page, ArtifactRef Shot)> PutPageAndScreenshotAsync()
    {
        var page = await Archive.Artifacts.PutAsync(new ArtifactContent(ArtifactKinds.Raw,
            Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 200).Select(i => $"<p>paragraph {i}</p>"))), "text/html", "https://x.test/p"), Ct);
        var png = new byte[2000];
        new Random(3).NextBytes(png);
        var shot = await Archive.Artifacts.PutAsync(new ArtifactContent(ArtifactKinds.Screenshot, png, "image/png"), Ct);
        return (page, shot);
    }
}

/// <summary>The contract for anchors: a run's end writes the log's head to the anchor file, and a log cut below it fails verify.</summary>
public abstract partial class ArchiveContractTests
{
    /// <summary>Deletes the custody log's last entry, as someone cutting its tail would.</summary>
    protected abstract Task DeleteLastCustodyEntryAsync();

    [Fact]
    public async Task RunEnd_AnchorsTheHead_VerifyFailsWhenTheLogIsCutBelowIt()
    {
        var run = new RunRecord { Id = "run-1", Source = "src", StartedAt = TestData.T0 };
        await Archive.Runs.SaveAsync(run, Ct);
        await Archive.RecordCaptureAsync(TestData.Capture("c1", TestData.T0, TestData.Post("p1")) with { RunId = run.Id }, CaptureContext.None, Ct);
        await Archive.Runs.SaveAsync(run with { EndedAt = TestData.T0.AddMinutes(5), Outcome = RunOutcomes.Succeeded }, Ct);

        var head = (await Archive.Custody.HeadAsync(Ct))!;
        var (anchors, unreadable) = CustodyAnchors.Read(Archive.Integrity.AnchorPath!);
        Assert.Empty(unreadable);
        Assert.Equal((head.Sequence, head.Hash), (anchors[^1].Sequence, anchors[^1].Hash));
        Assert.True((await ArchiveVerifier.VerifyAsync(Archive, Ct)).IsClean);

        await DeleteLastCustodyEntryAsync();
        var result = await ArchiveVerifier.VerifyAsync(Archive, Ct);

        Assert.Contains(result.Problems, p => p.Contains($"custody log is shorter than its anchor", StringComparison.Ordinal)
            && p.Contains($"it ends at entry {head.Sequence - 1}, the anchor saw entry {head.Sequence}", StringComparison.Ordinal));
    }
}
