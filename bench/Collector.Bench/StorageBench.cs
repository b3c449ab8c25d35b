using System.Diagnostics;
using System.Globalization;
using System.Text;
using Collector.Model;
using Collector.Storage;
using Collector.Storage.Sqlite;

namespace Collector.Bench;

/// <summary>
/// Storage throughput on SQLite: first-time ingest (posts/s), revisits of unchanged posts (posts/s), and verify (MB/s of
/// artifacts re-hashed). Captures carry 100 posts each, as a listing page does. Targets: 20,000 new and 50,000 revisits/s.
/// The default run is 100,000 posts (a few seconds per phase): with 20,000 each phase lasted about one second, and the
/// JIT compiling the write path took a fifth of it, so the figure said more about start-up than about the rate.
/// Usage: storage [--posts N] [--artifact-mb M] [--store PATH]
/// </summary>
public static class StorageBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var posts = BenchSupport.Number(args, "--posts", 100_000);
        var artifactMb = BenchSupport.Number(args, "--artifact-mb", 64);
        var folder = Directory.CreateTempSubdirectory("collector-bench-storage-").FullName;
        var path = args.SkipWhile(a => a != "--store").Skip(1).FirstOrDefault() ?? Path.Combine(folder, "bench.db");
        try
        {
            await using var archive = await new SqliteArchiveBackend(TimeProvider.System).OpenAsync("sqlite:" + path);
            var t0 = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
            var batches = Enumerable.Range(0, (posts + 99) / 100)
                .Select(b => Enumerable.Range(b * 100, Math.Min(100, posts - (b * 100))).Select(i => MakePost(i, 0)).ToArray())
                .ToList();

            var (newRate, newCpu) = await IngestAsync(archive, batches, "new", t0);
            var revisitBatches = batches.Select(b => b.Select(p => p with { Metrics = new Metrics { Likes = (p.Metrics.Likes ?? 0) + 1 } }).ToArray()).ToList();
            var (revisitRate, revisitCpu) = await IngestAsync(archive, revisitBatches, "revisit", t0.AddHours(1));

            var random = new Random(1);
            long bytes = 0;
            var words = "state media policy report analysis region government economy people development cooperation".Split(' ');
            for (var i = 0; bytes < artifactMb * 1024L * 1024L; i++)
            {
                var sb = new StringBuilder(256 * 1024);
                while (sb.Length < 256 * 1024)
                {
                    sb.Append("<p>").Append(words[random.Next(words.Length)]).Append(' ').Append(random.Next()).Append("</p>");
                }

                var content = Encoding.UTF8.GetBytes(sb.ToString());
                bytes += content.Length;
                await archive.Artifacts.PutAsync(new ArtifactContent(ArtifactKinds.Raw, content, "text/html"));
            }

            var sw = Stopwatch.StartNew();
            var verification = await ArchiveVerifier.VerifyAsync(archive);
            sw.Stop();
            var mbps = verification.BytesChecked / 1024.0 / 1024.0 / sw.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"storage: first-time ingest {newRate:F0} posts/s (target 20000; {newCpu:F0} posts per CPU-second)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"storage: revisits         {revisitRate:F0} posts/s (target 50000; {revisitCpu:F0} posts per CPU-second)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"storage: verify           {mbps:F1} MB/s, {verification.RecordsChecked / sw.Elapsed.TotalSeconds:F0} records/s ({verification.BytesChecked / 1024 / 1024} MB in {verification.ArtifactsChecked} artifacts, {verification.RecordsChecked} sealed records, {verification.CustodyEntries} custody entries in {sw.Elapsed.TotalSeconds:F1} s, {(verification.IsClean ? "clean" : "PROBLEMS")})"));
            return verification.IsClean ? 0 : 1;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Posts per second of wall time, and per second of this process's CPU time (steadier on a shared machine).</summary>
    private static async Task<(double PerSecond, double PerCpuSecond)> IngestAsync(IArchive archive, List<Post[]> batches, string label, DateTimeOffset at)
    {
        using var self = Process.GetCurrentProcess();
        var cpu0 = self.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var n = 0;
        for (var b = 0; b < batches.Count; b++)
        {
            var capture = new Capture
            {
                Id = $"{label}-{b:D6}", RequestUrl = $"https://bench.test/list/{b}", FinalUrl = $"https://bench.test/list/{b}", HttpStatus = 200,
                FetchedAt = at.AddSeconds(b), Platform = "generic", Source = "bench", Posts = batches[b],
            };
            var receipt = await archive.RecordCaptureAsync(capture, CaptureContext.None);
            n += receipt.NewPosts + receipt.ChangedPosts + receipt.UnchangedPosts;
        }

        var wall = sw.Elapsed.TotalSeconds;
        self.Refresh();
        return (n / wall, n / (self.TotalProcessorTime - cpu0).TotalSeconds);
    }

    private static Post MakePost(int i, int likes) => new()
    {
        Platform = "generic",
        Id = "p" + i.ToString(CultureInfo.InvariantCulture),
        Url = "https://bench.test/post/p" + i.ToString(CultureInfo.InvariantCulture),
        Author = new Author { Id = "u" + (i % 5000).ToString(CultureInfo.InvariantCulture), Handle = "user" + (i % 5000).ToString(CultureInfo.InvariantCulture) },
        PublishedAt = new DateTimeOffset(2025, 12, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(i),
        Title = "Post number " + i.ToString(CultureInfo.InvariantCulture),
        Text = "State media report on regional development and cooperation, item " + i.ToString(CultureInfo.InvariantCulture)
            + ". Security trade stability peace history culture technology future growth investment community.",
        Links = ["https://link.test/" + (i % 97).ToString(CultureInfo.InvariantCulture)],
        Metrics = new Metrics { Likes = likes, Comments = i % 13 },
    };
}
