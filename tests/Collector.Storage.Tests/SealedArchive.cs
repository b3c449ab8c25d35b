using System.Text;
using Collector.Model;
using Collector.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Collector.Storage.Tests;

/// <summary>
/// A small SQLite archive with one of every kind of sealed record, built afresh in its own folder: a run (start and
/// end, so the anchor file holds its head), captures with a compressed page and a screenshot, an edited post (two
/// versions), a post tombstoned by a not-found capture, and an import.
/// </summary>
internal sealed class SealedArchive : IDisposable
{
    private readonly TempFolder folder = new();

    public string DbPath => Path.Combine(folder.Path, "a.db");

    public string ArtifactRoot => DbPath + ".artifacts";

    public ArtifactRef Html { get; private set; } = null!;

    public ArtifactRef Png { get; private set; } = null!;

    public static async Task<SealedArchive> BuildAsync(CancellationToken ct)
    {
        var built = new SealedArchive();
        await using var archive = await built.OpenAsync(ct);
        var run = new RunRecord { Id = "run-1", Source = "src", StartedAt = TestData.T0 };
        await archive.Runs.SaveAsync(run, ct);
        built.Html = await archive.Artifacts.PutAsync(new ArtifactContent(ArtifactKinds.Raw,
            Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 400).Select(i => $"<p>paragraph {i}</p>"))), "text/html"), ct);
        var png = new byte[3000];
        new Random(7).NextBytes(png);
        built.Png = await archive.Artifacts.PutAsync(new ArtifactContent(ArtifactKinds.Screenshot, png, "image/png"), ct);
        await archive.RecordCaptureAsync(TestData.Capture("c1", TestData.T0, TestData.Post("p1", "first text", likes: 1), TestData.Post("p2"), TestData.Post("p3"))
            with { Artifacts = [built.Html, built.Png] }, CaptureContext.None, ct);
        await archive.RecordCaptureAsync(TestData.Capture("c2", TestData.T0.AddHours(1), TestData.Post("p1", "edited text", likes: 5), TestData.Post("p2", likes: 2))
            with { Artifacts = [built.Html] }, CaptureContext.None, ct);
        await archive.RecordCaptureAsync(TestData.Capture("c3", TestData.T0.AddHours(2)) with
        {
            Outcome = PageOutcome.NotFound, HttpStatus = 404, SubjectPost = new PostKey("reddit", "p3"),
        }, CaptureContext.None, ct);
        await archive.ImportAsync([TestData.Post("i1", "imported text")], new ImportContext { Origin = "other.jsonl" }, ct);
        await archive.Runs.SaveAsync(run with { EndedAt = TestData.T0.AddHours(3), Outcome = RunOutcomes.Succeeded }, ct);
        return built;
    }

    public async Task<IArchive> OpenAsync(CancellationToken ct) => await new SqliteArchiveBackend(TimeProvider.System).OpenAsync("sqlite:" + DbPath, ct);

    public async Task<ArchiveVerification> VerifyAsync(CancellationToken ct)
    {
        await using var archive = await OpenAsync(ct);
        return await ArchiveVerifier.VerifyAsync(archive, ct);
    }

    public string ArtifactFile(ArtifactRef a, bool gz) => Path.Combine(ArtifactRoot, a.Sha256[..2], a.Sha256[2..4], a.Sha256 + (gz ? ".gz" : ""));

    public void Sql(string sql)
    {
        using (var connection = new SqliteConnection($"Data Source={DbPath};Pooling=false"))
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = sql;
            cmd.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        folder.Dispose();
    }
}
