using System.Text;
using Collector.Model;
using Microsoft.Extensions.Time.Testing;

namespace Collector.Storage.Tests;

/// <summary>The contract every archive backend passes (SQLite here; MongoDB when COLLECTOR_TEST_MONGODB is set).</summary>
public abstract partial class ArchiveContractTests : IAsyncLifetime
{
    private IArchive? archive;
    private string? skipReason;

    protected FakeTimeProvider Time { get; } = new(TestData.T0);

    protected IArchive Archive
    {
        get
        {
            Assert.SkipWhen(skipReason is not null, skipReason ?? "");
            return archive ?? throw new InvalidOperationException("not opened");
        }
    }

    /// <summary>Why this backend cannot be tested here (the tests then report themselves skipped), or null.</summary>
    protected virtual string? SkipReason => null;

    /// <summary>Opens a fresh, empty archive.</summary>
    protected abstract Task<IArchive> OpenFreshAsync();

    /// <summary>Removes what the backend left behind (files, databases) after the archive is closed.</summary>
    protected virtual void Cleanup()
    {
    }

    public async ValueTask InitializeAsync()
    {
        skipReason = SkipReason;
        if (skipReason is null)
        {
            archive = await OpenFreshAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (archive is not null)
        {
            await archive.DisposeAsync();
        }

        Cleanup();
        GC.SuppressFinalize(this);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RecordCapture_NewPosts_StoresFirstVersionAndObservation()
    {
        var receipt = await Archive.RecordCaptureAsync(TestData.Capture("c1", TestData.T0, TestData.Post("p1", likes: 3), TestData.Post("p2")), CaptureContext.None, Ct);

        Assert.Equal(2, receipt.NewPosts);
        var history = await Archive.GetHistoryAsync(new PostKey("reddit", "p1"), Ct);
        Assert.NotNull(history);
        var version = Assert.Single(history.Versions);
        Assert.Equal(1, version.Number);
        Assert.Equal("c1", version.CaptureId);
        Assert.Equal(PostContentHash.Compute(TestData.Post("p1")), version.ContentHash);
        var observation = Assert.Single(history.Observations);
        Assert.Equal(3, observation.Metrics.Likes);
        Assert.True(observation.Changed);
        Assert.Equal(TestData.T0, observation.At);
    }

    [Fact]
    public async Task RecordCapture_UnchangedContent_RecordsRevisitAndMetricsSeriesWithoutNewVersion()
    {
        await Archive.RecordCaptureAsync(TestData.Capture("c1", TestData.T0, TestData.Post("p1", likes: 1)), CaptureContext.None, Ct);
        var receipt = await Archive.RecordCaptureAsync(TestData.Capture("c2", TestData.T0.AddHours(1), TestData.Post("p1", likes: 7)), CaptureContext.None, Ct);

        Assert.Equal(1, receipt.UnchangedPosts);
        Assert.Equal(0, receipt.NewPosts + receipt.ChangedPosts);
        var history = (await Archive.GetHistoryAsync(new PostKey("reddit", "p1"), Ct))!;
        Assert.Single(history.Versions);
        Assert.Equal([1L, 7L], history.Observations.Select(o => o.Metrics.Likes!.Value));
        Assert.Equal(["c1", "c2"], history.Observations.Select(o => o.CaptureId!));
        Assert.False(history.Observations[1].Changed);
        var archived = await Archive.QueryPostsAsync(new PostQuery(), Ct).SingleAsync(Ct);
        Assert.Equal(TestData.T0, archived.FirstSeen);
        Assert.Equal(TestData.T0.AddHours(1), archived.LastSeen);
        Assert.Equal(7, archived.Post.Metrics.Likes);
        Assert.Equal(1, archived.VersionCount);
    }

    [Fact]
    public async Task RecordCapture_EditedText_StoresNewVersionWithChanges()
    {
        await Archive.RecordCaptureAsync(TestData.Capture("c1", TestData.T0, TestData.Post("p1", "original words")), CaptureContext.None, Ct);
        var receipt = await Archive.RecordCaptureAsync(TestData.Capture("c2", TestData.T0.AddHours(1), TestData.Post("p1", "edited words")), CaptureContext.None, Ct);

        Assert.Equal(1, receipt.ChangedPosts);
        var history = (await Archive.GetHistoryAsync(new PostKey("reddit", "p1"), Ct))!;
        Assert.Equal(2, history.Versions.Count);
        var change = Assert.Single(history.Versions[1].Changes);
        Assert.Equal(new FieldChange("text", "original words", "edited words"), change);
        Assert.Equal("c2", history.Versions[1].CaptureId);
        Assert.Equal([1, 2], history.Observations.Select(o => o.Version));
        var archived = await Archive.QueryPostsAsync(new PostQuery(), Ct).SingleAsync(Ct);
        Assert.Equal("edited words", archived.Post.Text);
        Assert.Equal(2, archived.VersionCount);
    }

    [Fact]
    public async Task RecordCapture_SameCaptureIdTwice_SecondIsDuplicateNoOp()
    {
        var capture = TestData.Capture("c1", TestData.T0, TestData.Post("p1"));
        var first = await Archive.RecordCaptureAsync(capture, CaptureContext.None, Ct);
        var second = await Archive.RecordCaptureAsync(capture, CaptureContext.None, Ct);

        Assert.False(first.Duplicate);
        Assert.True(second.Duplicate);
        Assert.Equal(1, second.NewPosts);
        Assert.Single((await Archive.GetHistoryAsync(new PostKey("reddit", "p1"), Ct))!.Observations);
        Assert.Single(await Archive.Custody.ReadAsync(1, Ct).ToListAsync(Ct));
    }

    [Fact]
    public async Task RecordCapture_NotFoundWithSubjectPost_TombstonesThatPost()
    {
        await Archive.RecordCaptureAsync(TestData.Capture("c1", TestData.T0, TestData.Post("p1"), TestData.Post("p2")), CaptureContext.None, Ct);
        var gone = TestData.Capture("c2", TestData.T0.AddDays(1)) with
        {
            Outcome = PageOutcome.Removed, HttpStatus = 200, SubjectPost = new PostKey("reddit", "p1"),
        };
        var receipt = await Archive.RecordCaptureAsync(gone, CaptureContext.None, Ct);

        Assert.Equal(1, receipt.Tombstoned);
        var history = (await Archive.GetHistoryAsync(new PostKey("reddit", "p1"), Ct))!;
        Assert.Equal(new Tombstone { Reason = "removed", At = TestData.T0.AddDays(1), CaptureId = "c2" }, history.Tombstone);
        Assert.Null((await Archive.GetHistoryAsync(new PostKey("reddit", "p2"), Ct))!.Tombstone);
        var live = await Archive.QueryPostsAsync(new PostQuery { IncludeTombstoned = false }, Ct).ToListAsync(Ct);
        Assert.Equal(["p2"], live.Select(p => p.Post.Id));
    }

    [Fact]
    public async Task RecordCapture_NotFoundWithoutSubject_TombstonesPostsWhoseUrlMatches()
    {
        var post = TestData.Post("p5", url: "http://127.0.0.1:8080/post/p5.html");
        await Archive.RecordCaptureAsync(TestData.Capture("c1", TestData.T0, post, TestData.Post("p6")), CaptureContext.None, Ct);
        var gone = TestData.Capture("c2", TestData.T0.AddDays(1)) with
        {
            RequestUrl = "http://127.0.0.1:8080/post/p5.html/", FinalUrl = "http://127.0.0.1:8080/post/p5.html/",
            Outcome = PageOutcome.NotFound, HttpStatus = 404,
        };
        var receipt = await Archive.RecordCaptureAsync(gone, CaptureContext.None, Ct);

        Assert.Equal(1, receipt.Tombstoned);
        var tombstone = (await Archive.GetHistoryAsync(new PostKey("reddit", "p5"), Ct))!.Tombstone;
        Assert.Equal("not-found", tombstone?.Reason);
        Assert.Equal("c2", tombstone?.CaptureId);
        Assert.Null((await Archive.GetHistoryAsync(new PostKey("reddit", "p6"), Ct))!.Tombstone);
    }

    [Fact]
    public async Task RecordCapture_ContentPageListingRemovedPosts_TombstonesThemAndKeepsTheRest()
    {
        await Archive.RecordCaptureAsync(TestData.Capture("c1", TestData.T0, TestData.Post("p1"), TestData.Post("p2"), TestData.Post("p3")), CaptureContext.None, Ct);
        var thread = TestData.Capture("c2", TestData.T0.AddDays(1), TestData.Post("p1")) with
        {
            RemovedPosts = [new PostKey("reddit", "p2"), new PostKey("reddit", "never-seen")],
        };
        var receipt = await Archive.RecordCaptureAsync(thread, CaptureContext.None, Ct);

        Assert.Equal(1, receipt.Tombstoned);
        Assert.Equal(1, receipt.UnchangedPosts);
        Assert.Equal(new Tombstone { Reason = "removed", At = TestData.T0.AddDays(1), CaptureId = "c2" }, (await Archive.GetHistoryAsync(new PostKey("reddit", "p2"), Ct))!.Tombstone);
        Assert.Null((await Archive.GetHistoryAsync(new PostKey("reddit", "p3"), Ct))!.Tombstone);
        Assert.Null(await Archive.GetHistoryAsync(new PostKey("reddit", "never-seen"), Ct));
        var again = await Archive.RecordCaptureAsync(thread with { Id = "c3", FetchedAt = TestData.T0.AddDays(2) }, CaptureContext.None, Ct);
        Assert.Equal(0, again.Tombstoned); // the first tombstone stands; later sightings don't move it
    }

    [Fact]
    public async Task RecordCapture_LoginWall_StoresCaptureButNoPosts()
    {
        var wall = TestData.Capture("c1", TestData.T0, TestData.Post("p1")) with { Outcome = PageOutcome.LoginWall };
        await Archive.RecordCaptureAsync(wall, CaptureContext.None, Ct);

        Assert.Null(await Archive.GetHistoryAsync(new PostKey("reddit", "p1"), Ct));
        Assert.NotNull(await Archive.GetCaptureAsync("c1", Ct));
    }

    [Fact]
    public async Task GetCapture_AfterRecord_ReturnsCaptureWithPostsAndTheirMetrics()
    {
        var capture = TestData.Capture("c1", TestData.T0, TestData.Post("p1", likes: 4), TestData.Post("p2", likes: 9)) with
        {
            Artifacts = [new ArtifactRef { Kind = ArtifactKinds.Raw, Sha256 = new string('a', 64), Length = 1 }],
        };
        await Archive.RecordCaptureAsync(capture, CaptureContext.None, Ct);

        var back = await Archive.GetCaptureAsync("c1", Ct);
        Assert.NotNull(back);
        Assert.Equal(capture.FinalUrl, back.FinalUrl);
        Assert.Equal(TestData.T0, back.FetchedAt);
        Assert.Equal(["p1", "p2"], back.Posts.Select(p => p.Id));
        Assert.Equal([4L, 9L], back.Posts.Select(p => p.Metrics.Likes!.Value));
        Assert.Equal(capture.Artifacts, back.Artifacts);
        Assert.Null(await Archive.GetCaptureAsync("nope", Ct));
    }

    [Fact]
    public async Task QueryCaptures_ByRunAndPost_FiltersCaptures()
    {
        await Archive.RecordCaptureAsync(TestData.Capture("c1", TestData.T0, TestData.Post("p1")), CaptureContext.None, Ct);
        await Archive.RecordCaptureAsync(TestData.Capture("c2", TestData.T0.AddMinutes(1), TestData.Post("p2")) with { RunId = "run-2" }, CaptureContext.None, Ct);

        Assert.Equal(["c2"], await Archive.QueryCapturesAsync(new CaptureQuery { RunId = "run-2" }, Ct).Select(c => c.Id).ToListAsync(Ct));
        Assert.Equal(["c1"], await Archive.QueryCapturesAsync(new CaptureQuery { Post = new PostKey("reddit", "p1") }, Ct).Select(c => c.Id).ToListAsync(Ct));
        Assert.Equal(["c1", "c2"], await Archive.QueryCapturesAsync(new CaptureQuery(), Ct).Select(c => c.Id).ToListAsync(Ct));
    }

    [Fact]
    public async Task QueryPosts_ByPlatformAndSource_Filters()
    {
        await Archive.RecordCaptureAsync(TestData.Capture("c1", TestData.T0, TestData.Post("p1"), TestData.Post("t1", platform: "telegram")), CaptureContext.None, Ct);
        await Archive.RecordCaptureAsync(TestData.Capture("c2", TestData.T0, TestData.Post("p2")) with { Source = "other" }, CaptureContext.None, Ct);

        Assert.Equal(["t1"], await Archive.QueryPostsAsync(new PostQuery { Platforms = ["telegram"] }, Ct).Select(p => p.Post.Id).ToListAsync(Ct));
        var other = await Archive.QueryPostsAsync(new PostQuery { Source = "other" }, Ct).ToListAsync(Ct);
        Assert.Equal(["p2"], other.Select(p => p.Post.Id));
        Assert.Equal(["other"], other[0].Sources);
    }

    [Fact]
    public async Task Search_WordInTextOrTitle_FindsLatestVersion()
    {
        await Archive.RecordCaptureAsync(TestData.Capture("c1", TestData.T0, TestData.Post("p1", "the quick brown fox"), TestData.Post("p2", "lazy dogs sleep")), CaptureContext.None, Ct);
        await Archive.RecordCaptureAsync(TestData.Capture("c2", TestData.T0.AddHours(1), TestData.Post("p2", "lazy cats sleep")), CaptureContext.None, Ct);

        Assert.Equal(["p1"], await Archive.SearchAsync("fox", 10, Ct).Select(p => p.Post.Id).ToListAsync(Ct));
        Assert.Equal(["p2"], await Archive.SearchAsync("cats", 10, Ct).Select(p => p.Post.Id).ToListAsync(Ct));
        Assert.Empty(await Archive.SearchAsync("dogs", 10, Ct).ToListAsync(Ct));
        Assert.Equal(["p1"], await Archive.SearchAsync("\"Title p1\"", 10, Ct).Select(p => p.Post.Id).ToListAsync(Ct));
    }

    [Fact]
    public async Task Artifacts_SameBytesTwice_StoredOnceAndReadBackUncompressed()
    {
        var html = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<p>same paragraph again</p>", 500)));
        var a = await Archive.Artifacts.PutAsync(new ArtifactContent(ArtifactKinds.Raw, html, "text/html"), Ct);
        var b = await Archive.Artifacts.PutAsync(new ArtifactContent(ArtifactKinds.Raw, html, "text/html"), Ct);

        Assert.Equal(a.Sha256, b.Sha256);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(html)), a.Sha256);
        Assert.Equal(html.Length, a.Length);
        Assert.Single(await Archive.Artifacts.ListAsync(Ct).ToListAsync(Ct));
        await using var stream = await Archive.Artifacts.OpenReadAsync(a.Sha256, Ct);
        Assert.NotNull(stream);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, Ct);
        Assert.Equal(html, copy.ToArray());
        Assert.Equal(ArtifactState.Ok, (await Archive.Artifacts.VerifyAsync(a.Sha256, Ct)).State);
        Assert.True(await Archive.Artifacts.ExistsAsync(a.Sha256, Ct));
        Assert.False(await Archive.Artifacts.ExistsAsync(new string('0', 64), Ct));
        Assert.Null(await Archive.Artifacts.OpenReadAsync(new string('0', 64), Ct));
    }

    [Fact]
    public async Task Custody_CapturesImportsAndAppends_FormOneValidChain()
    {
        await Archive.RecordCaptureAsync(TestData.Capture("c1", TestData.T0, TestData.Post("p1")), new CaptureContext { ConfigHash = "cfg" }, Ct);
        await Archive.ImportAsync([TestData.Post("i1")], new ImportContext { Origin = "file.jsonl" }, Ct);
        Time.Advance(TimeSpan.FromMinutes(5));
        var appended = await Archive.Custody.AppendAsync(new CustodyEvent { Action = "export", Subject = "out.jsonl", Detail = "1 post" }, Ct);

        var entries = await Archive.Custody.ReadAsync(1, Ct).ToListAsync(Ct);
        Assert.Equal(["capture", "import", "import-end", "export"], entries.Select(e => e.Action));
        Assert.Equal([1L, 2L, 3L, 4L], entries.Select(e => e.Sequence));
        Assert.Equal("cfg", entries[0].ConfigHash);
        Assert.Equal(CustodyChain.GenesisHash, entries[0].PreviousHash);
        Assert.Equal(entries[2].Hash, entries[3].PreviousHash);
        Assert.Equal(appended.Hash, entries[3].Hash);
        Assert.Equal(TestData.T0.AddMinutes(5), entries[3].At);
        Assert.Empty(CustodyChain.Check(entries));
        Assert.Equal(["export"], await Archive.Custody.ReadAsync(4, Ct).Select(e => e.Action).ToListAsync(Ct));
        Assert.True((await ArchiveVerifier.VerifyAsync(Archive, Ct)).IsClean);
    }

    [Fact]
    public async Task Custody_ReadBySubject_ThatActionOnThatSubjectInOrder()
    {
        await Archive.RecordCaptureAsync(TestData.Capture("c1", TestData.T0, TestData.Post("p1")), new CaptureContext(), Ct);
        await Archive.RecordCaptureAsync(TestData.Capture("c2", TestData.T0, TestData.Post("p2")), new CaptureContext(), Ct);
        await Archive.Custody.AppendAsync(new CustodyEvent { Action = "verify", Subject = "c1" }, Ct);
        await Archive.Custody.AppendAsync(new CustodyEvent { Action = "export", Subject = "c1" }, Ct);
        await Archive.Custody.AppendAsync(new CustodyEvent { Action = "export", Subject = "c1" }, Ct);

        var sealedBy = await Archive.Custody.ReadBySubjectAsync("capture", "c1", Ct).ToListAsync(Ct);
        var exports = await Archive.Custody.ReadBySubjectAsync("export", "c1", Ct).ToListAsync(Ct);

        var entry = Assert.Single(sealedBy);
        Assert.Equal(1L, entry.Sequence);
        Assert.Equal((await Archive.Custody.ReadAsync(1, Ct).FirstAsync(Ct)).Hash, entry.Hash);
        Assert.Equal([4L, 5L], exports.Select(e => e.Sequence));
        Assert.Equal(2L, Assert.Single(await Archive.Custody.ReadBySubjectAsync("capture", "c2", Ct).ToListAsync(Ct)).Sequence);
        Assert.Empty(await Archive.Custody.ReadBySubjectAsync("capture", "c3", Ct).ToListAsync(Ct));
    }

    [Fact]
    public async Task Runs_SaveTwice_KeepsLatestAndListsNewestFirst()
    {
        var run = new RunRecord { Id = "r1", Source = "s", StartedAt = TestData.T0 };
        await Archive.Runs.SaveAsync(run, Ct);
        await Archive.Runs.SaveAsync(run with { Outcome = RunOutcomes.Succeeded, PostsNew = 5, PagesByOutcome = new Dictionary<string, long> { ["content"] = 3 } }, Ct);
        await Archive.Runs.SaveAsync(new RunRecord { Id = "r2", Source = "s", StartedAt = TestData.T0.AddHours(1) }, Ct);
        await Archive.Runs.SaveAsync(new RunRecord { Id = "r3", Source = "t", StartedAt = TestData.T0.AddHours(2) }, Ct);

        var r1 = await Archive.Runs.GetAsync("r1", Ct);
        Assert.Equal(RunOutcomes.Succeeded, r1?.Outcome);
        Assert.Equal(5, r1?.PostsNew);
        Assert.Equal(3, r1?.PagesByOutcome["content"]);
        Assert.Equal(["r2", "r1"], (await Archive.Runs.ListAsync("s", null, Ct)).Select(r => r.Id));
        Assert.Equal(["r3"], (await Archive.Runs.ListAsync(null, 1, Ct)).Select(r => r.Id));
        Assert.Null(await Archive.Runs.GetAsync("nope", Ct));
    }

    [Fact]
    public async Task Import_Posts_MarkedImportedAndReimportStoresNothingTwice()
    {
        Post[] posts = [TestData.Post("i1"), TestData.Post("i2"), new Post { Platform = "", Id = "x" }];
        var first = await Archive.ImportAsync(posts, new ImportContext { Origin = "a.jsonl", Source = "ext" }, Ct);
        var second = await Archive.ImportAsync(posts, new ImportContext { Origin = "a.jsonl", Source = "ext" }, Ct);

        Assert.Equal(2, first.NewPosts);
        Assert.Equal(1, first.Rejected);
        Assert.Equal(2, second.UnchangedPosts);
        var all = await Archive.QueryPostsAsync(new PostQuery(), Ct).ToListAsync(Ct);
        Assert.Equal(2, all.Count);
        Assert.All(all, p => Assert.True(p.Imported));
        Assert.All(all, p => Assert.Equal(["ext"], p.Sources));
        Assert.Single((await Archive.GetHistoryAsync(new PostKey("reddit", "i1"), Ct))!.Observations);
        Assert.Null((await Archive.GetHistoryAsync(new PostKey("reddit", "i1"), Ct))!.Versions[0].CaptureId);
    }

    [Fact]
    public async Task Import_SamePostTwiceEditedInOneFile_EachOccurrenceCountsInOrder()
    {
        Post[] posts =
        [
            TestData.Post("i1", "first words"), TestData.Post("i2"), TestData.Post("i1", "first words"),
            TestData.Post("i1", "second words"), TestData.Post("i1", "first words"),
        ];

        var receipt = await Archive.ImportAsync(posts, new ImportContext { Origin = "a.jsonl", Source = "ext" }, Ct);

        Assert.Equal((2, 2, 1), (receipt.NewPosts, receipt.ChangedPosts, receipt.UnchangedPosts));
        var history = (await Archive.GetHistoryAsync(new PostKey("reddit", "i1"), Ct))!;
        Assert.Equal(["first words", "second words", "first words"], history.Versions.Select(v => v.Post.Text));
        Assert.Equal([1, 2, 3], history.Versions.Select(v => v.Number));
        Assert.Equal(new FieldChange("text", "first words", "second words"), Assert.Single(history.Versions[1].Changes));
        Assert.Equal(new FieldChange("text", "second words", "first words"), Assert.Single(history.Versions[2].Changes));
        Assert.Equal([1, 2, 3], history.Observations.Select(o => o.Version));
        var archived = await Archive.QueryPostsAsync(new PostQuery(), Ct).SingleAsync(p => p.Post.Id == "i1", Ct);
        Assert.Equal(3, archived.VersionCount);
        Assert.Equal("first words", archived.Post.Text);

        var again = await Archive.ImportAsync([TestData.Post("i1", "second words"), TestData.Post("i1", "second words")],
            new ImportContext { Origin = "b.jsonl", Source = "ext" }, Ct);
        Assert.Equal((0, 1, 1), (again.NewPosts, again.ChangedPosts, again.UnchangedPosts));
        Assert.Equal(4, (await Archive.GetHistoryAsync(new PostKey("reddit", "i1"), Ct))!.Versions.Count);
    }

    [Fact]
    public async Task RecordCapture_MixOfNewEditedAndRevisited_EachRecordedOnceInPageOrder()
    {
        await Archive.RecordCaptureAsync(TestData.Capture("c1", TestData.T0, TestData.Post("p1"), TestData.Post("p2", "old")), CaptureContext.None, Ct);

        var receipt = await Archive.RecordCaptureAsync(TestData.Capture("c2", TestData.T0.AddHours(1),
            TestData.Post("p3", likes: 1), TestData.Post("p2", "new", likes: 2), TestData.Post("p1", likes: 3), TestData.Post("p3", likes: 9)), CaptureContext.None, Ct);

        Assert.Equal((1, 1, 1), (receipt.NewPosts, receipt.ChangedPosts, receipt.UnchangedPosts));
        var capture = (await Archive.GetCaptureAsync("c2", Ct))!;
        Assert.Equal(["p3", "p2", "p1"], capture.Posts.Select(p => p.Id));
        Assert.Equal([1L, 2L, 3L], capture.Posts.Select(p => p.Metrics.Likes ?? 0));
        var p1 = (await Archive.GetHistoryAsync(new PostKey("reddit", "p1"), Ct))!;
        Assert.Equal([false], p1.Observations.Skip(1).Select(o => o.Changed));
        var all = (await Archive.QueryPostsAsync(new PostQuery(), Ct).ToListAsync(Ct)).ToDictionary(p => p.Post.Id);
        Assert.Equal(TestData.T0.AddHours(1), all["p1"].LastSeen);
        Assert.Equal(TestData.T0, all["p1"].FirstSeen);
        Assert.Equal(2, all["p2"].VersionCount);
        Assert.Equal(TestData.T0.AddHours(1), all["p2"].LastSeen);
        Assert.Equal(TestData.T0.AddHours(1), all["p3"].FirstSeen);
        Assert.Single((await Archive.SearchAsync("new", 10, Ct).ToListAsync(Ct)));
    }

    [Fact]
    public async Task RecordCapture_ConcurrentWorkers_NeverDuplicate()
    {
        var tasks = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 20; i++)
            {
                var capture = TestData.Capture($"c{i}", TestData.T0.AddMinutes(i), TestData.Post($"p{i}"), TestData.Post($"p{i + 1}"));
                await Archive.RecordCaptureAsync(capture, CaptureContext.None, Ct);
            }
        }, Ct));
        await Task.WhenAll(tasks);

        Assert.Equal(21, await Archive.QueryPostsAsync(new PostQuery(), Ct).CountAsync(Ct));
        Assert.Equal(20, await Archive.QueryCapturesAsync(new CaptureQuery(), Ct).CountAsync(Ct));
        Assert.Equal(20, await Archive.Custody.ReadAsync(1, Ct).CountAsync(Ct));
        Assert.Equal(2, (await Archive.GetHistoryAsync(new PostKey("reddit", "p5"), Ct))!.Observations.Count);
        Assert.True((await ArchiveVerifier.VerifyAsync(Archive, Ct)).IsClean);
    }
}
