using Collector.Crawler.Routing;

namespace Collector.Crawler.Tests.Routing;

public sealed class LinkExtractorTests
{
    private static readonly Uri Page = new("http://site.test/list/1.html");

    private const string Html = """
        <html><head><base href="http://site.test/base/"></head><body>
        <!-- <a class="post-link" href="/commented-out">x</a> -->
        <script>var s = '<a class="post-link" href="/in-script">';</script>
        <ul><li><a class='post-link big' href="p1.html">one</a></li>
        <li><a href=p2.html class=post-link>two</a></li>
        <li><a class="other" href="/nope">no</a></li></ul>
        <a rel="next" href="/list/2.html?x=1&amp;y=2">next</a>
        <div><span><a class="deep" href="/deep">deep</a></span></div>
        </body></html>
        """;

    [Fact]
    public void Extract_SimpleSelectors_MatchStartTagsAndSkipCommentsAndScripts()
    {
        var links = new LinkExtractor(["a.post-link", "a[rel=next]"]).Extract(Html, Page);

        Assert.Equal(
            ["http://site.test/base/p1.html", "http://site.test/base/p2.html", "http://site.test/list/2.html?x=1&y=2"],
            links);
    }

    [Fact]
    public void Extract_ComplexSelector_FallsBackToAngleSharpWithSameResult()
    {
        var links = new LinkExtractor(["div > span a.deep", "ul li a.post-link"]).Extract(Html, Page);

        Assert.Equal(["http://site.test/deep", "http://site.test/base/p1.html", "http://site.test/base/p2.html"], links);
    }

    [Theory]
    [InlineData("a.post-link", true)]
    [InlineData("a[rel=next]", true)]
    [InlineData("a[rel=\"next\"]", true)]
    [InlineData("#more", true)]
    [InlineData("div a", false)]
    [InlineData("a:not(.x)", false)]
    public void TryParse_SimpleOrNot(string selector, bool simple) =>
        Assert.Equal(simple, SimpleSelector.TryParse(selector) is not null);

    [Fact]
    public void IsValidSelector_Garbage_False()
    {
        Assert.False(LinkExtractor.IsValidSelector("a[[["));
        Assert.True(LinkExtractor.IsValidSelector("a.post-link"));
    }
}
