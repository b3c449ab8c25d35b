using Collector.Crawler.Politeness;
using Collector.Crawler.Tests.Support;

namespace Collector.Crawler.Tests.Politeness;

public sealed class RobotsTxtTests
{
    private const string Bot = "collectorbot";

    private static string Fixture(string relative)
    {
        var shared = Repo.Shared();
        Assert.SkipWhen(shared is null, "../shared/fixtures is absent: the real robots.txt files cannot be read");
        return File.ReadAllText(Path.Combine(shared!, "fixtures", relative));
    }

    [Fact]
    public void IsAllowed_RedditBlanketDisallow_RefusesEverythingButRobotsTxt()
    {
        var robots = RobotsTxt.Parse(Fixture("reddit/robots-reddit.com-2024-07-07.txt"));

        Assert.False(robots.IsAllowed(new Uri("https://www.reddit.com/r/worldnews/"), Bot));
        Assert.True(robots.IsAllowed(new Uri("https://www.reddit.com/robots.txt"), Bot));
    }

    [Fact]
    public void IsAllowed_RedditDetailedRules_WildcardsAndLongestMatchDecide()
    {
        var robots = RobotsTxt.Parse(Fixture("reddit/robots-reddit.com-2024-06-30-detailed-rules.txt"));

        Assert.False(robots.IsAllowed(new Uri("https://www.reddit.com/r/news/new.json"), Bot));
        Assert.True(robots.IsAllowed(new Uri("https://www.reddit.com/r/news/.rss"), Bot));
        Assert.False(robots.IsAllowed(new Uri("https://www.reddit.com/r/news/comments/abc.rss"), Bot));
        Assert.True(robots.IsAllowed(new Uri("https://www.reddit.com/r/news/comments/abc/title/"), Bot));
        Assert.False(robots.IsAllowed(new Uri("https://www.reddit.com/r/x/comments/abc?sort=new"), Bot));

        // the named group for another bot does not apply to us
        Assert.True(robots.IsAllowed(new Uri("https://www.reddit.com/my_shiny_metal_ass"), Bot));
        Assert.False(robots.IsAllowed(new Uri("https://www.reddit.com/my_shiny_metal_ass"), "bender"));
    }

    [Fact]
    public void IsAllowed_MediumEndAnchorsAndAllowOverrides_Honoured()
    {
        var robots = RobotsTxt.Parse(Fixture("medium/robots-medium.com-2023-11-05.txt"));

        Assert.False(robots.IsAllowed(new Uri("https://medium.com/@me"), Bot));
        Assert.True(robots.IsAllowed(new Uri("https://medium.com/@meanwhile"), Bot));
        Assert.False(robots.IsAllowed(new Uri("https://medium.com/some/post/edit"), Bot));
        Assert.True(robots.IsAllowed(new Uri("https://medium.com/some/post/editorial"), Bot));
        Assert.True(robots.IsAllowed(new Uri("https://medium.com/_/api/posts/1/responses"), Bot));
        Assert.False(robots.IsAllowed(new Uri("https://medium.com/anything"), "gptbot"));
        Assert.Single(robots.Sitemaps);
    }

    [Fact]
    public void IsAllowed_YouTubeEmptyDisallow_AllowsAll()
    {
        var robots = RobotsTxt.Parse(Fixture("youtube/robots-youtube.com-2024-05-26.txt"));

        Assert.True(robots.IsAllowed(new Uri("https://www.youtube.com/login"), "mediapartners-google*"));
        Assert.False(robots.IsAllowed(new Uri("https://www.youtube.com/login"), Bot));
        Assert.True(robots.IsAllowed(new Uri("https://www.youtube.com/watch?v=x"), Bot));
    }

    [Theory]
    [InlineData("facebook/robots-facebook.com-2024-07-07.txt")]
    [InlineData("pinterest/robots-pinterest.com-2024-07-14.txt")]
    [InlineData("quora/robots-quora.com-2023-10-22.txt")]
    [InlineData("vk/robots-vk.com-2024-06-23.txt")]
    [InlineData("tumblr/robots-tumblr.com-2024-07-07.txt")]
    [InlineData("twitter/robots-twitter.com-2024-03-17.txt")]
    public void Parse_LargeRealFiles_ReadsWithoutErrorAndAlwaysAllowsRobotsTxt(string file)
    {
        var robots = RobotsTxt.Parse(Fixture(file));

        Assert.True(robots.IsAllowed(new Uri("https://example.com/robots.txt"), Bot));
    }

    [Fact]
    public void IsAllowed_TieBetweenAllowAndDisallow_AllowWins()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /page\nAllow: /page\n");

        Assert.True(robots.IsAllowed(new Uri("http://h/page"), Bot));
    }

    [Fact]
    public void CrawlDelay_GroupSaysOne_ReadIt()
    {
        var robots = RobotsTxt.Parse("User-agent: collectorbot\nCrawl-delay: 2.5\nDisallow: /x\n");

        Assert.Equal(TimeSpan.FromSeconds(2.5), robots.CrawlDelay(Bot));
        Assert.False(robots.IsAllowed(new Uri("http://h/x/y"), Bot));
    }
}
