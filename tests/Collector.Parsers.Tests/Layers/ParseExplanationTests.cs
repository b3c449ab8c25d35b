using System.Text.RegularExpressions;
using Collector.Model;
using Collector.Parsers.Layers;
using Collector.Parsers.Platforms.Telegram;
using Collector.Parsers.Platforms.TikTok;
using Collector.Parsers.Platforms.Tumblr;
using PlatformKeys = Collector.Model.Platforms;

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
        Assert.StartsWith("json-ld: ", result.FieldSources["123456789"]["publishedAt"], StringComparison.Ordinal);
        var explained = ParseExplanation.Write(result);
        Assert.Matches(@"(?m)^\s+publishedAt\s+2014-09-02T12:35:27Z\s+<- json-ld: .* → datePublished \| dateCreated \| uploadDate$", explained);
        Assert.Matches(@"(?m)^\s+text\s+The text of the post as the theme shows it\.\s+<- dom: theme post container \(article, \.post\) → the container without its chrome .*$", explained);
    }

    [Fact]
    public void Write_StateJsonPost_NamesTheStateAndTheJsonPathOfEachField()
    {
        const string html = """
            <html><body><script id="SIGI_STATE" type="application/json">{"ItemModule":{"7134059641968872746":{"id":"7134059641968872746",
              "desc":"corn interview","createTime":"1661027701","author":"rebelunicorncrafts","stats":{"diggCount":12,"playCount":300}}}}</script></body></html>
            """;
        var explained = Explain(new TikTokParser(), "https://www.tiktok.com/@rebelunicorncrafts/video/7134059641968872746", html);

        AssertExplains(explained, "text", "state-json: SIGI_STATE → ItemModule.<id> → desc");
        AssertExplains(explained, "publishedAt", "state-json: SIGI_STATE → ItemModule.<id> → createTime");
        AssertExplains(explained, "author.handle", "state-json: SIGI_STATE → ItemModule.<id> → author.uniqueId | author");
        AssertExplains(explained, "metrics.likes", "state-json: SIGI_STATE → ItemModule.<id> → (statsV2 | stats).diggCount");
    }

    [Fact]
    public void Write_ApiJsonPost_NamesTheResponsePathOfEachField()
    {
        const string json = """{"itemList":[{"id":"7134059641968872746","desc":"a video","createTime":1661027701,"author":{"uniqueId":"ann","nickname":"Ann"},"stats":{"commentCount":4}}]}""";
        var explained = Explain(new TikTokParser(), "https://www.tiktok.com/api/post/item_list/?secUid=x", json, "application/json");

        AssertExplains(explained, "author.name", "api-json: itemList[] → author.nickname | nickname");
        AssertExplains(explained, "metrics.comments", "api-json: itemList[] → (statsV2 | stats).commentCount");
    }

    [Fact]
    public void Write_TumblrApiPost_NamesTheResponsePathOfEachField()
    {
        const string json = """
            {"meta":{"status":200},"response":{"posts":[{"id_string":"96439224994","blog_name":"ann","post_url":"https://ann.tumblr.com/post/96439224994",
              "timestamp":1409661327,"caption":"<p>A caption</p>","tags":["cats"],"reblogged_from_id":"123"}]}}
            """;
        var explained = Explain(new TumblrParser(), "https://api.tumblr.com/v2/blog/ann/posts", json, "application/json");

        AssertExplains(explained, "publishedAt", "api-json: response.posts[] → timestamp | date");
        AssertExplains(explained, "author.handle", "api-json: response.posts[] → blog_name | blog.name.handle");
        AssertExplains(explained, "repostOf", "api-json: response.posts[] → reblogged_from_id");
    }

    [Fact]
    public void Write_XApiV11Tweet_NamesTheTweetObjectKeys()
    {
        const string json = """
            [{"id_str":"1578466218075312129","created_at":"Wed Oct 10 20:19:24 +0000 2018","full_text":"hello",
              "user":{"id_str":"9","screen_name":"ann","name":"Ann"},"favorite_count":3,"in_reply_to_status_id_str":"1578466218075312000"}]
            """;
        var explained = Explain(Parser(PlatformKeys.X), "https://api.twitter.com/1.1/statuses/user_timeline.json", json, "application/json");

        AssertExplainsPath(explained, "author.handle", "api-json", "user.screen_name");
        AssertExplainsPath(explained, "publishedAt", "api-json", "created_at | id_str (snowflake time)");
        AssertExplainsPath(explained, "parentId", "api-json", "in_reply_to_status_id_str");
        AssertExplainsPath(explained, "metrics.likes", "api-json", "favorite_count");
        Assert.Matches(@"(?m)^\s+text\s+hello\s+<- api-json: .+ → full_text \| extended_tweet\.full_text \| text$", explained);
    }

    [Fact]
    public void Write_OEmbedPost_NamesTheOEmbedKeys()
    {
        const string json = """{"version":"1.0","type":"video","title":"a caption","author_name":"Ann","author_url":"https://www.tiktok.com/@ann","embed_product_id":"7134059641968872746","html":"<blockquote></blockquote>"}""";
        var explained = Explain(new TikTokParser(), "https://www.tiktok.com/oembed?url=x", json, "application/json");

        AssertExplains(explained, "text", "oembed: oEmbed response → title | html's first <p>");
        AssertExplains(explained, "author.name", "oembed: oEmbed response → author_name");
    }

    [Fact]
    public void Write_DomPost_NamesTheSelectorOfEachField()
    {
        const string html = """
            <html><body><div class="tgme_widget_message js-widget_message" data-post="newsroom/41">
              <div class="tgme_widget_message_text">Breaking news</div><span class="tgme_widget_message_views">1.2K</span>
              <a class="tgme_widget_message_date" href="https://t.me/newsroom/41"><time datetime="2024-03-01T10:00:00+00:00">10:00</time></a>
            </div></body></html>
            """;
        var explained = Explain(new TelegramParser(), "https://t.me/s/newsroom", html);

        AssertExplains(explained, "text", "dom: div.tgme_widget_message[data-post] → .tgme_widget_message_text");
        AssertExplains(explained, "metrics.views", "dom: div.tgme_widget_message[data-post] → .tgme_widget_message_views");
        AssertExplains(explained, "publishedAt", "dom: div.tgme_widget_message[data-post] → .tgme_widget_message_date time[datetime]");
    }

    [Fact]
    public void Write_JsonLdPost_NamesTheSchemaOrgProperties()
    {
        const string html = """
            <html><head><script type="application/ld+json">{"@type":"SocialMediaPosting","url":"https://x.com/ann/status/1578466218075312129",
              "author":{"@type":"Person","name":"Ann"},"articleBody":"The text of the post."}</script></head><body></body></html>
            """;
        var explained = Explain(Parser(PlatformKeys.X), "https://x.com/ann/status/1578466218075312129", html);

        AssertExplains(explained, "text", "json-ld: script[type=application/ld+json] posting node → articleBody | text | description");
        AssertExplains(explained, "author.name", "json-ld: script[type=application/ld+json] posting node → author | creator.name");
    }

    [Fact]
    public void Write_MicrodataPost_NamesTheItemprops()
    {
        const string html = """
            <html><body><article itemscope itemtype="https://schema.org/SocialMediaPosting">
              <link itemprop="url" href="https://x.com/ann/status/1578466218075312129" />
              <span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Ann</span></span>
              <div itemprop="articleBody">The text of the post in microdata.</div></article></body></html>
            """;
        var explained = Explain(Parser(PlatformKeys.X), "https://x.com/ann/status/1578466218075312129", html);

        AssertExplains(explained, "text", "microdata: [itemscope][itemtype] posting element → [itemprop=articleBody | text]");
    }

    [Fact]
    public void Write_MetaPost_NamesTheMetaTags()
    {
        const string html = """
            <html><head><meta property="og:url" content="https://x.com/ann/status/1578466218075312129" />
            <meta property="og:title" content="Ann (@ann) on X" /><meta property="og:description" content="The text, only in the preview." />
            </head><body><div id="react-root"></div></body></html>
            """;
        var explained = Explain(Parser(PlatformKeys.X), "https://x.com/ann/status/1578466218075312129", html);

        AssertExplains(explained, "text", "meta: meta[og:description | twitter:description | description]");
        AssertExplains(explained, "author.handle", "meta: meta[og:title | twitter:title] \"Name (@handle)\"");
    }

    [Fact]
    public void Write_RedditApiListing_NamesTheThingDataKeys()
    {
        const string json = """
            {"kind":"Listing","data":{"after":null,"children":[{"kind":"t3","data":{"name":"t3_abc","id":"abc","author":"ann","author_fullname":"t2_9",
              "created_utc":1700000000,"title":"A title","selftext":"Body text","subreddit":"news","score":12,"num_comments":3,"permalink":"/r/news/comments/abc/a_title/"}}]}}
            """;
        var explained = Explain(Parser(PlatformKeys.Reddit), "https://www.reddit.com/r/news/.json", json, "application/json");

        AssertExplainsPath(explained, "author.id", "api-json", "author_fullname");
        AssertExplainsPath(explained, "publishedAt", "api-json", "created_utc | created");
        AssertExplainsPath(explained, "metrics.comments", "api-json", "num_comments");
        AssertExplainsPath(explained, "community", "api-json", "subreddit");
    }

    [Fact]
    public void Write_OldRedditThing_NamesTheAttributeOrTaglineSelector()
    {
        const string html = """
            <html><body><div id="siteTable"><div class="thing link" data-fullname="t3_abc" data-author="ann" data-subreddit="news" data-timestamp="1700000000000"
              data-permalink="/r/news/comments/abc/a_title/" data-score="12"><p class="title"><a class="title" href="/r/news/comments/abc/a_title/">A title</a></p></div></div></body></html>
            """;
        var explained = Explain(Parser(PlatformKeys.Reddit), "https://old.reddit.com/r/news/", html);

        AssertExplainsPath(explained, "author.handle", "dom", "[data-author] | .tagline a.author");
        AssertExplainsPath(explained, "title", "dom", "p.title a.title");
        AssertExplainsPath(explained, "metrics.score", "dom", "[data-score] | .score.unvoted[title]");
    }

    [Fact]
    public void Write_XGraphQlTweet_NamesTheResultPaths()
    {
        const string json = """
            {"data":{"tweetResult":{"result":{"__typename":"Tweet","rest_id":"1578466218075312129",
              "core":{"user_results":{"result":{"rest_id":"9","legacy":{"screen_name":"ann","name":"Ann"}}}},
              "legacy":{"id_str":"1578466218075312129","created_at":"Wed Oct 10 20:19:24 +0000 2018","full_text":"hello world","favorite_count":3,"lang":"en"},
              "views":{"count":"40"}}}}}
            """;
        var explained = Explain(Parser(PlatformKeys.X), "https://x.com/i/api/graphql/x/TweetResultByRestId", json, "application/json");

        AssertExplainsPath(explained, "author.handle", "api-json", "core.user_results.result.(core | legacy).screen_name");
        AssertExplainsPath(explained, "metrics.views", "api-json", "views.count");
        AssertExplainsPath(explained, "metrics.likes", "api-json", "legacy.favorite_count");
    }

    [Fact]
    public void FieldNames_EveryPostOfARealShape_SameFieldsAsWrite()
    {
        var full = new Post
        {
            Platform = "x", Id = "1", Url = "https://x.com/a/status/1", Author = new Author { Id = "9", Handle = "a", Name = "A" },
            PublishedAt = DateTimeOffset.UnixEpoch, Title = "t", Text = "text #tag", Language = "en", Community = "c", ParentId = "0",
            RootId = "0", RepostOf = "2", Metrics = new Metrics { Likes = 1, Comments = 2, Shares = 3, Views = 4, Score = 5 },
            Media = [new Media { Type = "image", Url = "https://i.test/1.png" }], Links = ["https://e.test/"], Hashtags = ["tag"],
        };
        var sparse = new Post { Platform = "x", Id = "2", Text = "only text" };

        foreach (var post in new[] { full, sparse })
        {
            Assert.Equal(ParseExplanation.Fields(post).Select(f => f.Field), ParseExplanation.FieldNames(post));
        }

        Assert.Equal(20, ParseExplanation.FieldNames(full).Count());
    }

    private static IPlatformParser Parser(string platform) => BuiltInParsers.Create().Single(p => p.Platform == platform);

    private static string Explain(IPlatformParser parser, string url, string body, string contentType = "text/html")
    {
        var result = parser.Parse(new PageInput { Url = new Uri(url), Body = body, ContentType = contentType });
        Assert.Null(result.ParseError);
        Assert.NotEmpty(result.Posts);
        return ParseExplanation.Write(result);
    }

    /// <summary>The field's line ends "&lt;- layer: (where the reader starts) → path".</summary>
    private static void AssertExplainsPath(string explained, string field, string layer, string path) =>
        Assert.Matches($@"(?m)^\s+{Regex.Escape(field)}\s+.*<- {Regex.Escape(layer)}: .+ → {Regex.Escape(path)}$", explained);

    private static void AssertExplains(string explained, string field, string where) =>
        Assert.Matches($@"(?m)^\s+{Regex.Escape(field)}\s+.*<- {Regex.Escape(where)}$", explained);
}
