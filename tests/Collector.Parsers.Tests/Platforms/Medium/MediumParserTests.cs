using Collector.Model;
using Collector.Parsers.Platforms.Medium;

namespace Collector.Parsers.Tests.Platforms.Medium;

public class MediumParserTests
{
    public static TheoryData<string> Fixtures => ExpectedPageCheck.Files("Medium");

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Parse_RealCapture_MatchesHandReadExpectations(string expected) =>
        ExpectedPageCheck.Run(new MediumParser(), "Medium", expected);

    [Fact]
    public void Parse_SyntheticApolloArticle_UsesFirstPublicationNotRepublish()
    {
        const string html = """
            <html><head><meta property="article:published_time" content="2023-05-01T00:00:00.000Z"></head><body>
            <script>window.__APOLLO_STATE__ = {"Post:abcdef123456":{"id":"abcdef123456","title":"Original title","firstPublishedAt":1600000000000,
              "latestPublishedAt":1682899200000,"mediumUrl":"https://medium.com/@w/original-title-abcdef123456","creator":{"__ref":"User:u1"},
              "clapCount":12,"postResponses":{"count":3},"content({})":{"bodyModel":{"paragraphs":[{"__ref":"Paragraph:p1"},{"__ref":"Paragraph:p2"}]}}},
              "User:u1":{"id":"u1","username":"w","name":"Writer"},
              "Paragraph:p1":{"type":"H3","text":"Original title"},"Paragraph:p2":{"type":"P","text":"Body text that says where https://example.org/src is."}};</script></body></html>
            """;
        var result = new MediumParser().Parse(new PageInput { Url = new Uri("https://medium.com/@w/original-title-abcdef123456"), Body = html });

        var post = Assert.Single(result.Posts);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1600000000000), post.PublishedAt);
        Assert.Equal("Original title", post.Title);
        Assert.Equal("Body text that says where https://example.org/src is.", post.Text);
        Assert.Equal(["https://example.org/src"], post.Links);
        Assert.Equal("w", post.Author?.Handle);
        Assert.Equal(3, post.Metrics.Comments);
    }

    [Fact]
    public void Parse_RepublishedArticleWithOnlyMeta_TakesTheEarlierBylineDay()
    {
        const string html = """
            <html><head><meta data-rh="true" value="article" name="og:type"><meta data-rh="true" value="Old post" name="og:title">
            <meta data-rh="true" value="2018-01-19T17:06:07.358Z" name="article:published_time"></head>
            <body><article><p class="pw-published-date"><span>Aug 8, 2016</span></p><p>Some text of the article body.</p></article></body></html>
            """;
        var result = new MediumParser().Parse(new PageInput { Url = new Uri("https://medium.com/@x/old-post-0123456789ab"), Body = html });

        Assert.Equal(new DateTimeOffset(2016, 8, 8, 0, 0, 0, TimeSpan.Zero), Assert.Single(result.Posts).PublishedAt);
    }

    [Fact]
    public void Parse_PageWithNoArticleData_IsUnrecognized()
    {
        var html = "<html><head><title>Medium</title></head><body><div class='new-layout'>" + new string('m', 300) + "</div></body></html>";
        var result = new MediumParser().Parse(new PageInput { Url = new Uri("https://medium.com/@x/post-0123456789ab"), Body = html });

        Assert.Equal(PageOutcome.Unrecognized, result.Classification);
        Assert.Equal(new PostKey("medium", "0123456789ab"), result.Subject);
    }
}
