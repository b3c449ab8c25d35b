using Collector.Model;
using Collector.Parsers.Platforms.Tumblr;

namespace Collector.Parsers.Tests.Platforms.Tumblr;

public class TumblrParserTests
{
    public static TheoryData<string> Fixtures => ExpectedPageCheck.Files("Tumblr");

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Parse_RealCapture_MatchesHandReadExpectations(string expected) =>
        ExpectedPageCheck.Run(new TumblrParser(), "Tumblr", expected);

    [Fact]
    public void Parse_SyntheticThemePost_ReadsBodyTimeTagsAndReblogSource()
    {
        const string html = """
            <html><head><meta property="og:type" content="tumblr-feed:entry"><meta property="og:site_name" content="Some Blog">
            <meta property="og:url" content="https://someblog.tumblr.com/post/700000000001/slug"><meta property="og:title" content="A title"></head>
            <body><article class="post">
              <h2><a href="https://someblog.tumblr.com/post/700000000001/slug">A title</a></h2>
              <div class="meta"><time datetime="2021-06-01T12:30:00Z">June 1</time> Reblogged from <a href="https://other.tumblr.com/post/699999999999/x">other</a></div>
              <p>Body of the post with <a href="https://example.org/a">a link</a>.</p>
              <img src="https://64.media.tumblr.com/abc/s640x960/pic.jpg">
              <div class="tags"><a href="/tagged/osint">#osint</a></div>
            </article></body></html>
            """;
        var result = new TumblrParser().Parse(new PageInput { Url = new Uri("https://someblog.tumblr.com/post/700000000001/slug"), Body = html });

        var post = Assert.Single(result.Posts);
        Assert.Equal("700000000001", post.Id);
        Assert.Equal("someblog", post.Author?.Handle);
        Assert.Equal(new DateTimeOffset(2021, 6, 1, 12, 30, 0, TimeSpan.Zero), post.PublishedAt);
        Assert.Equal("699999999999", post.RepostOf);
        Assert.Equal("Body of the post with a link.", post.Text);
        Assert.Equal(["https://example.org/a"], post.Links);
        Assert.Equal(["osint"], post.Hashtags);
        Assert.Single(post.Media);
    }

    [Theory]
    [InlineData("<html><head><title>Not found.</title></head><body><h1>There's nothing here.</h1></body></html>", PageOutcome.NotFound)]
    [InlineData("<html><head><meta property='og:url' content='https://x.tumblr.com/post/12345678/y'></head><body><div class='new-react-root'>" + "A page in a markup this parser does not know, long enough to be a real page rather than a shell, many words here to pass length checks of the classifier." + "</div></body></html>", PageOutcome.Unrecognized)]
    public void Parse_PagesWithoutAPost_Classified(string html, PageOutcome expected) =>
        Assert.Equal(expected, new TumblrParser().Parse(new PageInput { Url = new Uri("https://x.tumblr.com/post/12345678/y"), Body = html }).Classification);
}
