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

    /// <summary>
    /// Paths read by hand against the real files, per agent: each line names the rule that decides it. Together they
    /// exercise the choice of group (named over "*", duplicate groups merged), longest match, allow winning a tie,
    /// "*" anywhere in a pattern (also leading), "$" anchoring, and patterns that look like regular expressions but
    /// are literal under RFC 9309.
    /// </summary>
    [Theory]
    // facebook: "*" is Disallow: /; Applebot's two groups (lines 6 and 793) merge, so its Allow lines beat "/ajax/"
    [InlineData("facebook/robots-facebook.com-2024-07-07.txt", Bot, "/careers/", false)]
    [InlineData("facebook/robots-facebook.com-2024-07-07.txt", Bot, "/zuck", false)]
    [InlineData("facebook/robots-facebook.com-2024-07-07.txt", "applebot", "/zuck", true)]
    [InlineData("facebook/robots-facebook.com-2024-07-07.txt", "applebot", "/ajax/pagelet/x", false)]
    [InlineData("facebook/robots-facebook.com-2024-07-07.txt", "applebot", "/ajax/bootloader-endpoint/?x=1", true)]
    [InlineData("facebook/robots-facebook.com-2024-07-07.txt", "applebot", "/login.php?next=%2F", false)]
    [InlineData("facebook/robots-facebook.com-2024-07-07.txt", "applebot", "/login.php", true)]
    [InlineData("facebook/robots-facebook.com-2024-07-07.txt", "applebot", "/page/plugins/like.php", false)]
    [InlineData("facebook/robots-facebook.com-2024-07-07.txt", "applebot", "/?a=1&next=2", false)]
    // pinterest: "*" group; Allow /_ngjs/resource/*/get/ (22 chars) beats Disallow /_ngjs/resource/ (16)
    [InlineData("pinterest/robots-pinterest.com-2024-07-14.txt", Bot, "/_ngjs/resource/BoardResource/get/", true)]
    [InlineData("pinterest/robots-pinterest.com-2024-07-14.txt", Bot, "/_ngjs/resource/BoardResource/create/", false)]
    [InlineData("pinterest/robots-pinterest.com-2024-07-14.txt", Bot, "/pin/123/comments", false)]
    [InlineData("pinterest/robots-pinterest.com-2024-07-14.txt", Bot, "/board/99/", false)]
    [InlineData("pinterest/robots-pinterest.com-2024-07-14.txt", Bot, "/someone/pins/", false)]
    [InlineData("pinterest/robots-pinterest.com-2024-07-14.txt", "gptbot", "/pin/123/", false)]
    [InlineData("pinterest/robots-pinterest.com-2024-07-14.txt", "mediapartners-google", "/search/pins/?q=x", true)]
    [InlineData("pinterest/robots-pinterest.com-2024-07-14.txt", "mediapartners-google", "/pin/123/", false)]
    // quora: "*" allows only "/$", "/about$", "/about/"...; Googlebot's own group has no "Disallow: /"
    [InlineData("quora/robots-quora.com-2023-10-22.txt", Bot, "/", true)]
    [InlineData("quora/robots-quora.com-2023-10-22.txt", Bot, "/about", true)]
    [InlineData("quora/robots-quora.com-2023-10-22.txt", Bot, "/about/careers", true)]
    [InlineData("quora/robots-quora.com-2023-10-22.txt", Bot, "/aboutx", false)]
    [InlineData("quora/robots-quora.com-2023-10-22.txt", Bot, "/What-is-love", false)]
    [InlineData("quora/robots-quora.com-2023-10-22.txt", "googlebot", "/What-is-love", true)]
    [InlineData("quora/robots-quora.com-2023-10-22.txt", "googlebot", "/profile/Someone/posts", false)]
    [InlineData("quora/robots-quora.com-2023-10-22.txt", "googlebot", "/profile/Someone/postscript", true)]
    [InlineData("quora/robots-quora.com-2023-10-22.txt", "googlebot", "/profile/Someone/followers", false)]
    // vk: leading "*" patterns, "$" anchors on allows, and "/feed*" also covering /feedback
    [InlineData("vk/robots-vk.com-2024-06-23.txt", Bot, "/durov", true)]
    [InlineData("vk/robots-vk.com-2024-06-23.txt", Bot, "/feed", false)]
    [InlineData("vk/robots-vk.com-2024-06-23.txt", Bot, "/feedback", false)]
    [InlineData("vk/robots-vk.com-2024-06-23.txt", Bot, "/feed?section=stayhome", true)]
    [InlineData("vk/robots-vk.com-2024-06-23.txt", Bot, "/feed?section=stayhome&x=1", false)]
    [InlineData("vk/robots-vk.com-2024-06-23.txt", Bot, "/id1?w=wall1_2", false)]
    [InlineData("vk/robots-vk.com-2024-06-23.txt", Bot, "/wall1_2?reply=3", false)]
    [InlineData("vk/robots-vk.com-2024-06-23.txt", Bot, "/wall1_2", true)]
    [InlineData("vk/robots-vk.com-2024-06-23.txt", Bot, "/photo?m=1", false)]
    [InlineData("vk/robots-vk.com-2024-06-23.txt", Bot, "/photo?m=10", true)]
    [InlineData("vk/robots-vk.com-2024-06-23.txt", Bot, "/page-777107_28406709", true)]
    [InlineData("vk/robots-vk.com-2024-06-23.txt", Bot, "/page-777107_28406709?x=1", false)]
    // tumblr: "/x" is a prefix (so /xkcd is out too); "/search/*" needs the slash; "+" inside a tagged path
    [InlineData("tumblr/robots-tumblr.com-2024-07-07.txt", Bot, "/xkcd", false)]
    [InlineData("tumblr/robots-tumblr.com-2024-07-07.txt", Bot, "/search", true)]
    [InlineData("tumblr/robots-tumblr.com-2024-07-07.txt", Bot, "/search/cats", false)]
    [InlineData("tumblr/robots-tumblr.com-2024-07-07.txt", Bot, "/tagged/cats", true)]
    [InlineData("tumblr/robots-tumblr.com-2024-07-07.txt", Bot, "/tagged/cats+dogs", false)]
    [InlineData("tumblr/robots-tumblr.com-2024-07-07.txt", Bot, "/tagged/cats?before=123", false)]
    [InlineData("tumblr/robots-tumblr.com-2024-07-07.txt", Bot, "/post/123/title", true)]
    // twitter: "*" is Disallow: /; Googlebot's "/*?lang=" (8) beats "/*?" (3); "/[_0-9a-zA-Z]+/likes" is literal
    [InlineData("twitter/robots-twitter.com-2024-03-17.txt", Bot, "/jack/status/20", false)]
    [InlineData("twitter/robots-twitter.com-2024-03-17.txt", "googlebot", "/jack/status/20", true)]
    [InlineData("twitter/robots-twitter.com-2024-03-17.txt", "googlebot", "/jack?lang=en", true)]
    [InlineData("twitter/robots-twitter.com-2024-03-17.txt", "googlebot", "/jack?s=20", false)]
    [InlineData("twitter/robots-twitter.com-2024-03-17.txt", "googlebot", "/jack/followers", false)]
    [InlineData("twitter/robots-twitter.com-2024-03-17.txt", "googlebot", "/jack/likes", true)]
    [InlineData("twitter/robots-twitter.com-2024-03-17.txt", "bingbot", "/jack", false)]
    public void IsAllowed_RealFilePerAgent_MatchesHandReading(string file, string agent, string path, bool allowed)
    {
        var robots = RobotsTxt.Parse(Fixture(file));

        Assert.Equal(allowed, robots.IsAllowed(new Uri("https://example.com" + path), agent));
    }

    [Theory]
    [InlineData("facebook/robots-facebook.com-2024-07-07.txt")]
    [InlineData("twitter/robots-twitter.com-2024-03-17.txt")]
    public void IsAllowed_RobotsTxtUnderBlanketDisallow_StillAllowed(string file)
    {
        var robots = RobotsTxt.Parse(Fixture(file));

        Assert.False(robots.IsAllowed(new Uri("https://example.com/robots.txt.bak"), Bot));
        Assert.True(robots.IsAllowed(new Uri("https://example.com/robots.txt"), Bot));
    }

    [Theory]
    [InlineData("tumblr/robots-tumblr.com-2024-07-07.txt", Bot, 1.0)]
    [InlineData("tumblr/robots-tumblr.com-2024-07-07.txt", "googlebot", null)]
    [InlineData("twitter/robots-twitter.com-2024-03-17.txt", Bot, 1.0)]
    [InlineData("twitter/robots-twitter.com-2024-03-17.txt", "googlebot", null)]
    [InlineData("quora/robots-quora.com-2023-10-22.txt", Bot, null)]
    public void CrawlDelay_RealFilePerAgent_ReadFromTheGroupThatApplies(string file, string agent, double? seconds)
    {
        var robots = RobotsTxt.Parse(Fixture(file));

        Assert.Equal(seconds is null ? null : TimeSpan.FromSeconds(seconds.Value), robots.CrawlDelay(agent));
    }

    [Theory]
    [InlineData("/fish", true)]
    [InlineData("/fish.php", false)]
    [InlineData("/fish.php?id=1", true)]
    [InlineData("/fishheads/x.php", false)]
    [InlineData("/fish/salmon.PHP", true)]
    public void IsAllowed_StarAndDollar_FollowRfc9309Examples(string path, bool allowed)
    {
        // RFC 9309 section 2.2.3: "/*.php$" matches a path ending in .php, not one with a query after it
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /*.php$\n");

        Assert.Equal(allowed, robots.IsAllowed(new Uri("http://h" + path), Bot));
    }

    [Fact]
    public void IsAllowed_LongerAllowInsideShorterDisallow_LongestMatchWins()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nAllow: /folder/page\nDisallow: /folder/\nDisallow: /folder/page/private\n");

        Assert.False(robots.IsAllowed(new Uri("http://h/folder/other"), Bot));
        Assert.True(robots.IsAllowed(new Uri("http://h/folder/page"), Bot));
        Assert.False(robots.IsAllowed(new Uri("http://h/folder/page/private/1"), Bot));
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
