using Collector.Detection.Links;
using Collector.Model;

namespace Collector.Detection.Tests;

public sealed class LinkToPostTests
{
    private const string Reddit = "https://www.reddit.com/r/worldnews/comments/1abc23/the_island_drills/";

    [Theory]
    [InlineData("https://old.reddit.com/r/worldnews/comments/1abc23/")]
    [InlineData("http://reddit.com/r/worldnews/comments/1abc23/the_island_drills?utm_source=share&utm_medium=web2x#comments")]
    [InlineData("https://redd.it/1abc23")]
    [InlineData("https://np.reddit.com/comments/1abc23")]
    [InlineData("https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.reddit.com%2Fr%2Fworldnews%2Fcomments%2F1abc23%2F%3Futm_source%3Dfb&h=AT0x9")]
    [InlineData("https://www.google.com/url?q=https://m.reddit.com/r/worldnews/comments/1abc23/x/&sa=D")]
    [InlineData("https://out.reddit.com/t3_x?url=https%3A%2F%2Fredd.it%2F1abc23&token=AQAA")]
    public void Canonicalize_SpellingsOfOneRedditPost_GiveOneKey(string spelling) =>
        Assert.Equal(UrlCanonicalizer.Canonicalize(Reddit), UrlCanonicalizer.Canonicalize(spelling));

    [Theory]
    [InlineData("https://x.com/someone/status/1790000000000000001", "https://mobile.twitter.com/SomeoneElse/status/1790000000000000001?s=20&t=abc")]
    [InlineData("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://youtu.be/dQw4w9WgXcQ?si=Qm3bT")]
    [InlineData("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://m.youtube.com/shorts/dQw4w9WgXcQ")]
    [InlineData("https://t.me/channel/123", "https://telegram.me/s/channel/123")]
    [InlineData("https://medium.com/@a/story-1f2e", "https://vk.com/away.php?to=https%3A%2F%2Fmedium.com%2F%40a%2Fstory-1f2e%3Ffbclid%3DIwAR&cc_key=")]
    public void Canonicalize_PlatformShortLinksAndWrappers_AreUndone(string canonical, string spelling) =>
        Assert.Equal(UrlCanonicalizer.Canonicalize(canonical), UrlCanonicalizer.Canonicalize(spelling));

    [Fact]
    public void Canonicalize_DifferentPostsOrComment_StayApart()
    {
        Assert.NotEqual(UrlCanonicalizer.Canonicalize(Reddit), UrlCanonicalizer.Canonicalize("https://redd.it/1abc24"));
        Assert.NotEqual(UrlCanonicalizer.Canonicalize(Reddit), UrlCanonicalizer.Canonicalize(Reddit + "kx9/"));
        Assert.NotEqual(UrlCanonicalizer.Canonicalize("https://youtu.be/aaaaaaaaaaa"), UrlCanonicalizer.Canonicalize("https://youtu.be/aaaaaaaaaab"));
        // a wrapper around something that is not a web address stays the wrapper
        Assert.StartsWith("l.facebook.com/l.php?", UrlCanonicalizer.Canonicalize("https://l.facebook.com/l.php?u=javascript%3Aalert(1)"), StringComparison.Ordinal);
    }

    [Fact]
    public void Find_UrlsInText_WithoutTrailingPunctuation()
    {
        var found = TextUrls.Find("Read this (https://example.com/a?b=1). And www.example.org/x, or 看https://t.me/c/5。").ToList();
        Assert.Equal(["https://example.com/a?b=1", "www.example.org/x", "https://t.me/c/5"], found);
    }

