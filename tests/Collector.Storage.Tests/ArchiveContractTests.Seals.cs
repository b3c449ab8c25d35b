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
