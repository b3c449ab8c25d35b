using Collector.Model;
using Collector.Parsers.Platforms.Reddit;

namespace Collector.Parsers.Tests.Platforms.Reddit;

public class RedditParserTests
{
    public static TheoryData<string> Fixtures => ExpectedPageCheck.Files("Reddit");

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Parse_RealCapture_MatchesHandReadExpectations(string expected) =>
        ExpectedPageCheck.Run(new RedditParser(), "Reddit", expected);

    private static ParseResult Parse(string url, string body, string? contentType = null) =>
        new RedditParser().Parse(new PageInput { Url = new Uri(url), Body = body, ContentType = contentType });

    [Fact]
    public void Parse_CommentTreeJson_NestedRepliesGetParentAndRootAndMoreBecomesLinks()
    {
        const string json = """
            [{"kind":"Listing","data":{"after":null,"children":[{"kind":"t3","data":{"id":"abc","name":"t3_abc","author":"op","created_utc":1700000000,
               "title":"A title","selftext":"Body with https://example.org/x link #tag","subreddit":"test","score":5,"num_comments":3,"permalink":"/r/test/comments/abc/a_title/","is_self":true}}]}},
             {"kind":"Listing","data":{"after":null,"children":[
               {"kind":"t1","data":{"id":"c1","name":"t1_c1","author":"alice","created_utc":1700000100,"body":"first","parent_id":"t3_abc","link_id":"t3_abc","score":2,
                 "replies":{"kind":"Listing","data":{"children":[
                   {"kind":"t1","data":{"id":"c2","name":"t1_c2","author":"[deleted]","created_utc":1700000200,"body":"[removed]","parent_id":"t1_c1","link_id":"t3_abc","replies":""}},
                   {"kind":"more","data":{"count":0,"children":[],"parent_id":"t1_c2"}}]}}}},
               {"kind":"more","data":{"count":12,"children":["c7","c8"],"parent_id":"t3_abc"}}]}}]
            """;
        var result = Parse("https://www.reddit.com/r/test/comments/abc/a_title/.json", json, "application/json");

        Assert.Equal(PageOutcome.Content, result.Classification);
        Assert.Equal(new PostKey("reddit", "t3_abc"), result.Subject);
        var post = result.Posts.Single(p => p.Id == "t3_abc");
        Assert.Equal(["https://example.org/x"], post.Links);
        Assert.Equal(["tag"], post.Hashtags);
        Assert.DoesNotContain(result.Posts, p => p.Id == "t1_c2"); // a "[removed]" stub is a tombstone, not a version
        Assert.Equal([new PostKey("reddit", "t1_c2")], result.Removed);
        Assert.Equal("t1_c1", result.Posts.Single(p => p.Id == "t1_c1").Id);
        Assert.Contains(result.Next, n => n.Kind == FollowKind.Comments && n.Url.Query.Contains("children=c7,c8", StringComparison.Ordinal));
        Assert.Contains(result.Next, n => n.Kind == FollowKind.Comments && n.Url.AbsolutePath.EndsWith("/comments/abc/_/c2/.json", StringComparison.Ordinal));
    }

    private const string ListingWithLink = """
        {"kind":"Listing","data":{"after":"t3_p2","children":[{"kind":"t3","data":{"id":"p1","name":"t3_p1","author":"op","created_utc":1700000000,
           "title":"T","selftext":"see https://www.reddit.com/r/other/ too","subreddit":"s","permalink":"/r/s/comments/p1/t/","is_self":true}}]}}
        """;

    [Fact]
    public void Parse_PageServedFromAnotherHost_PermalinksAndNextPagesPointBackThere()
    {
        var result = Parse("http://127.0.0.1:5123/r/s/new.json", ListingWithLink, "application/json");

        var post = Assert.Single(result.Posts);
        Assert.Equal("http://127.0.0.1:5123/r/s/comments/p1/t/", post.Url);
        Assert.Equal("http://127.0.0.1:5123/user/op", post.Author?.Url);
        Assert.Equal(["https://www.reddit.com/r/other/"], post.Links); // what the text says stays as written
        Assert.All(result.Next, n => Assert.Equal("127.0.0.1:5123", n.Url.Authority));
    }

