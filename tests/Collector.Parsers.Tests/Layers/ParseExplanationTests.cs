using Collector.Parsers.Layers;
using Collector.Parsers.Platforms.Tumblr;

namespace Collector.Parsers.Tests.Layers;

public class ParseExplanationTests
{
    [Fact]
    public void Write_FieldFilledFromJsonLd_NamesJsonLdForThatFieldAndThePostLayerForTheRest()
    {
        // A theme page whose post markup has no time; the time is only in the page's JSON-LD.
        const string html = """
            <html><head><meta property="og:type" content="tumblr-feed:text" /><meta property="og:url" content="https://ann.tumblr.com/post/123456789/a-slug" />
            <script type="application/ld+json">{"@type":"BlogPosting","url":"https://ann.tumblr.com/post/123456789/a-slug","datePublished":"2014-09-02T08:35:27-04:00"}</script>
            </head><body><article class="post"><p>The text of the post as the theme shows it.</p></article></body></html>
            """;
        var result = new TumblrParser().Parse(new PageInput { Url = new Uri("https://ann.tumblr.com/post/123456789/a-slug"), Body = html });

        var post = Assert.Single(result.Posts);
        Assert.Equal(new DateTimeOffset(2014, 9, 2, 12, 35, 27, TimeSpan.Zero), post.PublishedAt);
        Assert.Equal("json-ld", result.FieldSources["123456789"]["publishedAt"]);
        var explained = ParseExplanation.Write(result);
        Assert.Matches(@"(?m)^\s+publishedAt\s+2014-09-02T12:35:27Z\s+<- json-ld$", explained);
        Assert.Matches(@"(?m)^\s+text\s+The text of the post as the theme shows it\.\s+<- dom: theme post container \(article, \.post\)$", explained);
    }
}
