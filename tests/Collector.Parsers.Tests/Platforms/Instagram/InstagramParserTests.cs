using Collector.Model;
using Collector.Parsers.Platforms.Instagram;

namespace Collector.Parsers.Tests.Platforms.Instagram;

public class InstagramParserTests
{
    public static TheoryData<string> Fixtures => ExpectedPageCheck.Files("Instagram");

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Parse_RealCapture_MatchesHandReadExpectations(string expected) =>
        ExpectedPageCheck.Run(new InstagramParser(), "Instagram", expected);

    [Fact]
    public void Parse_SyntheticPostMeta_ReadsCountsCaptionAndTimeFromMediaId()
    {
        const string html = """
            <html><head>
            <meta property="og:url" content="https://www.instagram.com/p/ABCdef123/" />
            <meta property="al:ios:url" content="instagram://media?id=2584516297666449189" />
            <meta name="twitter:title" content="Some One (&#064;some.one) &#x2022; Instagram photo" />
            <meta property="og:description" content='1,024 likes, 7 comments - some.one on May 29, 2021: "Visit https://example.org/x #campaign". ' />
            </head><body></body></html>
            """;
        var result = new InstagramParser().Parse(new PageInput { Url = new Uri("https://www.instagram.com/p/ABCdef123/"), Body = html });

        var post = Assert.Single(result.Posts);
        Assert.Equal("ABCdef123", post.Id);
        Assert.Equal("some.one", post.Author?.Handle);
        Assert.Equal("Some One", post.Author?.Name);
        Assert.Equal(1024, post.Metrics.Likes);
        Assert.Equal(7, post.Metrics.Comments);
        Assert.Equal("Visit https://example.org/x #campaign", post.Text);
        Assert.Equal(["campaign"], post.Hashtags);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1622318373398), post.PublishedAt);
    }

    [Fact]
    public void Parse_LoginPage_IsLoginWall()
    {
        var html = "<html><head><title>Login • Instagram</title></head><body><form id='loginForm'></form></body></html>";
        var result = new InstagramParser().Parse(new PageInput { Url = new Uri("https://www.instagram.com/accounts/login/?next=/p/XYZ/"), Body = html });

        Assert.Equal(PageOutcome.LoginWall, result.Classification);
    }

    [Fact]
    public void Parse_UnavailablePost_IsRemoved()
    {
        var html = "<html><head><title>Instagram</title></head><body><h2>Sorry, this page isn't available.</h2><p>The link you followed may be broken, or the page may have been removed.</p></body></html>";
        var result = new InstagramParser().Parse(new PageInput { Url = new Uri("https://www.instagram.com/p/GONE123/"), Body = html });

        Assert.Equal(PageOutcome.Removed, result.Classification);
        Assert.Equal(new PostKey("instagram", "GONE123"), result.Subject);
    }

    [Fact]
    public void Parse_PostPageWithChangedMeta_ReadsSubjectFromMetaAndSaysSo()
    {
        // No layer of Instagram's own matches; the meta still names the post, and parsedBy says it came from the last resort.
        var html = "<html><head><meta property=\"og:description\" content=\"A new description format\"></head><body>" + new string('i', 300) + "</body></html>";
        var result = new InstagramParser().Parse(new PageInput { Url = new Uri("https://www.instagram.com/p/NEW1/"), Body = html });

        var post = Assert.Single(result.Posts);
        Assert.Equal("NEW1", post.Id);
        Assert.Equal("A new description format", post.Text);
        Assert.Equal("meta", result.ParsedBy["NEW1"]);
        Assert.Contains("json-ld", result.LayersTried);
    }

    [Fact]
    public void Parse_PostPageWithNothingReadable_IsUnrecognizedNamingTheLayersTried()
    {
        var html = "<html><head><title>x</title></head><body>" + new string('i', 300) + "</body></html>";
        var result = new InstagramParser().Parse(new PageInput { Url = new Uri("https://www.instagram.com/p/NEW1/"), Body = html });

        Assert.Equal(PageOutcome.Unrecognized, result.Classification);
        Assert.Equal(["platform", "json-ld", "microdata", "meta"], result.LayersTried);
        Assert.Contains("layers tried: platform, json-ld, microdata, meta", result.Reason, StringComparison.Ordinal);
    }
}
