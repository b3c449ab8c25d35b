using Collector.Model;
using Collector.Parsers.Platforms.Facebook;

namespace Collector.Parsers.Tests.Platforms.Facebook;

public class FacebookParserTests
{
    public static TheoryData<string> Fixtures => ExpectedPageCheck.Files("Facebook");

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Parse_RealCapture_MatchesHandReadExpectations(string expected) =>
        ExpectedPageCheck.Run(new FacebookParser(), "Facebook", expected);

    [Fact]
    public void Parse_SyntheticShareWithComment_ReadsDataFtAndCommentToken()
    {
        const string html = """
            <html><body>
            <article data-ft="&#123;&quot;top_level_post_id&quot;:&quot;900&quot;,&quot;content_owner_id_new&quot;:&quot;77&quot;,&quot;original_content_id&quot;:&quot;800&quot;,&quot;page_insights&quot;:&#123;&quot;55&quot;:&#123;&quot;page_id&quot;:&quot;55&quot;,&quot;page_id_type&quot;:&quot;group&quot;,&quot;post_context&quot;:&#123;&quot;publish_time&quot;:1622597043&#125;&#125;&#125;&#125;">
              <div class="story_body_container">
                <header><h3><strong><a href="/some.page/?refid=18">Some Page</a></strong></h3></header>
                <div data-ft="&#123;&quot;tn&quot;:&quot;*s&quot;&#125;"><p>Shared with you #news</p><p><a href="https://lm.facebook.com/l.php?u=https%3A%2F%2Fexample.org%2Fstory&amp;h=x">example.org</a></p></div>
              </div>
            </article>
            <div data-store="&#123;&quot;token&quot;:&quot;900_901&quot;&#125;" id="901" data-sigil="comment"><div class="_2b05">Commenter</div><div data-sigil="comment-body">Interesting.</div></div>
            </body></html>
            """;
        var result = new FacebookParser().Parse(new PageInput { Url = new Uri("https://m.facebook.com/groups/55"), Body = html });

        var post = result.Posts.Single(p => p.Id == "900");
        Assert.Equal("800", post.RepostOf);
        Assert.Equal("some.page", post.Author?.Handle);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1622597043), post.PublishedAt);
        Assert.Equal("55", post.Community);
        Assert.Equal(["https://example.org/story"], post.Links);
        Assert.Equal(["news"], post.Hashtags);
        var comment = result.Posts.Single(p => p.Kind == PostKinds.Comment);
        Assert.Equal("900_901", comment.Id);
        Assert.Equal("900", comment.ParentId);
        Assert.Equal("Commenter", comment.Author?.Name);
    }

    [Theory]
    [InlineData("<html><body><div><h2>This content isn't available right now</h2><p>When this happens, it's usually because the owner only shared it with a small group of people.</p></div></body></html>", PageOutcome.Removed)]
    [InlineData("<html><body><form id=\"login_form\" action=\"/login/device-based/regular/login/\"><input name=\"email\"></form><p>You must log in first.</p></body></html>", PageOutcome.LoginWall)]
    [InlineData("<html><body><div role='feed'><div class='x1yztbdb'>A redesigned story without the old data-ft attributes, long enough to not be mistaken for an empty shell page by the classifier at all, yes indeed, many words follow here to make it long.</div></div></body></html>", PageOutcome.Unrecognized)]
    public void Parse_PagesWithoutStories_Classified(string html, PageOutcome expected)
    {
        var result = new FacebookParser().Parse(new PageInput { Url = new Uri("https://m.facebook.com/story.php?story_fbid=123&id=4"), Body = html });

        Assert.Equal(expected, result.Classification);
        Assert.Equal(new PostKey("facebook", "123"), result.Subject);
    }
}
