using Collector.Model;
using Collector.Storage;
using Collector.Web.Browse;

namespace Collector.Web.Tests;

/// <summary>What every browser gives: each filter keeps exactly what it names, keyset pages cover every match once in sort order.</summary>
public abstract class BrowseContractTests(BrowseWorld world)
{
    protected BrowseWorld World { get; } = world;

    protected abstract IPostBrowser Browser { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(BrowseSort.FirstSeenDesc)]
    [InlineData(BrowseSort.FirstSeenAsc)]
    [InlineData(BrowseSort.PublishedDesc)]
    [InlineData(BrowseSort.PublishedAsc)]
    [InlineData(BrowseSort.VersionsDesc)]
    public async Task Browse_KeysetPages_CoverEveryPostOnceInSortOrder(BrowseSort sort)
    {
        SkipUnlessBackend();
        var seen = await AllPagesAsync(new BrowseQuery { Sort = sort, Limit = 7 });

        Assert.Equal(BrowseWorld.Count, seen.Count);
        Assert.Equal(BrowseWorld.Count, seen.Select(a => a.Post.Key).Distinct().Count());
        var values = seen.Select(a => BrowseCursor.SortValue(a, sort)).ToList();
        var expected = BrowseCursor.Descending(sort) ? values.OrderByDescending(v => v) : values.OrderBy(v => v);
        Assert.Equal(expected, values);
    }

    [Fact]
    public async Task Browse_EachFilter_KeepsExactlyWhatItNames()
    {
        SkipUnlessBackend();
        var m = World.Model;
        var from = m.Select(e => e.Published).Order().ElementAt(20);
        var to = m.Select(e => e.Published).Order().ElementAt(45);
        var only = m.Where((_, i) => i % 9 == 0).Select(e => e.Key).ToList();
        var cases = new (BrowseQuery Query, Func<BrowseWorld.Expected, bool> Expect)[]
        {
            (new BrowseQuery { Platforms = ["quora"] }, e => e.Key.Platform == "quora"),
            (new BrowseQuery { Community = "c2" }, e => e.Community == "c2"),
            (new BrowseQuery { Author = "u3" }, e => e.Author == "u3"),
            (new BrowseQuery { From = from, To = to }, e => e.Published >= from && e.Published < to),
            (new BrowseQuery { HasVersions = true }, e => e.Edited),
            (new BrowseQuery { HasVersions = false, Deleted = false }, e => !e.Edited && !e.Deleted),
            (new BrowseQuery { Deleted = true, Platforms = ["reddit", "telegram"] }, e => e.Deleted && e.Key.Platform != "quora"),
            (new BrowseQuery { Only = only, Community = "c0" }, e => only.Contains(e.Key) && e.Community == "c0"),
        };

        foreach (var (query, expect) in cases)
        {
            var got = (await AllPagesAsync(query with { Limit = 5 })).Select(a => a.Post.Key).ToHashSet();
            var want = m.Where(expect).Select(e => e.Key).ToHashSet();
            Assert.NotEmpty(want);
            Assert.True(want.SetEquals(got), $"{query}: expected {want.Count}, got {got.Count}");
        }
    }

    [Fact]
    public async Task Browse_Text_MatchesLatestVersionsOnly()
    {
        SkipUnlessBackend();
        var zebra = (await AllPagesAsync(new BrowseQuery { Text = "zebra", Limit = 4 })).Select(a => a.Post.Key).ToHashSet();
        var original = (await AllPagesAsync(new BrowseQuery { Text = "original", Limit = 50 })).Select(a => a.Post.Key).ToHashSet();

        Assert.True(World.Model.Where(e => e.Edited).Select(e => e.Key).ToHashSet().SetEquals(zebra));
        Assert.True(World.Model.Where(e => !e.Edited).Select(e => e.Key).ToHashSet().SetEquals(original));
    }

    [Fact]
    public async Task Browse_TextWithFilterAndOddSyntax_Works()
    {
        SkipUnlessBackend();
        var got = await AllPagesAsync(new BrowseQuery { Text = "zebra \"", Platforms = ["reddit"], Limit = 3 });

        Assert.All(got, a => Assert.Equal("reddit", a.Post.Platform));
        Assert.Equal(World.Model.Count(e => e.Edited && e.Key.Platform == "reddit"), got.Count);
    }

    [Fact]
    public async Task Browse_UnreadableCursor_StartsFromTheFirstPage()
    {
        SkipUnlessBackend();
        var first = await Browser.BrowseAsync(new BrowseQuery { Limit = 5 }, Ct);
        var odd = await Browser.BrowseAsync(new BrowseQuery { Limit = 5, After = "not-a-cursor!" }, Ct);

        Assert.Equal(first.Posts.Select(p => p.Post.Key), odd.Posts.Select(p => p.Post.Key));
    }

    private void SkipUnlessBackend() => Assert.SkipWhen(World.SkipReason is not null, World.SkipReason ?? "");

    private async Task<List<ArchivedPost>> AllPagesAsync(BrowseQuery query)
    {
        var all = new List<ArchivedPost>();
        string? after = null;
        for (var guard = 0; guard < 100; guard++)
        {
            var page = await Browser.BrowseAsync(query with { After = after }, Ct);
            Assert.True(page.Posts.Count <= query.Limit);
            all.AddRange(page.Posts);
            if (page.Next is null)
            {
                return all;
            }

            after = page.Next;
        }

        throw new InvalidOperationException("paging did not end");
    }
}

public sealed class SqliteBrowseTests(BrowseWorld world) : BrowseContractTests(world), IClassFixture<BrowseWorld>
{
    protected override IPostBrowser Browser => (IPostBrowser)World.Archive;
}

/// <summary>The browse contract on MongoDB (its text index and keyset queries), against COLLECTOR_TEST_MONGODB; skipped without it.</summary>
public sealed class MongoBrowseTests(MongoBrowseWorld world) : BrowseContractTests(world), IClassFixture<MongoBrowseWorld>
{
    protected override IPostBrowser Browser => (IPostBrowser)World.Archive;
}

public sealed class FallbackBrowseTests(BrowseWorld world) : BrowseContractTests(world), IClassFixture<BrowseWorld>
{
    protected override IPostBrowser Browser => new FallbackBrowser(World.Archive);
}