    [Fact]
    public void Parse_ImagePostJson_ImageIsMediaNotALink()
    {
        const string json = """
            {"kind":"Listing","data":{"children":[{"kind":"t3","data":{"id":"p1","name":"t3_p1","author":"op","created_utc":1700000000,"title":"T",
               "subreddit":"s","permalink":"/r/s/comments/p1/t/","is_self":false,"url":"https://img.example/a.png",
               "preview":{"images":[{"source":{"url":"https://img.example/a.png"}}]}}},
              {"kind":"t3","data":{"id":"p2","name":"t3_p2","author":"op","created_utc":1700000000,"title":"L",
               "subreddit":"s","permalink":"/r/s/comments/p2/l/","is_self":false,"url":"https://news.example/story"}}]}}
            """;
        var result = Parse("https://www.reddit.com/r/s/new.json", json, "application/json");

        var image = result.Posts.Single(p => p.Id == "t3_p1");
        Assert.Equal(["https://img.example/a.png"], image.Media.Select(m => m.Url));
        Assert.Empty(image.Links);
        Assert.Equal(["https://news.example/story"], result.Posts.Single(p => p.Id == "t3_p2").Links);
    }

    [Fact]
    public void Parse_PageFromRedditItself_PermalinksStayCanonical()
    {
        var result = Parse("https://old.reddit.com/r/s/new.json", ListingWithLink, "application/json");

        Assert.Equal("https://www.reddit.com/r/s/comments/p1/t/", Assert.Single(result.Posts).Url);
    }

    [Fact]
    public void Parse_RemovedPostJson_IsRemovedWithSubject()
    {
        const string json = """
            [{"kind":"Listing","data":{"children":[{"kind":"t3","data":{"id":"gone","name":"t3_gone","author":"[deleted]","created_utc":1700000000,"title":"t","selftext":"[removed]","removed_by_category":"moderator","subreddit":"s","permalink":"/r/s/comments/gone/t/"}}]}},
             {"kind":"Listing","data":{"children":[]}}]
            """;
        var result = Parse("https://www.reddit.com/r/s/comments/gone/t/.json", json, "application/json");
        Assert.Equal(PageOutcome.Removed, result.Classification);
        Assert.Equal(new PostKey("reddit", "t3_gone"), result.Subject);
    }

