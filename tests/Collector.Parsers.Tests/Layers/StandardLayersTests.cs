using Collector.Model;
using PlatformKeys = Collector.Model.Platforms;

namespace Collector.Parsers.Tests.Layers;

/// <summary>
/// Every platform parser, given a permalink page whose platform-specific data is gone (no state JSON, no platform markup),
/// still reads its post from the standard layers every parser shares: JSON-LD first, else OpenGraph meta.
/// </summary>
public class StandardLayersTests
{
    public static TheoryData<string, string, string> Permalinks() => Table(_ => true);

    private static TheoryData<string, string, string> Table(Func<string, bool> include)
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (platform, url, id) in Rows.Where(r => include(r.Platform)))
        {
            data.Add(platform, url, id);
        }

        return data;
    }

    private static readonly (string Platform, string Url, string Id)[] Rows =
    [
        (PlatformKeys.Instagram, "https://www.instagram.com/p/ABCdef123/", "ABCdef123"),
        (PlatformKeys.X, "https://x.com/someone/status/1578466218075312129", "1578466218075312129"),
        (PlatformKeys.TikTok, "https://www.tiktok.com/@someone/video/7134059641968872746", "7134059641968872746"),
        (PlatformKeys.Facebook, "https://www.facebook.com/somepage/posts/567261421429868", "567261421429868"),
        (PlatformKeys.YouTube, "https://www.youtube.com/watch?v=B68agR-OeJM", "B68agR-OeJM"),
        (PlatformKeys.Pixiv, "https://www.pixiv.net/en/artworks/76642253", "76642253"),
        (PlatformKeys.Tumblr, "https://someone.tumblr.com/post/177199286249/a-slug", "177199286249"),
        (PlatformKeys.Reddit, "https://www.reddit.com/r/test/comments/7pfpeq/a_title/", "t3_7pfpeq"),
        (PlatformKeys.Bluesky, "https://bsky.app/profile/someone.bsky.social/post/3mdegyw3ves2t", "3mdegyw3ves2t"),
        (PlatformKeys.Pinterest, "https://www.pinterest.com/pin/52213676923889828/", "52213676923889828"),
        (PlatformKeys.Telegram, "https://t.me/somechannel/1234", "1234"),
        (PlatformKeys.Medium, "https://medium.com/@someone/a-story-3f2a9c1d2e4b", "3f2a9c1d2e4b"),
        (PlatformKeys.Blogger, "https://someone.blogspot.com/2017/09/a-post.html", "a-post"),
        (PlatformKeys.Vk, "https://vk.com/wall-29246653_93530", "-29246653_93530"),
        (PlatformKeys.Quora, "https://www.quora.com/What-is-a-question/answer/Some-One", "answer/Some-One"),
    ];

    [Theory]
    [MemberData(nameof(Permalinks))]
    public void Parse_PermalinkWithOnlyJsonLd_ReadsPostFromJsonLd(string platform, string url, string idPart)
    {
        var html = $$"""
            <html><head><title>a post</title>
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"SocialMediaPosting","url":"{{url}}",
              "author":{"@type":"Person","name":"Some One","url":"https://example.org/someone"},
              "datePublished":"2024-03-01T10:00:00Z","articleBody":"The text of the post, long enough to be a post."}</script>
            </head><body><div id="root"></div></body></html>
            """;
        var result = Parse(platform, url, html);

        var post = Assert.Single(result.Posts);
        Assert.Contains(idPart, post.Id, StringComparison.Ordinal);
        Assert.Equal("Some One", post.Author?.Name);
        Assert.Equal("The text of the post, long enough to be a post.", post.Text);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.Zero), post.PublishedAt);
        Assert.Equal("json-ld", result.ParsedBy[post.Id]);
        Assert.Null(result.ParseError);
    }

    [Theory]
    [MemberData(nameof(Permalinks))]
    public void Parse_PermalinkWithOnlyOpenGraph_ReadsSubjectFromMeta(string platform, string url, string idPart)
    {
        var html = $$"""
            <html><head><title>a post</title>
            <meta property="og:url" content="{{url}}" />
            <meta property="og:title" content="Some One (@someone) on Site" />
            <meta property="og:description" content="The text of the post, only in the preview meta." />
            <meta property="og:image" content="https://cdn.example.org/a.jpg" />
            </head><body><div id="root"></div></body></html>
            """;
        var result = Parse(platform, url, html);

        var post = Assert.Single(result.Posts);
        Assert.Contains(idPart, post.Id, StringComparison.Ordinal);
        Assert.Equal("someone", post.Author?.Handle);
        Assert.Equal("The text of the post, only in the preview meta.", post.Text);
        Assert.StartsWith("meta", result.ParsedBy[post.Id], StringComparison.Ordinal);
        Assert.Null(result.ParseError);
    }

    [Fact]
    public void Parse_BloggerPermalinkWithOnlyHeadLinks_KeysThePostByTheCommentFeedsPostId()
    {
        // Blogger's head names the post's numeric id in its comment feed link, the id the full page's markup carries.
        const string url = "https://someone.blogspot.com/2016/05/a-post.html";
        const string html = """
            <html><head><title>A post</title>
            <link rel="alternate" type="application/atom+xml" title="Blog - Atom" href="https://someone.blogspot.com/feeds/posts/default" />
            <link rel="alternate" type="application/atom+xml" title="Blog - Atom" href="https://someone.blogspot.com/feeds/932306423056216142/comments/default" />
            <meta property="og:url" content="https://someone.blogspot.com/2016/05/a-post.html" />
            <meta property="og:title" content="A post" />
            <meta property="og:description" content="The first lines of the post..." />
            </head><body></body></html>
            """;
        var result = Parse(PlatformKeys.Blogger, url, html);

        var post = Assert.Single(result.Posts);
        Assert.Equal("932306423056216142", post.Id);
        Assert.Equal(new PostKey(PlatformKeys.Blogger, "932306423056216142"), result.Subject);
        Assert.Equal("The first lines of the post...", post.Text);
        Assert.StartsWith("meta", result.ParsedBy[post.Id], StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_JsonLdNamingAnotherItemOfTheSite_IsNotTakenForTheSubject()
    {
        const string html = """
            <html><head><script type="application/ld+json">{"@type":"SocialMediaPosting","url":"https://x.com/other/status/1111111111111111111",
              "author":{"name":"Other"},"articleBody":"another tweet"}</script></head><body></body></html>
            """;
        var result = Parse(PlatformKeys.X, "https://x.com/someone/status/1578466218075312129", html);

        Assert.DoesNotContain(result.Posts, p => p.Id == "1578466218075312129" && p.Text == "another tweet");
    }

    private static ParseResult Parse(string platform, string url, string html) =>
        BuiltInParsers.Create().Single(p => p.Platform == platform).Parse(new PageInput { Url = new Uri(url), Body = html, ContentType = "text/html" });
}
