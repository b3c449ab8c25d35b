using Collector.Model;
using Collector.Parsers.Platforms.TikTok;

namespace Collector.Parsers.Tests.Platforms.TikTok;

public class TikTokParserTests
{
    public static TheoryData<string> Fixtures => ExpectedPageCheck.Files("TikTok");

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Parse_RealCapture_MatchesHandReadExpectations(string expected) =>
        ExpectedPageCheck.Run(new TikTokParser(), "TikTok", expected);

    [Fact]
    public void Parse_SyntheticVideoPage_ReadsItemStruct()
    {
        var result = Parse("https://www.tiktok.com/@ann/video/7300000000000000001", Page("""
            "webapp.video-detail":{"statusCode":0,"itemInfo":{"itemStruct":{"id":"7300000000000000001","desc":"Flood relief now #help https://example.org/give",
              "createTime":"1700000000","author":{"id":"42","uniqueId":"ann","nickname":"Ann"},
              "stats":{"diggCount":10,"shareCount":2,"commentCount":3,"playCount":400},
              "textExtra":[{"hashtagName":"help"}],"video":{"playAddr":"https://v16.tiktokcdn.com/v.mp4"}}}}
            """));

        var post = Assert.Single(result.Posts);
        Assert.Equal(PostKinds.Video, post.Kind);
        Assert.Equal("ann", post.Author?.Handle);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), post.PublishedAt);
        Assert.Equal(["help"], post.Hashtags);
        Assert.Equal(["https://example.org/give"], post.Links);
        Assert.Equal(400, post.Metrics.Views);
        Assert.Equal(new PostKey("tiktok", "7300000000000000001"), result.Subject);
    }

    [Theory]
    [InlineData("""{"webapp.video-detail":{"statusCode":10204,"statusMsg":"item doesn't exist"}}""", PageOutcome.NotFound)]
    [InlineData("""{"webapp.user-detail":{"statusCode":10221,"statusMsg":"user banned"}}""", PageOutcome.Removed)]
    [InlineData("""{"webapp.user-detail":{"statusCode":10222,"statusMsg":"private"}}""", PageOutcome.LoginWall)]
    [InlineData("""{"webapp.new-layout":{"statusCode":0}}""", PageOutcome.Unrecognized)]
    public void Parse_StatusCodesAndUnknownScopes_Classified(string scope, PageOutcome expected)
    {
        var html = "<html><body><script id=\"__UNIVERSAL_DATA_FOR_REHYDRATION__\" type=\"application/json\">{\"__DEFAULT_SCOPE__\":"
            + scope + "}</script></body></html>";
        Assert.Equal(expected, new TikTokParser().Parse(new PageInput { Url = new Uri("https://www.tiktok.com/@x/video/1"), Body = html }).Classification);
    }

    private static string Page(string scope) =>
        "<html><body><script id=\"__UNIVERSAL_DATA_FOR_REHYDRATION__\" type=\"application/json\">{\"__DEFAULT_SCOPE__\":{" + scope + "}}</script></body></html>";

    private static ParseResult Parse(string url, string html) => new TikTokParser().Parse(new PageInput { Url = new Uri(url), Body = html });
}
