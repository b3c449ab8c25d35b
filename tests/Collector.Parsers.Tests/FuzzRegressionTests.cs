using Collector.Parsers.Common;
using Collector.Parsers.Platforms.Bluesky;
using Collector.Parsers.Platforms.TikTok;
using Collector.Parsers.Platforms.X;

namespace Collector.Parsers.Tests;

/// <summary>
/// Each crash the fuzz run (bench `fuzz`) found, kept as a small generated page of the same shape (not a copy of a capture):
/// no parser may reach the base's catch-all on it.
/// </summary>
public class FuzzRegressionTests
{
    [Fact]
    public void Parse_TikTokStateWithAVideoTwice_ReadsItOnce()
    {
        // A duplicated slice of a SIGI_STATE page: the same ItemModule key twice (JSON allows it; a dictionary does not).
        const string item = """ "7134059641968872746":{"id":"7134059641968872746","desc":"a video","createTime":1661027701,"author":"ann","stats":{"diggCount":1}} """;
        var html = "<html><body><script id=\"SIGI_STATE\" type=\"application/json\">{\"ItemModule\":{" + item + "," + item + "},\"UserModule\":{\"users\":{}}}</script></body></html>";
        var result = new TikTokParser().Parse(new PageInput { Url = new Uri("https://www.tiktok.com/@ann/video/7134059641968872746"), Body = html });

        Assert.Null(result.ParseError);
        Assert.Contains(result.Posts, p => p.Id == "7134059641968872746");
        Assert.Single(result.ParsedBy);
    }

    [Theory]
    [InlineData("""{"data":[{"id":"1578466218075312129","text":"cut in the middle of a pair \udca1 here"}]}""")]
    [InlineData("""{"data":[{"id":"1578466218075312129","text":"a high surrogate alone \ud83d"}]}""")]
    public void Parse_XJsonWithLoneSurrogateEscapes_ReadsWhatIsReadable(string json)
    {
        var result = new XParser().Parse(new PageInput { Url = new Uri("https://api.twitter.com/2/timeline"), Body = json, ContentType = "application/json" });

        Assert.Null(result.ParseError);
        Assert.Contains(result.Posts, p => p.Id == "1578466218075312129" && p.Text is null);
    }

    [Fact]
    public void Parse_JsonWithLoneSurrogateCharacters_IsClassifiedNotCrashed()
    {
        var json = "{\"title\":\"caption \uD83D\",\"author_name\":\"Ann\",\"html\":\"<blockquote cite=\\\"https://www.tiktok.com/@ann/video/7\\\">\"}";
        var result = new TikTokParser().Parse(new PageInput { Url = new Uri("https://www.tiktok.com/oembed?url=x"), Body = json, ContentType = "application/json" });

        Assert.Null(result.ParseError);
    }

    [Theory]
    [InlineData("""{"title":"caption","author_name":"Ann","author_url":"https://www.tiktok.com/@ann","html":"<blockquote cite=\"https://www.tik"}""")]
    [InlineData("""{"title":"caption","author_name":"Ann","author_url":"https://www.tiktok.com/@ann","html":"<blockquote cite=\"/relative/only\">"}""")]
    [InlineData("""{"title":"caption","author_name":"Ann","author_url":"https://www.tiktok.com/@ann","html":"<blockquote cite=\"https://[bad host/\">"}""")]
    public void Parse_TikTokOEmbedWithBrokenCite_IsClassifiedNotCrashed(string json)
    {
        var result = new TikTokParser().Parse(new PageInput { Url = new Uri("https://www.tiktok.com/oembed?url=x"), Body = json, ContentType = "application/json" });

        Assert.Null(result.ParseError);
    }

    [Fact]
    public void Parse_RenderedBlueskyThreadCutInsideAnItemTag_KeepsTheItemsBefore()
    {
        const string item = """<div data-testid="postThreadItem-by-ann.bsky.social"><a href="/profile/ann.bsky.social/post/3mdeitsgznc24" data-tooltip="x">1h</a><div dir="auto" data-word-wrap="1">A reply.</div></div>""";
        var html = "<html><body>" + item + "<div data-testid=\"postThreadItem-by-bob.bsk";
        var result = new BlueskyParser().Parse(new PageInput { Url = new Uri("https://bsky.app/profile/ann.bsky.social/post/3mdegyw3ves2t"), Body = html, Rendered = true });

        Assert.Null(result.ParseError);
        Assert.Contains(result.Posts, p => p.Text == "A reply.");
    }

    [Theory]
    [InlineData("https://ex\u0378ample.com/x")]
    [InlineData("https://a\u200Db.com/")]
    public void Resolve_HostInvalidByIdnRules_IsNoLinkAndNoPlatform(string href)
    {
        // Found by the fuzz run: a byte flip in an m.facebook.com story's outbound link. Uri accepts such a host; IdnHost throws.
        Assert.Null(Urls.Resolve(new Uri("https://m.facebook.com/groups/1/"), href));
        Assert.False(Hosts.IsAny(new Uri(href), "facebook.com"));
    }
}
