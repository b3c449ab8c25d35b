using Collector.Model;
using Collector.Parsers.Platforms.Bluesky;

namespace Collector.Parsers.Tests.Platforms.Bluesky;

public class BlueskyParserTests
{
    public static TheoryData<string> Fixtures => ExpectedPageCheck.Files("Bluesky");

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Parse_RealCapture_MatchesHandReadExpectations(string expected) =>
        ExpectedPageCheck.Run(new BlueskyParser(), "Bluesky", expected);

    [Fact]
    public void Parse_SyntheticThreadJson_ReadsParentRepliesAndQuote()
    {
        const string json = """
            {"thread":{"$type":"app.bsky.feed.defs#threadViewPost",
              "post":{"uri":"at://did:plc:a/app.bsky.feed.post/2","author":{"did":"did:plc:a","handle":"a.bsky.social","displayName":"A"},
                "record":{"text":"quoting this","createdAt":"2024-05-01T10:00:00Z","embed":{"record":{"uri":"at://did:plc:c/app.bsky.feed.post/9"}},
                          "reply":{"parent":{"uri":"at://did:plc:b/app.bsky.feed.post/1"},"root":{"uri":"at://did:plc:b/app.bsky.feed.post/1"}}},
                "likeCount":3,"replyCount":1,"repostCount":0},
              "parent":{"post":{"uri":"at://did:plc:b/app.bsky.feed.post/1","author":{"did":"did:plc:b","handle":"b.bsky.social"},"record":{"text":"root post","createdAt":"2024-05-01T09:00:00Z"}}},
              "replies":[{"post":{"uri":"at://did:plc:d/app.bsky.feed.post/3","author":{"did":"did:plc:d","handle":"d.bsky.social"},
                 "record":{"text":"a reply","createdAt":"2024-05-01T11:00:00Z","reply":{"parent":{"uri":"at://did:plc:a/app.bsky.feed.post/2"},"root":{"uri":"at://did:plc:b/app.bsky.feed.post/1"}}}}}]}}
            """;
        var result = new BlueskyParser().Parse(new PageInput { Url = new Uri("https://public.api.bsky.app/xrpc/app.bsky.feed.getPostThread?uri=x"), Body = json, ContentType = "application/json" });

        Assert.Equal(3, result.Posts.Count);
        var focal = result.Posts.Single(p => p.Id.EndsWith("/2", StringComparison.Ordinal));
        Assert.Equal("at://did:plc:b/app.bsky.feed.post/1", focal.ParentId);
        Assert.Equal("at://did:plc:c/app.bsky.feed.post/9", focal.RepostOf);
        Assert.Equal(PostKinds.Comment, focal.Kind);
        Assert.Equal(3, focal.Metrics.Likes);
        Assert.Equal("https://bsky.app/profile/a.bsky.social/post/2", focal.Url);
        Assert.Equal(new PostKey("bluesky", "at://did:plc:a/app.bsky.feed.post/2"), result.Subject);
    }

    [Theory]
    [InlineData("""{"error":"NotFound","message":"Post not found: at://x"}""", PageOutcome.NotFound)]
    [InlineData("""{"error":"AccountTakedown","message":"Account has been suspended"}""", PageOutcome.Removed)]
    [InlineData("""{"thread":{"$type":"app.bsky.feed.defs#notFoundPost","uri":"at://x","notFound":true}}""", PageOutcome.NotFound)]
    [InlineData("""{"view":{"something":"new"}}""", PageOutcome.Unrecognized)]
    public void Parse_ApiErrors_Classified(string json, PageOutcome expected) =>
        Assert.Equal(expected, new BlueskyParser().Parse(new PageInput { Url = new Uri("https://public.api.bsky.app/xrpc/x"), Body = json, ContentType = "application/json" }).Classification);

    [Fact]
    public void Parse_PageWithoutNoscriptSummary_IsUnrecognized()
    {
        var html = "<html><head><title>Bluesky</title></head><body><div id='root'>" + new string('b', 300) + "</div></body></html>";
        Assert.Equal(PageOutcome.Unrecognized, new BlueskyParser().Parse(new PageInput { Url = new Uri("https://bsky.app/profile/x.bsky.social/post/3abc"), Body = html }).Classification);
    }

    [Fact]
    public void Parse_RenderedThreadWithAnItemTwice_ReadsItOnceWithoutCrashing()
    {
        // Regression (found by FuzzedCaptureTests duplicating a slice of the rendered thread capture): the same reply twice.
        const string item = """
            <div data-testid="postThreadItem-by-ann.bsky.social"><img src="https://cdn.bsky.app/img/avatar_thumbnail/plain/did:plc:aaaaaaaaaaaaaaaaaaaaaaaa/x@jpeg">
            <a href="/profile/ann.bsky.social" aria-label="View profile" role="link">Ann</a>
            <a href="/profile/ann.bsky.social/post/3mdeitsgznc24" aria-label="January 27, 2026 at 1:28 AM" data-tooltip="January 27, 2026 at 1:28 AM">9h</a>
            <div dir="auto" data-word-wrap="1">A reply.</div><div data-testid="likeCount">16</div></div>
            """;
        var html = "<html><body>" + item + item + "</body></html>";
        var result = new BlueskyParser().Parse(new PageInput { Url = new Uri("https://bsky.app/profile/bob.bsky.social/post/3mdegyw3ves2t"), Body = html, Rendered = true });

        Assert.Null(result.ParseError);
        var post = Assert.Single(result.Posts);
        Assert.Equal("at://did:plc:aaaaaaaaaaaaaaaaaaaaaaaa/app.bsky.feed.post/3mdeitsgznc24", post.Id);
        Assert.Equal("A reply.", post.Text);
        Assert.Equal(16, post.Metrics.Likes);
    }
}