    [Fact]
    public void Run_PostsLinkingToAnArchivedPost_AreTiedToIt_InTextOrLinksOnly()
    {
        var origin = Post("reddit", "1abc23", "author", TestPosts.T0, TestPosts.Filler(1), url: Reddit);
        var inText = Post("x", "9001", "sharer1", TestPosts.T0.AddHours(3), "you must read https://redd.it/1abc23?utm_source=x");
        var inLinks = Post("facebook", "77", "sharer2", TestPosts.T0.AddHours(5), "must read", links: ["https://old.reddit.com/r/worldnews/comments/1abc23/"]);
        var stranger = Post("x", "9002", "sharer3", TestPosts.T0.AddHours(4), "unrelated https://redd.it/1abc99");

        var result = DetectionEngine.Run([origin, inText, inLinks, stranger]);

        var chain = Assert.Single(result.Chains);
        Assert.Equal(new PostRef("reddit", "1abc23"), chain.Origin);
        Assert.Equal(["1abc23", "9001", "77"], chain.Posts.Select(p => p.Id));
        Assert.All(chain.Posts, p => Assert.Contains("link-to-post", p.MatchedBy));
        Assert.Equal(2, result.Stats.LinksToPosts);
    }

    [Fact]
    public void Run_ManyStrangersLinkToOnePost_StillTied_NoBigNewsGuard()
    {
        var origin = Post("medium", "a1", "outlet", TestPosts.T0, TestPosts.Filler(2), url: "https://medium.com/@outlet/story-a1");
        var sharers = Enumerable.Range(0, 40)
            .Select(i => Post("x", "s" + i, "person" + i, TestPosts.T0.AddDays(i), TestPosts.Filler(100 + i) + " https://medium.com/@outlet/story-a1?fbclid=" + i));

        var result = DetectionEngine.Run([origin, .. sharers]);

        var chain = Assert.Single(result.Chains);
        Assert.Equal(41, chain.Posts.Count);
        Assert.Equal("a1", chain.Origin.Id);
    }

    [Fact]
    public void Run_LinkedPostSeenLaterThanItsSharer_IsStillTheOrigin()
    {
        // the original gives no publication time and was first seen after the share: the link says which came first
        var origin = Post("telegram", "55", "channel", null, TestPosts.Filler(3), url: "https://t.me/channel/55", firstSeen: TestPosts.T0.AddDays(2));
        var share = Post("vk", "w1", "reposter", TestPosts.T0, "look https://t.me/s/channel/55");

        var result = DetectionEngine.Run([origin, share]);

        var chain = Assert.Single(result.Chains);
        Assert.Equal(new PostRef("telegram", "55"), chain.Origin);
        Assert.Equal("origin", chain.Posts[0].Role);
        Assert.Equal("55", chain.Posts[0].Id);
    }

    [Fact]
    public void Run_OutsideLinkSharedByManyOverDays_KeepsItsBigNewsGuard()
    {
        var sharers = Enumerable.Range(0, 30)
            .Select(i => Post("x", "n" + i, "reader" + i, TestPosts.T0.AddHours(7 * i), TestPosts.Filler(200 + i) + " https://www.bbc.com/news/world-1?utm_source=tw" + i));

        Assert.Empty(DetectionEngine.Run(sharers).Chains);
    }

    [Fact]
    public void Run_MemeBurstByManyStrangers_TiesNothing_ButItsRepeatCoSharersAreTied()
    {
        var meme = Images.PdqHash.Parse(new string('a', 64));
        var strangers = Enumerable.Range(0, 20)
            .Select(i => TestPosts.Make("x", "m" + i, "fan" + i, TestPosts.T0.AddHours(i), "caption " + i, image: meme));
        // two of the sharers also posted the same long text: they are repeat co-sharers
        var story = TestPosts.Filler(7);
        var copies = new[]
        {
            TestPosts.Make("x", "c1", "fan1", TestPosts.T0.AddDays(3), story),
            TestPosts.Make("x", "c2", "fan2", TestPosts.T0.AddDays(3).AddHours(1), story),
        };

        var result = DetectionEngine.Run([.. strangers, .. copies]);

        Assert.Equal(2, result.Chains.Count);
        Assert.Equal(["m1", "m2"], result.Chains[0].Posts.Select(p => p.Id));
        Assert.Equal(["c1", "c2"], result.Chains[1].Posts.Select(p => p.Id));
    }

    private static DetectionPost Post(string platform, string id, string author, DateTimeOffset? at, string text,
        string? url = null, string[]? links = null, DateTimeOffset? firstSeen = null)
    {
        var made = TestPosts.Make(platform, id, author, at, text, links: links, firstSeen: firstSeen);
        return made with { Post = made.Post with { Url = url ?? made.Post.Url } };
    }
}
