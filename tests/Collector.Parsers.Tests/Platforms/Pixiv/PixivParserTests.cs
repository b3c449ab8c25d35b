using Collector.Model;
using Collector.Parsers.Platforms.Pixiv;

namespace Collector.Parsers.Tests.Platforms.Pixiv;

public class PixivParserTests
{
    public static TheoryData<string> Fixtures => ExpectedPageCheck.Files("Pixiv");

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Parse_RealCapture_MatchesHandReadExpectations(string expected) =>
        ExpectedPageCheck.Run(new PixivParser(), "Pixiv", expected);

    [Fact]
    public void Parse_SyntheticArtworkPage_ReadsEntityEscapedPreloadData()
    {
        const string html = """
            <html><head><meta name="preload-data" id="meta-preload-data" content='{"timestamp":"2024-01-01T00:00:00+09:00","illust":{"555":{"illustId":"555","illustTitle":"Sea &amp; sky","illustComment":"line one&lt;br /&gt;line two https://example.org/x","createDate":"2024-01-02T03:04:05+00:00","userId":"9","userName":"Painter","userAccount":"painter9","tags":{"tags":[{"tag":"海"},{"tag":"空"}]},"urls":{"original":"https://i.pximg.net/img-original/555_p0.png"},"likeCount":7,"viewCount":70,"commentCount":0}},"user":{"9":{"userId":"9","name":"Painter"}}}'></head><body></body></html>
            """;
        var result = Parse("https://www.pixiv.net/en/artworks/555", html, json: false);

        var post = Assert.Single(result.Posts);
        Assert.Equal("555", post.Id);
        Assert.Equal("Sea & sky", post.Title);
        Assert.Equal("line one\nline two https://example.org/x", post.Text);
        Assert.Equal(["https://example.org/x"], post.Links);
        Assert.Equal(["海", "空"], post.Hashtags);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), post.PublishedAt);
        Assert.Equal("painter9", post.Author?.Handle);
        Assert.Equal(0, post.Metrics.Comments);
        Assert.Null(post.Metrics.Shares);
    }

    [Theory]
    [InlineData("""{"error":true,"message":"該当作品は削除されたか、存在しない作品IDです。","body":[]}""", PageOutcome.Removed)]
    [InlineData("""{"error":true,"message":"Work has been deleted or the ID does not exist.","body":[]}""", PageOutcome.Removed)]
    [InlineData("""{"error":true,"message":"ログインしてください","body":[]}""", PageOutcome.LoginWall)]
    [InlineData("""{"status":"ok","payload":{}}""", PageOutcome.Unrecognized)]
    public void Parse_AjaxErrorsAndForeignJson_Classified(string json, PageOutcome expected)
    {
        var result = Parse("https://www.pixiv.net/ajax/illust/123", json, json: true);

        Assert.Equal(expected, result.Classification);
    }

    [Fact]
    public void Parse_ArtworkPageWithoutPreloadData_IsUnrecognizedNotEmpty()
    {
        var html = "<html><head><title>pixiv</title></head><body><div class='artwork'><h1>Some title</h1>" + new string('x', 300) + "</div></body></html>";
        var result = Parse("https://www.pixiv.net/en/artworks/777", html, json: false);

        Assert.Equal(PageOutcome.Unrecognized, result.Classification);
        Assert.Equal(new PostKey("pixiv", "777"), result.Subject);
    }

    private static ParseResult Parse(string url, string body, bool json) =>
        new PixivParser().Parse(new PageInput { Url = new Uri(url), Body = body, ContentType = json ? "application/json" : "text/html" });
}