    [Fact]
    public void Parse_SubredditListingJson_FollowLinksCarryNoDefaultPort()
    {
        const string json = """
            {"kind":"Listing","data":{"after":"t3_b","children":[{"kind":"t3","data":{"id":"b","name":"t3_b","author":"op","created_utc":1700000000,
               "title":"A title","selftext":"","subreddit":"s","permalink":"/r/s/comments/b/a_title/","url":"https://www.reddit.com/r/s/comments/b/a_title/","is_self":true}}]}}
            """;

        var result = Parse("https://www.reddit.com/r/s/new.json?limit=1", json, "application/json");

        Assert.Equal(
            ["https://www.reddit.com/r/s/comments/b/a_title/.json", "https://www.reddit.com/r/s/new.json?limit=1&after=t3_b"],
            result.Next.Select(n => n.Url.OriginalString).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("""{"message": "Not Found", "error": 404}""", PageOutcome.NotFound)]
    [InlineData("""{"message": "Too Many Requests", "error": 429}""", PageOutcome.RateLimited)]
    [InlineData("""{"reason": "private", "message": "Forbidden", "error": 403}""", PageOutcome.LoginWall)]
    [InlineData("""{"reason": "banned", "message": "Forbidden", "error": 403}""", PageOutcome.Removed)]
    [InlineData("""{"kind": "Listing", "data": {"after": null, "children": []}}""", PageOutcome.Empty)]
    [InlineData("""{"data": {"something": "else"}}""", PageOutcome.Unrecognized)]
    public void Parse_ApiBodies_Classified(string json, PageOutcome expected) =>
        Assert.Equal(expected, Parse("https://www.reddit.com/r/s/new.json", json, "application/json").Classification);

    [Fact]
    public void Parse_ShredditPostPageWithRemovalNotice_IsRemovedWithSubjectAndDeletedCommentsTombstoned()
    {
        const string html = """
            <html><body><shreddit-post id="t3_p7" author="[deleted]" post-title="T" subreddit-prefixed-name="r/x" created-timestamp="2024-06-25T09:00:00.000000+0000" permalink="/r/x/comments/p7/t/">
              <div slot="text-body"><div id="t3_p7-post-rtjson-content"><p>Sorry, this post has been removed by the moderators of r/x.</p></div></div>
            </shreddit-post>
            <shreddit-comment-tree>
            <shreddit-comment thingid="t1_c1" postid="t3_p7" author="alice" created="2024-06-25T09:20:00.000000+0000" depth="0">
              <div id="t1_c1-comment-rtjson-content" slot="comment"><p>still here</p></div></shreddit-comment>
            <shreddit-comment thingid="t1_c2" postid="t3_p7" author="[deleted]" created="2024-06-25T09:21:00.000000+0000" depth="0">
              <div id="t1_c2-comment-rtjson-content" slot="comment"><p>[deleted]</p></div></shreddit-comment>
            </shreddit-comment-tree></body></html>
            """;
        var result = Parse("https://www.reddit.com/r/x/comments/p7/t/", html);

        Assert.Equal(PageOutcome.Removed, result.Classification);
        Assert.Equal(new PostKey("reddit", "t3_p7"), result.Subject);
        Assert.Equal([new PostKey("reddit", "t1_c2")], result.Removed);
        Assert.DoesNotContain(result.Posts, p => p.Id is "t3_p7" or "t1_c2");
    }

    [Fact]
    public void Parse_ShredditThreadWithDeletedComment_CommentIsTombstonedNotAPost()
    {
        const string html = """
            <html><body><shreddit-comment-tree>
            <shreddit-comment thingid="t1_c1" postid="t3_p1" author="alice" created="2024-06-25T09:20:00.000000+0000" depth="0">
              <div id="t1_c1-comment-rtjson-content" slot="comment"><p>kept</p></div></shreddit-comment>
            <shreddit-comment thingid="t1_c3" postid="t3_p1" author="[deleted]" created="2024-06-25T09:22:00.000000+0000" depth="0">
              <div id="t1_c3-comment-rtjson-content" slot="comment"><p>[removed]</p></div></shreddit-comment>
            </shreddit-comment-tree></body></html>
            """;
        var result = Parse("https://www.reddit.com/svc/shreddit/comments/r/x/t3_p1", html);

        Assert.Equal(PageOutcome.Content, result.Classification);
        Assert.Equal(["t1_c1"], result.Posts.Select(p => p.Id));
        Assert.Equal([new PostKey("reddit", "t1_c3")], result.Removed);
    }

    [Fact]
    public void Parse_ShredditCommentsPartial_ReadsAttributesAndNesting()
    {
        const string html = """
            <html><body><shreddit-comment-tree>
            <shreddit-comment thingid="t1_c1" postid="t3_p1" author="alice" created="2024-06-25T09:20:00.000000+0000" score="88" depth="0" permalink="/r/x/comments/p1/comment/c1/">
              <div id="t1_c1-comment-rtjson-content" slot="comment"><p>See <a href="https://arxiv.org/abs/2402.00001">this</a></p></div>
              <shreddit-comment thingid="t1_c2" postid="t3_p1" author="bob" created="2024-06-25T09:21:00.000000+0000" score="4" depth="1">
                <div id="t1_c2-comment-rtjson-content" slot="comment"><p>[deleted]</p></div>
              </shreddit-comment>
            </shreddit-comment>
            <faceplate-partial src="/svc/shreddit/more-comments/x/t3_p1?cursor=abc" loading="action"></faceplate-partial>
            </shreddit-comment-tree></body></html>
            """;
        var result = Parse("https://www.reddit.com/svc/shreddit/comments/r/x/t3_p1", html);

        Assert.Equal(2, result.Posts.Count);
        var first = result.Posts[0];
        Assert.Equal(("t1_c1", "alice", "t3_p1", "t3_p1", 88L), (first.Id, first.Author!.Handle, first.ParentId, first.RootId, first.Metrics.Score!.Value));
        Assert.Equal(new DateTimeOffset(2024, 6, 25, 9, 20, 0, TimeSpan.Zero), first.PublishedAt);
        Assert.Equal(["https://arxiv.org/abs/2402.00001"], first.Links);
        Assert.Equal("t1_c1", result.Posts[1].ParentId);
        Assert.Null(result.Posts[1].Text);
        Assert.Contains(result.Next, n => n.Kind == FollowKind.Comments && n.Url.AbsolutePath.Contains("more-comments", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_OldRedditCommentPage_NestedThingsGiveParents()
    {
        const string html = """
            <html><body><div id="siteTable" class="sitetable linklisting">
             <div class=" thing id-t3_p1 link self" data-fullname="t3_p1" data-author="op" data-subreddit="x" data-timestamp="1700000000000" data-score="10" data-comments-count="2" data-permalink="/r/x/comments/p1/t/">
               <p class="title"><a class="title" href="/r/x/comments/p1/t/">Post title</a></p></div></div>
             <div class="commentarea"><div class="sitetable nestedlisting">
              <div class=" thing id-t1_c1 comment" data-fullname="t1_c1" data-author="alice" data-subreddit="x" data-permalink="/r/x/comments/p1/t/c1/">
                <div class="entry"><p class="tagline"><a class="author">alice</a><span class="score unvoted" title="7">7 points</span><time datetime="2023-11-14T22:20:00+00:00">1 yr</time></p>
                  <form><div class="usertext-body"><div class="md"><p>Top level</p></div></div></form></div>
                <div class="child"><div class="sitetable listing">
                  <div class=" thing id-t1_c2 comment" data-fullname="t1_c2" data-author="bob">
                    <div class="entry"><p class="tagline"><a class="author">bob</a></p><form><div class="usertext-body"><div class="md"><p>Reply</p></div></div></form></div>
                  </div></div></div>
              </div></div></div></body></html>
            """;
        var result = Parse("https://old.reddit.com/r/x/comments/p1/t/", html);

        Assert.Equal(new PostKey("reddit", "t3_p1"), result.Subject);
        var c1 = result.Posts.Single(p => p.Id == "t1_c1");
        Assert.Equal(("t3_p1", "t3_p1", "Top level", 7L), (c1.ParentId, c1.RootId, c1.Text, c1.Metrics.Score!.Value));
        Assert.Equal(new DateTimeOffset(2023, 11, 14, 22, 20, 0, TimeSpan.Zero), c1.PublishedAt);
        Assert.Equal("t1_c1", result.Posts.Single(p => p.Id == "t1_c2").ParentId);
    }

    [Fact]
    public void Parse_VeryOldMarkupWithoutDataAttributes_ReadsClassesAndTagline()
    {
        const string html = """
            <html><body><div id="siteTable"><div class="thing id-t3_old1 odd link">
              <div class="midcol"><div class="score unvoted">151</div></div>
              <div class="entry"><p class="title"><a class="title" href="http://example.com/story">Old story</a></p>
              <p class="tagline">submitted <time title="Mon Jan 3 10:00:00 2011 UTC" datetime="2011-01-03T10:00:00+00:00">x</time> by <a class="author" href="/user/veteran">veteran</a> to <a class="subreddit hover" href="/r/news/">news</a></p>
              <ul><li class="first"><a class="comments" href="/r/news/comments/old1/old_story/">42 comments</a></li></ul></div>
            </div></div></body></html>
            """;
        var post = Assert.Single(Parse("https://old.reddit.com/r/news/", html).Posts);

        Assert.Equal(("t3_old1", "veteran", "news", 42L, 151L), (post.Id, post.Author!.Handle, post.Community, post.Metrics.Comments!.Value, post.Metrics.Score!.Value));
        Assert.Equal(new DateTimeOffset(2011, 1, 3, 10, 0, 0, TimeSpan.Zero), post.PublishedAt);
        Assert.Equal("Old story", post.Title);
    }

    [Fact]
    public void Parse_UnknownRedditMarkup_IsUnrecognizedNotEmpty()
    {
        var html = "<html><head><title>reddit</title></head><body><div class='new-2027-layout'>" + new string('x', 500) + "</div></body></html>";
        var result = Parse("https://www.reddit.com/r/x/", html);
        Assert.Equal(PageOutcome.Unrecognized, result.Classification);
    }

    [Fact]
    public void Parse_LoginWallPage_IsLoginWall()
    {
        var html = "<html><body><h1>Log in to continue</h1><form id='login_form'></form></body></html>";
        Assert.Equal(PageOutcome.LoginWall, Parse("https://www.reddit.com/r/x/comments/p9/t/", html).Classification);
    }
}
