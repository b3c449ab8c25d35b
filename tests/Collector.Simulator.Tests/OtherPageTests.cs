using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Collector.Model;
using Collector.Simulator.Sites.Forum;
using Collector.Simulator.Sites.Pinterest;
using Collector.Simulator.Sites.Quora;
using Collector.Simulator.World;

namespace Collector.Simulator.Tests;

public sealed partial class OtherPageTests(SimFixture fx) : IClassFixture<SimFixture>
{
    private SimulatedPlatforms Sim => fx.Sim;

    [Fact]
    public async Task QuoraQuestion_RawHtml_HasFirstAnswersEncodedTwiceAndPagingCoversAll()
    {
        var question = Sim.World.Posts.First(p => p is { Platform: SimPlatform.Quora, Kind: PostKinds.Question, Community: "Politics" });
        var html = await fx.Http.TextAsync(Sim.Url(SimPlatform.Quora, QuoraJson.QuestionPath(question)));
        var match = PushPattern().Match(html);
        Assert.True(match.Success, "no inlineQueryResults push");
        var inner = JsonSerializer.Deserialize<string>(match.Groups[2].Value)!;
        using var doc = JsonDocument.Parse(inner);
        var connection = doc.RootElement.GetProperty("data").GetProperty("question").GetProperty("pagedListDataConnection");
        var edges = connection.GetProperty("edges");
        Assert.Equal(QuoraSite.InlineAnswers, edges.GetArrayLength());
        var first = edges[0].GetProperty("node").GetProperty("answer");
        Assert.Contains("\"sections\"", first.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Number, first.GetProperty("creationTime").ValueKind);
        var answers = QuoraSite.LiveAnswers(Sim.World.State, question);
        Assert.True(answers.Count > QuoraSite.InlineAnswers);
        Assert.DoesNotContain(answers[^1].Id, html, StringComparison.Ordinal);

        var seen = edges.EnumerateArray().Select(e => e.GetProperty("node").GetProperty("answer").GetProperty("aid").GetInt64().ToString(CultureInfo.InvariantCulture)).ToList();
        var info = connection.GetProperty("pageInfo");
        while (info.GetProperty("hasNextPage").GetBoolean())
        {
            using var response = await fx.Http.PostAsJsonAsync(
                Sim.Url(SimPlatform.Quora, "/graphql/gql_para_POST?q=" + QuoraJson.PaginationQuery),
                new { queryName = QuoraJson.PaginationQuery, variables = new { qid = long.Parse(question.Id, CultureInfo.InvariantCulture), first = 3, after = info.GetProperty("endCursor").GetString() } },
                TestContext.Current.CancellationToken);
            response.EnsureSuccessStatusCode();
            using var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            var c = page.RootElement.GetProperty("data").GetProperty("question").GetProperty("pagedListDataConnection");
            seen.AddRange(c.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("answer").GetProperty("aid").GetInt64().ToString(CultureInfo.InvariantCulture)));
            info = c.GetProperty("pageInfo").Clone();
        }

