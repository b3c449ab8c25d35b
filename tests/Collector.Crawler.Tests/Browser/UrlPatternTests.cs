using Collector.Crawler.Browser;

namespace Collector.Crawler.Tests.Browser;

public sealed class UrlPatternTests
{
    [Theory]
    [InlineData("https://bench.test/post/p17.html", "bench.test/post/{id}.html")]
    [InlineData("https://bench.test/post/p9999.html", "bench.test/post/{id}.html")]
    [InlineData("https://www.reddit.com/r/news/comments/1abc2d/why_this_matters_now/", "www.reddit.com/r/news/comments/{id}/{slug}/")]
    [InlineData("https://www.quora.com/What-is-the-best-way-to-learn", "www.quora.com/{slug}")]
    [InlineData("https://t.me/s/channel?before=1234", "t.me/s/channel?before")]
    [InlineData("http://127.0.0.1:5000/shell/a1?b=2&a=1", "127.0.0.1:5000/shell/{id}?a&b")]
    [InlineData("https://example.test/about", "example.test/about")]
    [InlineData("https://example.test/", "example.test")]
    public void Of_Url_Shape(string url, string expected) => Assert.Equal(expected, UrlPattern.Of(new Uri(url)));

    [Fact]
    public void Of_DifferentTemplates_DifferentPatterns()
    {
        Assert.NotEqual(UrlPattern.Of(new Uri("https://x.test/post/1")), UrlPattern.Of(new Uri("https://x.test/list/1")));
        Assert.NotEqual(UrlPattern.Of(new Uri("https://x.test/post/1")), UrlPattern.Of(new Uri("https://y.test/post/1")));
    }
}
