using Collector.Model;
using Collector.Parsers.Platforms.YouTube;

namespace Collector.Parsers.Tests.Platforms.YouTube;

public class YouTubeParserTests
{
    public static TheoryData<string> Fixtures => ExpectedPageCheck.Files("YouTube");

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Parse_RealCapture_MatchesHandReadExpectations(string expected) =>
        ExpectedPageCheck.Run(new YouTubeParser(), "YouTube", expected);

    [Fact]
    public void Parse_SyntheticWatchPage_ConvertsPublishDateOffsetToUtc()
    {
        const string html = """
            <html><body><script>var ytInitialPlayerResponse = {"playabilityStatus":{"status":"OK"},
              "videoDetails":{"videoId":"abcdefghijk","title":"Report on the campaign","author":"Chan","channelId":"UC1","shortDescription":"Sources: https://example.org/s #osint","viewCount":"1234"},
              "microformat":{"playerMicroformatRenderer":{"publishDate":"2024-02-03T20:00:00-08:00","likeCount":"56","ownerProfileUrl":"http://www.youtube.com/@chan"}}};</script>
            <script>var ytInitialData = {"engagementPanels":[{"engagementPanelSectionListRenderer":{"panelIdentifier":"engagement-panel-comments-section","header":{"engagementPanelTitleHeaderRenderer":{"title":{"runs":[{"text":"Comments"}]},"contextualInfo":{"runs":[{"text":"89"}]}}}}}]};</script></body></html>
            """;
        var result = new YouTubeParser().Parse(new PageInput { Url = new Uri("https://www.youtube.com/watch?v=abcdefghijk"), Body = html });

        var post = Assert.Single(result.Posts);
        Assert.Equal(new DateTimeOffset(2024, 2, 4, 4, 0, 0, TimeSpan.Zero), post.PublishedAt);
        Assert.Equal("chan", post.Author?.Handle);
        Assert.Equal(89, post.Metrics.Comments);
        Assert.Equal(56, post.Metrics.Likes);
        Assert.Equal(["https://example.org/s"], post.Links);
        Assert.Equal(["osint"], post.Hashtags);
    }

    [Theory]
    [InlineData("ERROR", "This video has been removed by the uploader", PageOutcome.Removed)]
    [InlineData("ERROR", "Video unavailable", PageOutcome.NotFound)]
    [InlineData("LOGIN_REQUIRED", "Sign in to confirm your age", PageOutcome.LoginWall)]
    public void Parse_UnplayableVideo_Classified(string status, string reason, PageOutcome expected)
    {
        var html = "<html><body><script>var ytInitialPlayerResponse = {\"playabilityStatus\":{\"status\":\"" + status + "\",\"reason\":\"" + reason
            + "\"}};</script></body></html>";
        var result = new YouTubeParser().Parse(new PageInput { Url = new Uri("https://www.youtube.com/watch?v=zzzzzzzzzzz"), Body = html });

        Assert.Equal(expected, result.Classification);
        Assert.Equal(new PostKey("youtube", "zzzzzzzzzzz"), result.Subject);
    }

    [Fact]
    public void Parse_PageWithoutPlayerDataOrMicrodata_IsUnrecognized()
    {
        var html = "<html><body><ytd-app><div id='content'>" + new string('w', 400) + "</div></ytd-app></body></html>";
        Assert.Equal(PageOutcome.Unrecognized, new YouTubeParser().Parse(new PageInput { Url = new Uri("https://www.youtube.com/watch?v=zzzzzzzzzzz"), Body = html }).Classification);
    }
}