        Assert.Equal(answers.Select(a => a.Id), seen);
    }

    [Fact]
    public async Task PinterestBoard_BookmarksCoverEveryPinAndPinPageHasRelayData()
    {
        var board = Sim.World.State.Communities(SimPlatform.Pinterest)[0];
        var html = await fx.Http.TextAsync(Sim.Url(SimPlatform.Pinterest, PinterestJson.BoardUrl(board)));
        var doc = Fetch.Html(html);
        using var props = JsonDocument.Parse(doc.QuerySelector("script#__PWS_INITIAL_PROPS__")!.TextContent);
        var state = props.RootElement.GetProperty("initialReduxState");
        var seen = state.GetProperty("pins").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(doc.QuerySelectorAll("[data-test-id=pin]").Select(e => e.GetAttribute("data-test-pin-id")), seen);
        var feed = state.GetProperty("resources").GetProperty("BoardFeedResource").EnumerateObject().ToList()[0].Value;
        var bookmark = feed.GetProperty("nextBookmark").GetString();
        var boardId = PinterestJson.BoardId(board);
        while (bookmark != PinterestJson.End)
        {
            var data = JsonSerializer.Serialize(new { options = new { board_id = boardId, page_size = 10, bookmarks = new[] { bookmark } }, context = new { } });
            var json = await fx.Http.JsonAsync(Sim.Url(SimPlatform.Pinterest, $"/resource/BoardFeedResource/get/?source_url=%2F&data={Uri.EscapeDataString(data)}"));
            seen.AddRange(json.GetProperty("resource_response").GetProperty("data").EnumerateArray().Select(p => p.GetProperty("id").GetString()!));
            bookmark = json.GetProperty("resource_response").GetProperty("bookmark").GetString();
        }

        Assert.Equal(PinterestSite.Pins(Sim.World.State, board).Select(p => p.Id), seen);

        var pin = Sim.World.State.Find(SimPlatform.Pinterest, seen[^1])!;
        var pinDoc = await fx.Http.HtmlAsync(Sim.Url(SimPlatform.Pinterest, $"/pin/{pin.Id}/"));
        using var relay = JsonDocument.Parse(pinDoc.QuerySelector("script[data-relay-response=true][type='application/json']")!.TextContent);
        var d = relay.RootElement.GetProperty("response").GetProperty("data").GetProperty("v3GetPinQuery").GetProperty("data");
        Assert.Equal(pin.Id, d.GetProperty("entityId").GetString());
        Assert.Equal(pin.AuthorHandle, d.GetProperty("pinner").GetProperty("username").GetString());
        Assert.Equal(PinterestJson.CreatedAt(pin.PublishedAt), d.GetProperty("createdAt").GetString());
        Assert.Equal(pin.PublishedAt, DateTimeOffset.Parse(d.GetProperty("createdAt").GetString()!, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task MediaHost_CartoonAndRepost_ArePngsThatDifferSlightly()
    {
        var chain = Sim.World.Truth.Chains.Single(c => c.Kind == ChainKind.Image);
        var original = await fx.Http.GetByteArrayAsync(new Uri(Sim.BaseUrl(SimPlatform.Media), Sim.World.Images.Path(CampaignPlanter.CartoonImage)), TestContext.Current.CancellationToken);
        var altered = await fx.Http.GetByteArrayAsync(new Uri(Sim.BaseUrl(SimPlatform.Media), Sim.World.Images.Path(CampaignPlanter.CartoonImage + "-alt", "736x")), TestContext.Current.CancellationToken);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, original[..4]);
        Assert.NotEqual(original, altered);
        var a = Images.Cartoons.Draw(0);
        var other = Images.Cartoons.Draw(1);
        Assert.NotEqual(a.Pixels, other.Pixels);
        Assert.Equal(CampaignPlanter.CartoonImage, chain.ImageId);
        Assert.Equal(404, await fx.Http.StatusAsync(new Uri(Sim.BaseUrl(SimPlatform.Media), "/originals/00/00/00/0000.png")));
    }

    [Fact]
    public async Task TelegramChannel_BeforePaging_CoversEveryMessageWithStructure()
    {
        foreach (var channel in Sim.World.State.Communities(SimPlatform.Telegram))
        {
            var seen = new List<string>();
            var path = "/s/" + channel;
            while (path is not null)
            {
                var doc = await fx.Http.HtmlAsync(Sim.Url(SimPlatform.Telegram, path));
                var messages = doc.QuerySelectorAll("div.tgme_widget_message[data-post]");
                foreach (var m in messages)
                {
                    var post = Sim.World.State.Find(SimPlatform.Telegram, m.GetAttribute("data-post")!)!;
                    Assert.Equal(post.Text, m.QuerySelector(".tgme_widget_message_text")!.TextContent);
                    Assert.Equal(post.PublishedAt, DateTimeOffset.Parse(m.QuerySelector("time[datetime]")!.GetAttribute("datetime")!, CultureInfo.InvariantCulture));
                    Assert.NotNull(m.QuerySelector(".tgme_widget_message_views"));
                    Assert.Equal(post.ForwardedFrom is not null, m.QuerySelector(".tgme_widget_message_forwarded_from") is not null);
                    seen.Add(post.Id);
                }

                var more = doc.QuerySelector("a.tme_messages_more[data-before]");
                path = more is null ? null : $"/s/{channel}?before={more.GetAttribute("data-before")}";
            }

            Assert.Equal(Sim.World.State.InCommunity(SimPlatform.Telegram, channel).Select(p => p.Id).Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task ForumListings_NextLinks_CoverEveryTopicWithJsonLd()
    {
        foreach (var (section, _) in WorldLayout.ForumSections)
        {
            var links = new List<string>();
            string? path = ForumHtml.ListingPath(section, 1);
            while (path is not null)
            {
                var doc = await fx.Http.HtmlAsync(Sim.Url(SimPlatform.Forum, path));
                links.AddRange(doc.QuerySelectorAll("a.post-link").Select(a => a.GetAttribute("href")!));
                path = doc.QuerySelector("a[rel=next]")?.GetAttribute("href");
            }

            var expected = Sim.World.State.InCommunity(SimPlatform.Forum, section).Where(p => p.Kind != PostKinds.Comment).Select(ForumHtml.PostPath).ToList();
            Assert.Equal(expected.Order(StringComparer.Ordinal), links.Where(l => !l.StartsWith("/private/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
            Assert.Equal(section == "politics", links.Contains(ForumSite.PrivatePath));
        }

        var topic = Sim.World.Posts.Where(p => p is { Platform: SimPlatform.Forum, Kind: PostKinds.Post }).MaxBy(p => Sim.World.State.Replies(SimPlatform.Forum, p.Id).Count)!;
        var page = await fx.Http.HtmlAsync(Sim.Url(SimPlatform.Forum, ForumHtml.PostPath(topic)));
        using var ld = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        var root = ld.RootElement;
        Assert.Equal("DiscussionForumPosting", root.GetProperty("@type").GetString());
        Assert.Equal(topic.Id, root.GetProperty("identifier").GetString());
        Assert.Equal(topic.AuthorHandle, root.GetProperty("author").GetProperty("name").GetString());
        Assert.Equal(topic.PublishedAt, DateTimeOffset.Parse(root.GetProperty("datePublished").GetString()!, CultureInfo.InvariantCulture));
        Assert.Equal(Sim.World.State.Replies(SimPlatform.Forum, topic.Id).Select(c => c.Id), root.GetProperty("comment").EnumerateArray().Select(c => c.GetProperty("identifier").GetString()));
    }

    [Fact]
    public async Task Robots_EveryHost_DisallowsPrivate()
    {
        foreach (var platform in SimPlatforms.Content)
        {
            var robots = await fx.Http.TextAsync(Sim.Url(platform, "/robots.txt"));
            Assert.Contains("User-agent: *", robots, StringComparison.Ordinal);
            Assert.Contains("Disallow: /private/", robots, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task SeedUrls_EveryPlatform_AnswersContent()
    {
        var seeds = Sim.SeedUrls;
        Assert.Equal(SimPlatforms.Content.ToHashSet(), seeds.Select(s => s.Platform).ToHashSet());
        Assert.Contains(seeds, s => s.Render == RenderMode.Browser);
        foreach (var seed in seeds)
        {
            Assert.Equal(200, await fx.Http.StatusAsync(seed.Url));
        }
    }

    [GeneratedRegex("""inlineQueryResults\.results\[("[0-9a-f]+")\] = ("(?:[^"\\]|\\.)*");""")]
    private static partial Regex PushPattern();
}
