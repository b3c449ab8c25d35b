using System.Security.Cryptography;
using System.Text;
using Collector.Evidence.Warc;
using Collector.Model;
using Collector.Storage;
using Collector.Storage.Sqlite;

namespace Collector.Evidence.Tests;

/// <summary>Captures with real bytes (HTML, XHR JSON, PNG, DOM), in memory or recorded in a real SQLite archive.</summary>
internal static class EvidenceWorld
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    /// <summary>One capture of a post page (browser mode: page, XHR JSON, screenshot, DOM) and its artifact bytes.</summary>
    public static (Capture Capture, Dictionary<string, byte[]> Bytes) PostPage(string n, string runId = "run-1", DateTimeOffset? at = null, string text = "Hello from the campaign")
    {
        var when = at ?? T0;
        var url = $"https://www.example.test/p/{n}?b=2&a=1";
        var html = Encoding.UTF8.GetBytes($"<!doctype html><html><head><title>Post {n}</title></head><body><article><p>{text}</p><p>{new string('x', 300)}</p></article></body></html>");
        var json = Encoding.UTF8.GetBytes($"{{\"post\":\"{n}\",\"likes\":{n.Length * 7},\"text\":\"{text}\"}}");
        var dom = Encoding.UTF8.GetBytes($"<html><head><title>Post {n}</title></head><body><article><p>{text}</p><span>rendered</span></article></body></html>");
        var bytes = new Dictionary<string, byte[]>();
        ArtifactRef Art(string kind, byte[] b, string type, string? u) { bytes[Sha(b)] = b; return new ArtifactRef { Kind = kind, Sha256 = Sha(b), Length = b.Length, ContentType = type, Url = u }; }
        var raw = Art(ArtifactKinds.Raw, html, "text/html; charset=utf-8", url);
        var xhr = Art(ArtifactKinds.Network, json, "application/json", $"https://api.example.test/posts/{n}.json");
        var shot = Art(ArtifactKinds.Screenshot, Png, "image/png", null);
        var domRef = Art(ArtifactKinds.Dom, dom, "text/html; charset=utf-8", null);
        var post = new Post
        {
            Platform = "generic", Id = "p" + n, Url = url, Title = $"Post {n}", Text = text, PublishedAt = when.AddHours(-3),
            Author = new Author { Handle = "acct" + n },
        };
        var capture = new Capture
        {
            Id = $"cap{n}", RequestUrl = url, FinalUrl = url, HttpStatus = 200, FetchedAt = when, RenderMode = RenderMode.Browser,
            Platform = "generic", Source = "src", RunId = runId, Posts = [post], SubjectPost = post.Key,
            Artifacts = [raw, xhr, shot, domRef],
            Exchanges =
            [
                new HttpExchange
                {
                    Url = url, Status = 200, StatusText = "OK", BodySha256 = raw.Sha256, ContentType = raw.ContentType, At = when,
                    RequestHeaders = [new("user-agent", "Collector-test"), new("accept", "text/html")],
                    ResponseHeaders = [new("content-type", "text/html; charset=utf-8"), new("content-encoding", "br"), new("content-length", "99"), new("set-cookie", "a=1\nb=2")],
                },
                new HttpExchange
                {
                    Url = xhr.Url!, Status = 200, BodySha256 = xhr.Sha256, ContentType = "application/json", At = when.AddMilliseconds(350),
                    ResponseHeaders = [new("content-type", "application/json"), new("transfer-encoding", "chunked")],
                },
            ],
        };
        return (capture, bytes);
    }

    public static ArtifactSource Source(Dictionary<string, byte[]> bytes) =>
        (sha, _) => Task.FromResult(bytes.TryGetValue(sha, out var b) ? b : null);

    public static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static async IAsyncEnumerable<T> Async<T>(IEnumerable<T> items)
    {
        foreach (var item in items)
        {
            await Task.Yield();
            yield return item;
        }
    }

    /// <summary>A real SQLite archive in a temp folder holding the given captures (artifacts stored first).</summary>
    public static async Task<IArchive> ArchiveWithAsync(string folder, IEnumerable<(Capture Capture, Dictionary<string, byte[]> Bytes)> pages)
    {
        var archive = await new SqliteArchiveBackend(TimeProvider.System).OpenAsync("sqlite:" + Path.Combine(folder, "a.db"));
        foreach (var (capture, bytes) in pages)
        {
            foreach (var artifact in capture.Artifacts)
            {
                await archive.Artifacts.PutAsync(new ArtifactContent(artifact.Kind, bytes[artifact.Sha256], artifact.ContentType, artifact.Url));
            }

            await archive.RecordCaptureAsync(capture, CaptureContext.None);
        }

        return archive;
    }

    /// <summary>Has <paramref name="tsa"/> stamp each run's manifest, as the scheduler does at a run's end.</summary>
    public static async Task StampRunsAsync(IArchive archive, Timestamps.LoopbackTimestampAuthority tsa, params string[] runIds)
    {
        using var http = new HttpClient();
        var stamper = new Timestamps.RunManifestStamper(TimestampTests.Client(http), new Configuration.EvidenceOptions { TimestampAuthorities = [tsa.Url.ToString()] },
            TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<Timestamps.RunManifestStamper>.Instance);
        foreach (var run in runIds)
        {
            await stamper.StampRunAsync(archive, run);
        }
    }
}

/// <summary>A temp folder removed after the test.</summary>
internal sealed class TempDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("collector-evidence-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // a file still open by a dying process: leave the temp folder behind
        }
    }
}
