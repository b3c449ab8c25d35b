using Collector.Model;
using Collector.Parsers.Platforms.Blogger;

namespace Collector.Parsers.Tests.Platforms.Blogger;

public class BloggerParserTests
{
    public static TheoryData<string> Fixtures => ExpectedPageCheck.Files("Blogger");

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Parse_RealCapture_MatchesHandReadExpectations(string expected) =>
        ExpectedPageCheck.Run(new BloggerParser(), "Blogger", expected);

    [Fact]
    public void Parse_SyntheticPostWithComments_ReadsCommentTimesFromShowComment()
    {
        const string html = """
            <html lang="en"><head><meta property="og:site_name" content="Test Blog"></head><body>
            <div class="post hentry" itemprop="blogPost">
              <meta itemprop="postId" content="111">
              <h3 class="post-title entry-title" itemprop="name"><a href="https://test.blogspot.com/2020/01/a-post.html">A post</a></h3>
              <div class="post-header"><abbr class="published" itemprop="datePublished" title="2020-01-02T03:04:00-08:00">3:04 AM</abbr></div>
              <div class="post-body entry-content" id="post-body-111">First paragraph.<br>Second with <a href="https://example.org/ref">a link</a>.</div>
              <span class="post-author vcard"><span class="fn">Blog Author</span></span>
              <span class="post-labels"><a href="/search/label/news">news</a></span>
            </div>
            <div class="comments"><ol>
              <li class="comment" id="c222"><div class="comment-block"><cite class="user"><a href="https://www.blogger.com/profile/5">Reader</a></cite>
                <span class="datetime"><a href="https://test.blogspot.com/2020/01/a-post.html?showComment=1578000000000#c222">January 2, 2020</a></span>
                <p class="comment-content">Nice post.</p></div>
                <div class="comment-replies"><ol><li class="comment" id="c333"><cite class="user">Author</cite>
                  <span class="datetime"><a href="?showComment=1578003600000#c333">x</a></span><p class="comment-content">Thanks.</p></li></ol></div>
              </li>
            </ol></div>
            <a class="blog-pager-older-link" href="https://test.blogspot.com/2019/12/older.html">Older Post</a>
            </body></html>
            """;
        var result = new BloggerParser().Parse(new PageInput { Url = new Uri("https://test.blogspot.com/2020/01/a-post.html"), Body = html });

        var post = result.Posts.Single(p => p.Kind == PostKinds.Article);
        Assert.Equal(new DateTimeOffset(2020, 1, 2, 11, 4, 0, TimeSpan.Zero), post.PublishedAt);
        Assert.Equal("First paragraph.\nSecond with a link.", post.Text);
        Assert.Equal(["https://example.org/ref"], post.Links);
        Assert.Equal(["news"], post.Hashtags);
        Assert.Equal("Test Blog", post.Community);
        var first = result.Posts.Single(p => p.Id == "222");
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1578000000000), first.PublishedAt);
        Assert.Equal("111", first.ParentId);
        Assert.Equal("Reader", first.Author?.Name);
        var reply = result.Posts.Single(p => p.Id == "333");
        Assert.Equal("222", reply.ParentId);
        Assert.Equal("111", reply.RootId);
        Assert.Equal(new PostKey("blogger", "111"), result.Subject);
    }

    [Theory]
    [InlineData("<html><body><h1>Sorry, the page you were looking for in this blog does not exist.</h1></body></html>", PageOutcome.NotFound)]
    [InlineData("<html><body><p>This blog is open to invited readers only</p></body></html>", PageOutcome.LoginWall)]
    [InlineData("<html><body><main class='new-theme'><article><h2>Title</h2><section>Body text of a theme this parser has never seen before, long enough to be a real page and not an empty shell, with lots of words.</section></article></main></body></html>", PageOutcome.Unrecognized)]
    public void Parse_PagesWithoutPosts_Classified(string html, PageOutcome expected) =>
        Assert.Equal(expected, new BloggerParser().Parse(new PageInput { Url = new Uri("https://x.blogspot.com/2020/01/p.html"), Body = html }).Classification);
}
