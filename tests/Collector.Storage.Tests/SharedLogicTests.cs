using Collector.Model;
using Collector.Storage.Sqlite;

namespace Collector.Storage.Tests;

/// <summary>The shared computations every backend relies on, and the SQLite backend's failures.</summary>
public sealed class SharedLogicTests
{
    [Fact]
    public void ContentHash_MetricsOnly_Unchanged()
    {
        var a = TestData.Post("p1", likes: 1);

        Assert.Equal(PostContentHash.Compute(a), PostContentHash.Compute(a with { Metrics = new Metrics { Likes = 99, Views = 5 } }));
        Assert.NotEqual(PostContentHash.Compute(a), PostContentHash.Compute(a with { Text = a.Text + "!" }));
        Assert.NotEqual(PostContentHash.Compute(a), PostContentHash.Compute(a with { Links = [] }));
        Assert.NotEqual(PostContentHash.Compute(a), PostContentHash.Compute(a with { ParentId = "x" }));
        Assert.NotEqual(PostContentHash.Compute(a), PostContentHash.Compute(a with { Author = a.Author! with { Handle = "other" } }));
    }

    [Fact]
    public async Task ContentHash_IsSha256OfTheCanonicalJson_AlsoAfterAHugePost()
    {
        var a = TestData.Post("p1") with { Media = [new Media { Type = "image", Url = "https://i.test/1" }], ParentId = "p0" };
        const string Canonical = """
            {"text":"hello world","title":"Title p1","author":{"id":null,"handle":"handle_p1","name":"Name p1","url":null},"media":[["image","https://i.test/1"]],"links":["https://link.test/p1"],"parent":"p0","repostOf":null}
            """;
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Canonical)));

        Assert.Equal(expected, PostContentHash.Compute(a));
        var huge = a with { Text = new string('x', 3 << 20) };
        Assert.NotEqual(expected, PostContentHash.Compute(huge));
        Assert.Equal(expected, PostContentHash.Compute(a));
        Assert.Equal(expected, await Task.Run(() => PostContentHash.Compute(a), TestContext.Current.CancellationToken));
    }

    [Fact]
    public void ContentHash_AuthorIdMissingFromOneRendering_SameWhenHandleShown()
    {
        var a = TestData.Post("p1") with { Author = new Author { Id = "t2_abc", Handle = "alice", Url = "https://r.test/user/alice" } };

        Assert.Equal(PostContentHash.Compute(a), PostContentHash.Compute(a with { Author = a.Author! with { Id = null } }));
        Assert.Equal(PostContentHash.Compute(a), PostContentHash.Compute(a with { Url = "https://r.test/r/s/comments/x/comment/p1/", Community = null }));
        var anonymous = a with { Author = new Author { Id = "t2_abc" } };
        Assert.NotEqual(PostContentHash.Compute(anonymous), PostContentHash.Compute(anonymous with { Author = new Author { Id = "t2_xyz" } }));
    }

    [Fact]
    public void Diff_TitleAndMediaChanged_ListsBothFields()
    {
        var a = TestData.Post("p1");
        var b = a with { Title = "New", Media = [new Media { Type = "image", Url = "https://i.test/1" }], Metrics = new Metrics { Likes = 3 } };

        var changes = PostDiff.Compare(a, b);

        Assert.Equal(["title", "media"], changes.Select(c => c.Field));
        Assert.Equal("image https://i.test/1", changes[1].After);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/post/p5.html/", "http://127.0.0.1:8080/post/p5.html")]
    [InlineData("HTTP://Example.TEST/a/#frag", "http://example.test/a")]
    [InlineData("https://example.test:443/a?b=1", "https://example.test/a?b=1")]
    public void UrlKey_Variants_NormalizeAlike(string input, string expected) => Assert.Equal(expected, UrlKey.Normalize(input));

    [Fact]
    public void CustodyChain_ThreeEntries_CheckClean()
    {
        var e1 = CustodyChain.Next(new CustodyEvent { Action = "capture", Subject = "c1" }, null, TestData.T0);
        var e2 = CustodyChain.Next(new CustodyEvent { Action = "export", Subject = "x" }, e1, TestData.T0.AddSeconds(1));
        var e3 = CustodyChain.Next(new CustodyEvent { Action = "verify", Subject = "y" }, e2, TestData.T0.AddSeconds(2));

        Assert.Empty(CustodyChain.Check([e1, e2, e3]));
        Assert.Equal(e2.Hash, e3.PreviousHash);
        Assert.Contains("custody entry 2 altered", CustodyChain.Check([e1, e2 with { Subject = "z" }, e3])[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_DatabaseUnderAFile_ThrowsArchiveUnavailableWithPath()
    {
        using var folder = new TempFolder();
        var blocker = Path.Combine(folder.Path, "not-a-dir");
        await File.WriteAllTextAsync(blocker, "x", TestContext.Current.CancellationToken);

        var ex = await Assert.ThrowsAsync<ArchiveUnavailableException>(() =>
            new SqliteArchiveBackend(TimeProvider.System).OpenAsync("sqlite:" + Path.Combine(blocker, "a.db"), TestContext.Current.CancellationToken));

        Assert.Contains(blocker, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_FileThatIsNotADatabase_ThrowsArchiveUnavailable()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "junk.db");
        await File.WriteAllTextAsync(path, new string('x', 5000), TestContext.Current.CancellationToken);

        var ex = await Assert.ThrowsAsync<ArchiveUnavailableException>(() =>
            new SqliteArchiveBackend(TimeProvider.System).OpenAsync("sqlite:" + path, TestContext.Current.CancellationToken));

        Assert.Contains("not a healthy SQLite database", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opener_UnknownScheme_IsStoreUriError()
    {
        var opener = new ArchiveOpener([new SqliteArchiveBackend(TimeProvider.System), new MongoDb.MongoArchiveBackend(TimeProvider.System)]);

        await Assert.ThrowsAsync<StoreUriException>(() => opener.OpenAsync("postgres://x/y", TestContext.Current.CancellationToken));
    }
}
