using Collector.Model;
using Collector.Parsers.Platforms.Pinterest;

namespace Collector.Parsers.Tests.Platforms.Pinterest;

public class PinterestParserTests
{
    public static TheoryData<string> Fixtures => ExpectedPageCheck.Files("Pinterest");

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Parse_RealCapture_MatchesHandReadExpectations(string expected) =>
        ExpectedPageCheck.Run(new PinterestParser(), "Pinterest", expected);

    private static ParseResult Parse(string url, string html) => new PinterestParser().Parse(new PageInput { Url = new Uri(url), Body = html });

    [Fact]
    public void Parse_RelayResponses_MergedPerPinAndDataPinWinsOverCanonical()
    {
        const string html = """
            <html lang="de"><head><link rel="canonical" href="https://www.pinterest.com/pin/some-slug--999/"></head><body>
            <script data-relay-response="true" type="application/json">{"variables":{"pinId":"123"},"response":{"data":{"v3GetPinQuery":{"data":{
              "entityId":"123","title":"","description":" ","pinner":{"username":"maker","entityId":"77"},"createdAt":"Fri, 15 Nov 2024 12:16:20 +0000",
              "imageSpec_orig":{"url":"https://i.pinimg.com/originals/aa/bb/cc.jpg"}}}}}}</script>
            <script data-relay-response="true" type="application/json">{"variables":{"pinId":"123"},"response":{"data":{"v3GetPinQuery":{"data":{
              "entityId":"123","title":"Garden ideas","closeupUnifiedDescription":"Raised beds from pallets #diy","pinner":{"username":"maker","fullName":"The Maker"},
              "link":"https://blog.example.com/beds","board":{"name":"Garden"},"aggregatedPinData":{"commentCount":3,"aggregatedStats":{"saves":40}},
              "videos":{"videoList":{"V_720P":{"url":"https://v1.pinimg.com/videos/mc/720p/x.mp4"}}}}}}}}</script>
            </body></html>
            """;
        var result = Parse("https://www.pinterest.com/pin/999/", html);

        var pin = Assert.Single(result.Posts);
        Assert.Equal(new PostKey("pinterest", "123"), result.Subject);
        Assert.Equal(("123", "Garden ideas", "Raised beds from pallets #diy"), (pin.Id, pin.Title, pin.Text));
        Assert.Equal(("maker", "The Maker", "Garden"), (pin.Author!.Handle, pin.Author.Name, pin.Community));
        Assert.Equal(new DateTimeOffset(2024, 11, 15, 12, 16, 20, TimeSpan.Zero), pin.PublishedAt);
        Assert.Equal(["https://blog.example.com/beds"], pin.Links);
        Assert.Equal(["diy"], pin.Hashtags);
        Assert.Equal([("video", "https://v1.pinimg.com/videos/mc/720p/x.mp4"), ("image", "https://i.pinimg.com/originals/aa/bb/cc.jpg")], pin.Media.Select(m => (m.Type, m.Url)));
        Assert.Equal((3L, 40L), (pin.Metrics.Comments!.Value, pin.Metrics.Score!.Value));
        Assert.Contains("canonical", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ProfileReduxState_PinsAndBoardLinks()
    {
        const string html = """
            <html><body><script id="__PWS_INITIAL_PROPS__" type="application/json">{"initialReduxState":{
              "pins":{"5":{"id":"5","type":"pin","grid_title":"Blue door","created_at":"Sat, 19 Jun 2021 21:37:04 +0000","pinner":{"username":"ann","full_name":"Ann"},
                           "board":{"name":"Doors"},"images":{"orig":{"url":"https://i.pinimg.com/originals/1/2/3.jpg"}}}},
              "boards":{"9":{"name":"Doors","url":"/ann/doors/"}}}}</script></body></html>
            """;
        var result = Parse("https://www.pinterest.com/ann/", html);

        var pin = Assert.Single(result.Posts);
        Assert.Equal(("5", "Blue door", "ann", "Doors"), (pin.Id, pin.Title, pin.Author!.Handle, pin.Community));
        Assert.Null(result.Subject);
        Assert.Contains(result.Next, n => n.Url.AbsoluteUri == "https://www.pinterest.com/ann/doors/");
    }

    [Fact]
    public void Parse_PinPageWithOnlyMeta_FallsBackToPinimgMeta()
    {
        const string html = """
            <html><head><meta property="og:title" content="Cozy reading nook"><meta property="og:description" content="A corner with books">
            <meta property="og:image" content="https://i.pinimg.com/736x/aa.jpg"></head><body></body></html>
            """;
        var pin = Assert.Single(Parse("https://www.pinterest.com/pin/cozy-nook--4242/", html).Posts);
        Assert.Equal(("4242", "Cozy reading nook", "https://i.pinimg.com/736x/aa.jpg"), (pin.Id, pin.Title, pin.Media[0].Url));
    }

    [Fact]
    public void Parse_StateWithoutThePin_IsNotFoundForPinPages_UnrecognizedWithoutState()
    {
        const string withState = """<html><body><script id="__PWS_DATA__" type="application/json">{"props":{"initialReduxState":{"pins":{}}}}</script></body></html>""";
        Assert.Equal(PageOutcome.NotFound, Parse("https://www.pinterest.com/pin/1/", withState).Classification);
        Assert.Equal(PageOutcome.Unrecognized, Parse("https://www.pinterest.com/pin/1/", "<html><body><div>new layout</div></body></html>").Classification);
    }
}
