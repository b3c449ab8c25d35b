using Collector.Model;
using Collector.Parsers.Platforms.X;

namespace Collector.Parsers.Tests.Platforms.X;

public class XParserTests
{
    private static readonly Uri SearchUrl = new("https://x.com/i/api/graphql/abc/SearchTimeline?variables=%7B%22rawQuery%22%3A%22q%22%7D");

    public static TheoryData<string> Fixtures => ExpectedPageCheck.Files("X");

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Parse_RealCapture_MatchesHandReadExpectations(string expected) =>
        ExpectedPageCheck.Run(new XParser(), "X", expected);

    [Fact]
    public void Parse_SyntheticTimelineWithRetweetAndQuote_EmitsOriginalsAndPointsAtThem()
    {
        var result = Parse(SearchUrl, XSynthetic.Timeline, json: true);

        Assert.Equal(PageOutcome.Content, result.Classification);
        Assert.Equal(["100", "200", "300", "400"], result.Posts.Select(p => p.Id).Order());
        var retweet = result.Posts.Single(p => p.Id == "200");
        Assert.Equal("100", retweet.RepostOf);
        Assert.Equal("bob", retweet.Author?.Handle);
        var original = result.Posts.Single(p => p.Id == "100");
        Assert.Equal("alice", original.Author?.Handle);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 12, 0, 0, TimeSpan.Zero), original.PublishedAt);
        Assert.Equal(["https://example.org/report"], original.Links);
        Assert.Equal(["Spamouflage"], original.Hashtags);
        Assert.Equal(5, original.Metrics.Likes);
        Assert.Null(original.Metrics.Views);
        var quote = result.Posts.Single(p => p.Id == "300");
        Assert.Equal("100", quote.RepostOf);
        var reply = result.Posts.Single(p => p.Id == "400");
        Assert.Equal(PostKinds.Comment, reply.Kind);
        Assert.Equal("300", reply.ParentId);
        Assert.Equal("100", reply.RootId);
        var next = Assert.Single(result.Next, n => n.Kind == FollowKind.NextPage);
        Assert.Contains("cursor", Uri.UnescapeDataString(next.Url.Query), StringComparison.Ordinal);
        Assert.Contains("BOTTOM-CURSOR", Uri.UnescapeDataString(next.Url.Query), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SyntheticRenderedArticle_ReadsPermalinkTimeAndExactCounts()
    {
        var result = Parse(new Uri("https://x.com/carol/status/1500000000000000000"), XSynthetic.RenderedArticle);

        var post = Assert.Single(result.Posts);
        Assert.Equal("1500000000000000000", post.Id);
        Assert.Equal("carol", post.Author?.Handle);
        Assert.Equal(new DateTimeOffset(2022, 3, 5, 10, 0, 0, TimeSpan.Zero), post.PublishedAt);
        Assert.Equal(1234, post.Metrics.Comments);
        Assert.Equal(56789, post.Metrics.Likes);
        Assert.Equal(new PostKey("x", "1500000000000000000"), result.Subject);
    }

    [Fact]
    public void Parse_SyntheticLegacyPage_ChainsRepliesToTheFocalTweet()
    {
        var result = Parse(new Uri("https://twitter.com/dan/status/20"), XSynthetic.LegacyStatusPage);

        Assert.Equal(["10", "20", "30"], result.Posts.Select(p => p.Id));
        Assert.Equal("10", result.Posts[1].ParentId);
        Assert.Equal("20", result.Posts[2].ParentId);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1466477165000), result.Posts[0].PublishedAt);
    }

    [Theory]
    [InlineData("""{"errors":[{"code":88,"message":"Rate limit exceeded"}]}""", PageOutcome.RateLimited)]
    [InlineData("""{"errors":[{"code":239,"message":"Bad guest token"}]}""", PageOutcome.LoginWall)]
    [InlineData("""{"data":{"user":{"result":{"__typename":"UserUnavailable","reason":"Suspended"}}}}""", PageOutcome.Removed)]
    [InlineData("""{"data":{"user":{}}}""", PageOutcome.NotFound)]
    [InlineData("""{"data":{"somethingNew":{"shape":1}}}""", PageOutcome.Unrecognized)]
    [InlineData("""{"data":{"threaded_conversation_with_injections_v2":{"instructions":[{"type":"TimelineAddEntries","entries":[{"entryId":"tweet-9","content":{"itemContent":{"tweet_results":{"result":{"__typename":"TweetTombstone","tombstone":{"text":{"text":"This Post was deleted by the Post author."}}}}}}}]}]}}}""", PageOutcome.Removed)]
    public void Parse_GraphQlErrorOrGoneShapes_Classified(string json, PageOutcome expected)
    {
        var url = new Uri("https://x.com/i/api/graphql/abc/TweetDetail?variables=%7B%22focalTweetId%22%3A%229%22%7D");
        Assert.Equal(expected, Parse(url, json, json: true).Classification);
    }

    [Theory]
    [InlineData("<html><body><div id=react-root><h1>Account suspended</h1><p>X suspends accounts which violate the X Rules.</p></div></body></html>", PageOutcome.Removed)]
    [InlineData("<html><body><main><span>Hmm...this page doesn’t exist. Try searching for something else.</span></main></body></html>", PageOutcome.NotFound)]
    [InlineData("<html><body><main><section class='timeline-v3'><div class='post-card'>A redesigned tweet card with enough text to not be a shell at all, many words here to pass the threshold of two hundred characters so that it is not taken for an application shell by the classifier, which counts the visible text.</div></section></main></body></html>", PageOutcome.Unrecognized)]
    public void Parse_HtmlWithoutTweets_Classified(string html, PageOutcome expected)
    {
        var result = Parse(new Uri("https://x.com/someone/status/123"), html);

        Assert.Equal(expected, result.Classification);
        Assert.Equal(new PostKey("x", "123"), result.Subject);
    }

    [Fact]
    public void Parse_JavaScriptShell_AsksForBrowser()
    {
        var html = "<html><head><script src='/main.js'></script></head><body><noscript>JavaScript is not available.</noscript><div id='react-root'></div>"
            + new string(' ', 300) + "<script>window.__INITIAL_STATE__={}</script></body></html>";
        var result = Parse(new Uri("https://x.com/someone"), html);

        Assert.True(result.NeedsBrowser);
        Assert.Empty(result.Posts);
    }

    [Theory]
    [InlineData("https://x.com/a/status/1", true)]
    [InlineData("https://mobile.twitter.com/a", true)]
    [InlineData("https://notx.com/a", false)]
    public void Handles_ByHost(string url, bool expected) => Assert.Equal(expected, new XParser().Handles(new Uri(url)));

    private static ParseResult Parse(Uri url, string body, bool json = false) =>
        new XParser().Parse(new PageInput { Url = url, Body = body, ContentType = json ? "application/json" : "text/html" });
}
