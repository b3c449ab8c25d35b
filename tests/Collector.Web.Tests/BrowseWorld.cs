using Collector.Model;
using Collector.Storage;
using Collector.Storage.Sqlite;

namespace Collector.Web.Tests;

/// <summary>
/// An archive of 60 posts across three platforms, four communities and five authors, first seen over ten captures,
/// some without a publication time, some edited (two versions), some tombstoned; <see cref="Model"/> is what the test
/// expects of each post, computed here from the same rules that wrote it.
/// </summary>
public class BrowseWorld : IAsyncLifetime
{
    public const int Count = 60;
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] Platforms = ["reddit", "quora", "telegram"];

    private string folder = "";

    public IArchive Archive { get; private set; } = null!;

    /// <summary>Why this world's backend cannot be tested here (its tests report themselves skipped), or null.</summary>
    public virtual string? SkipReason => null;

    public IReadOnlyList<Expected> Model { get; private set; } = [];

    public sealed record Expected(PostKey Key, string Community, string Author, DateTimeOffset Published, DateTimeOffset FirstSeen, bool Edited, bool Deleted, string Text);

    public async ValueTask InitializeAsync()
    {
        folder = Path.Combine(Path.GetTempPath(), "collector-browse-" + Guid.NewGuid().ToString("n"));
        if (SkipReason is not null)
        {
            return;
        }

        Archive = await OpenAsync(folder);
        var model = new List<Expected>();
        var posts = Enumerable.Range(0, Count).Select(i => MakePost(i, "original words number " + i)).ToList();
        for (var k = 0; k < 10; k++)
        {
            var seen = T0.AddHours(k);
            var batch = posts.Skip(k * 6).Take(6).ToArray();
            await Archive.RecordCaptureAsync(SmallArchive.Capture("c" + k, seen, batch), CaptureContext.None);
            model.AddRange(batch.Select((p, j) =>
            {
                var i = (k * 6) + j;
                return new Expected(p.Key, p.Community!, p.Author!.Handle!, p.PublishedAt ?? seen, seen, i % 4 == 1, i % 5 == 2, p.Text!);
            }));
        }

        var edited = Enumerable.Range(0, Count).Where(i => i % 4 == 1).Select(i => MakePost(i, "rewritten zebra text " + i)).ToArray();
        await Archive.RecordCaptureAsync(SmallArchive.Capture("edits", T0.AddHours(20), edited), CaptureContext.None);
        foreach (var i in Enumerable.Range(0, Count).Where(i => i % 5 == 2))
        {
            await Archive.RecordCaptureAsync(SmallArchive.Capture("gone" + i, T0.AddHours(21)) with { Outcome = PageOutcome.Removed, SubjectPost = posts[i].Key }, CaptureContext.None);
        }

        Model = model.Select(m => m.Edited ? m with { Text = "rewritten zebra text " + m.Key.Id[1..] } : m).ToList();
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (Archive is not null)
        {
            await Archive.DisposeAsync();
        }

        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A fresh, empty archive of the backend under test.</summary>
    protected virtual Task<IArchive> OpenAsync(string folder) => Task.FromResult<IArchive>(SqliteArchive.Open(Path.Combine(folder, "c.db"), TimeProvider.System));

    private static Post MakePost(int i, string text) => new()
    {
        Platform = Platforms[i % 3],
        Id = "p" + i,
        Url = $"https://example.test/{i}",
        Author = new Author { Handle = "u" + (i % 5) },
        Community = "c" + (i % 4),
        Text = text,
        PublishedAt = i % 7 == 0 ? null : T0.AddDays(-2).AddMinutes(i * 37 % 1000),
    };
}
