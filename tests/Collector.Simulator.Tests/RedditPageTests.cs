using System.Globalization;
using System.Text.Json;
using Collector.Model;
using Collector.Simulator.World;

namespace Collector.Simulator.Tests;

public sealed class RedditPageTests(SimFixture fx) : IClassFixture<SimFixture>
{
    private SimulatedPlatforms Sim => fx.Sim;

    [Fact]
    public async Task ListingJson_FollowingAfter_CoversEverySubmissionOnceAndEnds()
    {
        var expected = Sim.World.Posts.Where(p => p is { Platform: SimPlatform.Reddit, Kind: PostKinds.Post, Community: "worldnews" } && p.State != SimPostState.Removed)
            .Select(p => p.Id).Order(StringComparer.Ordinal).ToList();
        var seen = new List<string>();
        string? after = null;
        for (var pages = 0; pages < 50; pages++)
        {
            var json = await fx.Http.JsonAsync(Sim.Url(SimPlatform.Reddit, "/r/worldnews/new.json" + (after is null ? string.Empty : "?after=" + after)));
            Assert.Equal("Listing", json.GetProperty("kind").GetString());
            foreach (var child in json.GetProperty("data").GetProperty("children").EnumerateArray())
            {
                Assert.Equal("t3", child.GetProperty("kind").GetString());
                var d = child.GetProperty("data");
                Assert.Equal("t3_" + d.GetProperty("id").GetString(), d.GetProperty("name").GetString());
                Assert.Equal("worldnews", d.GetProperty("subreddit").GetString());
                Assert.Equal(JsonValueKind.Number, d.GetProperty("created_utc").ValueKind);
                Assert.StartsWith("/r/worldnews/comments/", d.GetProperty("permalink").GetString(), StringComparison.Ordinal);
                seen.Add(d.GetProperty("id").GetString()!);
            }

            after = json.GetProperty("data").GetProperty("after").GetString();
            if (after is null)
            {
                break;
            }
        }

        Assert.Null(after);
        Assert.Equal(expected, seen.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task CommentsJson_BusyThread_NestsRepliesAndMoreChildrenFetchesTheRest()
    {
        var post = Sim.World.Posts.Where(p => p is { Platform: SimPlatform.Reddit, Kind: PostKinds.Post })
            .MaxBy(p => Sim.World.State.Replies(SimPlatform.Reddit, p.Id).Count)!;
        var json = await fx.Http.JsonAsync(Sim.Url(SimPlatform.Reddit, $"/r/{post.Community}/comments/{post.Id}.json"));
        Assert.Equal(2, json.GetArrayLength());
        Assert.Equal(post.Id, json[0].GetProperty("data").GetProperty("children")[0].GetProperty("data").GetProperty("id").GetString());
        var ids = new HashSet<string>();
        var more = new List<string>();
        var nested = 0;
        void Walk(JsonElement listing)
        {
            foreach (var child in listing.GetProperty("data").GetProperty("children").EnumerateArray())
            {
                var d = child.GetProperty("data");
                if (child.GetProperty("kind").GetString() == "more")
                {
                    more.AddRange(d.GetProperty("children").EnumerateArray().Select(c => c.GetString()!));
                    continue;
                }

                ids.Add(d.GetProperty("id").GetString()!);
                if (d.GetProperty("replies").ValueKind == JsonValueKind.Object)
                {
                    nested++;
                    Walk(d.GetProperty("replies"));
                }
            }
        }

        Walk(json[1]);
        Assert.NotEmpty(more);
        Assert.True(nested > 0);
        var rest = await fx.Http.JsonAsync(Sim.Url(SimPlatform.Reddit, $"/api/morechildren.json?api_type=json&link_id=t3_{post.Id}&children={string.Join(',', more)}"));
        foreach (var thing in rest.GetProperty("json").GetProperty("data").GetProperty("things").EnumerateArray())
        {
            ids.Add(thing.GetProperty("data").GetProperty("id").GetString()!);
        }

        var all = Sim.World.Posts.Where(p => p.Platform == SimPlatform.Reddit && p.RootId == post.Id).Select(p => p.Id);
        Assert.Equal(all.Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task FeedHtml_FollowingCursor_CoversEverySubmissionWithShredditAttributes()
    {
        var expected = Sim.World.Posts.Where(p => p is { Platform: SimPlatform.Reddit, Kind: PostKinds.Post, Community: "cooking" } && p.State != SimPostState.Removed).ToDictionary(p => "t3_" + p.Id);
        var seen = new List<string>();
        var path = "/r/cooking/";
        for (var pages = 0; pages < 50 && path is not null; pages++)
        {
            var doc = await fx.Http.HtmlAsync(Sim.Url(SimPlatform.Reddit, path));
            var cards = doc.QuerySelectorAll("shreddit-post");
            Assert.NotEmpty(cards);
            foreach (var card in cards)
            {
                var post = expected[card.GetAttribute("id")!];
                Assert.Equal(post.Title, card.GetAttribute("post-title"));
                Assert.Equal(post.AuthorHandle, card.GetAttribute("author"));
                Assert.Equal(post.PublishedAt, DateTimeOffset.ParseExact(card.GetAttribute("created-timestamp")!, "yyyy-MM-dd'T'HH:mm:ss.ffffff'+0000'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));
                Assert.Equal("r/cooking", card.GetAttribute("subreddit-prefixed-name"));
                Assert.NotNull(doc.QuerySelector($"div#{card.GetAttribute("id")}-post-rtjson-content"));
                seen.Add(card.GetAttribute("id")!);
            }

            var cursor = cards[^1].GetAttribute("more-posts-cursor");
            path = cursor is null ? null : "/r/cooking/?after=" + Uri.EscapeDataString(cursor);
        }

        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task MorePostsPartial_Cursor_ServesTheNextCards()
    {
        var first = await fx.Http.HtmlAsync(Sim.Url(SimPlatform.Reddit, "/r/worldnews/"));
        var src = first.QuerySelector("faceplate-partial[loading=lazy]")!.GetAttribute("src")!;
        var next = Fetch.Html(await fx.Http.TextAsync(Sim.Url(SimPlatform.Reddit, src)));
        var firstIds = first.QuerySelectorAll("shreddit-post").Select(e => e.Id).ToHashSet();
        var nextIds = next.QuerySelectorAll("shreddit-post").Select(e => e.Id).ToList();
        Assert.NotEmpty(nextIds);
        Assert.DoesNotContain(nextIds, firstIds.Contains);
    }

    [Fact]
    public async Task PostHtml_Comments_AreNestedShredditComments()
    {
        var post = Sim.World.Posts.Where(p => p is { Platform: SimPlatform.Reddit, Kind: PostKinds.Post })
            .MaxBy(p => Sim.World.State.CountDescendants(SimPlatform.Reddit, p.Id))!;
        var doc = await fx.Http.HtmlAsync(Sim.Url(SimPlatform.Reddit, $"/r/{post.Community}/comments/{post.Id}/slug/"));
        Assert.Equal("t3_" + post.Id, doc.QuerySelector("shreddit-post")!.Id);
        var comments = doc.QuerySelectorAll("shreddit-comment");
        Assert.Equal(Sim.World.State.CountDescendants(SimPlatform.Reddit, post.Id), comments.Length);
        Assert.Contains(comments, c => c.GetAttribute("depth") != "0" && c.GetAttribute("parentid") is not null && c.ParentElement!.LocalName == "shreddit-comment");
        foreach (var c in comments)
        {
            var id = c.GetAttribute("thingid")![3..];
            var sim = Sim.World.State.Find(SimPlatform.Reddit, id)!;
            Assert.Equal(sim.AuthorHandle, c.GetAttribute("author"));
            Assert.Equal(sim.Text, c.QuerySelector($"#t1_{id}-comment-rtjson-content")!.TextContent.Trim());
        }
    }

    [Fact]
    public async Task UnknownThings_Answer404()
    {
        Assert.Equal(404, await fx.Http.StatusAsync(Sim.Url(SimPlatform.Reddit, "/r/nosuchsub/new.json")));
        Assert.Equal(404, await fx.Http.StatusAsync(Sim.Url(SimPlatform.Reddit, "/r/worldnews/comments/zzzzzzz.json")));
    }
}
