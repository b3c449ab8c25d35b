using Collector.Model;
using Collector.Parsers.Platforms.Vk;

namespace Collector.Parsers.Tests.Platforms.Vk;

public class VkParserTests
{
    public static TheoryData<string> Fixtures => ExpectedPageCheck.Files("Vk");

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Parse_RealCapture_MatchesHandReadExpectations(string expected) =>
        ExpectedPageCheck.Run(new VkParser(), "Vk", expected);

    [Fact]
    public void Parse_SyntheticRepostChain_EmitsEveryLinkPointingAtItsSource()
    {
        const string json = """
            {"response":{"count":3,"items":[
              {"id":3,"owner_id":30,"from_id":30,"date":1700000000,"text":"look https://example.org/a #tag",
               "likes":{"count":4},"comments":{"count":2},"reposts":{"count":1},"views":{"count":100},
               "attachments":[{"type":"photo","photo":{"sizes":[{"width":100,"url":"https://sun.userapi.com/s.jpg"},{"width":800,"url":"https://sun.userapi.com/l.jpg"}]}}],
               "copy_history":[
                 {"id":2,"owner_id":-20,"from_id":-20,"date":1690000000,"text":"middle"},
                 {"id":1,"owner_id":-10,"from_id":-10,"date":1680000000,"text":"original"}]}],
             "profiles":[{"id":30,"first_name":"Anna","last_name":"K","screen_name":"anna"}],
             "groups":[{"id":20,"name":"Middle","screen_name":"middle"},{"id":10,"name":"Source","screen_name":"source"}]}}
            """;
        var result = Parse("https://api.vk.com/method/wall.get?owner_id=30&count=1", json);

        Assert.Equal(PageOutcome.Content, result.Classification);
        var repost = result.Posts.Single(p => p.Id == "30_3");
        Assert.Equal("-20_2", repost.RepostOf);
        Assert.Equal("-10_1", result.Posts.Single(p => p.Id == "-20_2").RepostOf);
        Assert.Null(result.Posts.Single(p => p.Id == "-10_1").RepostOf);
        Assert.Equal("anna", repost.Author?.Handle);
        Assert.Equal("source", result.Posts.Single(p => p.Id == "-10_1").Author?.Handle);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), repost.PublishedAt);
        Assert.Equal("https://sun.userapi.com/l.jpg", Assert.Single(repost.Media).Url);
        Assert.Equal(["https://example.org/a"], repost.Links);
        Assert.Equal(["tag"], repost.Hashtags);
        Assert.Equal(100, repost.Metrics.Views);
        Assert.Null(result.Posts.Single(p => p.Id == "-10_1").Metrics.Likes);
        Assert.Contains(result.Next, n => n.Kind == FollowKind.NextPage && n.Url.Query.Contains("offset=1", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"error":{"error_code":18,"error_msg":"User was deleted or banned"}}""", PageOutcome.Removed)]
    [InlineData("""{"error":{"error_code":30,"error_msg":"This profile is private"}}""", PageOutcome.LoginWall)]
    [InlineData("""{"error":{"error_code":6,"error_msg":"Too many requests per second"}}""", PageOutcome.RateLimited)]
    [InlineData("""{"error":{"error_code":14,"error_msg":"Captcha needed"}}""", PageOutcome.Captcha)]
    [InlineData("""{"result":{"posts":[]}}""", PageOutcome.Unrecognized)]
    [InlineData("""{"response":{"count":0,"items":[]}}""", PageOutcome.Empty)]
    public void Parse_ApiErrorsAndShapes_Classified(string json, PageOutcome expected) =>
        Assert.Equal(expected, Parse("https://api.vk.com/method/wall.get?owner_id=1", json).Classification);

    [Fact]
    public void Parse_GetByIdWithNoItem_TombstonesTheAskedPost()
    {
        var result = Parse("https://api.vk.com/method/wall.getById?posts=-5_77", """{"response":{"items":[],"profiles":[],"groups":[]}}""");

        Assert.Equal(PageOutcome.NotFound, result.Classification);
        Assert.Equal(new PostKey("vk", "-5_77"), result.Subject);
    }

    private static ParseResult Parse(string url, string json) =>
        new VkParser().Parse(new PageInput { Url = new Uri(url), Body = json, ContentType = "application/json" });
}
