using System.Net;
using System.Text.Json.Nodes;
using Collector.Model;
using Collector.Simulator.Hosting;
using Collector.Simulator.World;

namespace Collector.Simulator.Sites.Reddit;

/// <summary>
/// Reddit's public JSON API: <c>/r/&lt;sub&gt;/new.json</c> Listings of t3 things with an <c>after</c> cursor, and a post's
/// <c>.json</c> as [post listing, comment listing] with nested <c>replies</c> Listings and a <c>more</c> stub for the
/// top-level comments beyond the limit (fetched by <c>/api/morechildren.json</c>).
/// </summary>
public static class RedditJson
{
    /// <summary>Top-level comments a comments response carries before the rest go into a "more" stub.</summary>
    public const int CommentLimit = 8;

    public static string Listing(SimContext sim, IReadOnlyList<SimPost> page, string? after)
    {
        var children = new JsonArray();
        foreach (var post in page)
        {
            children.Add(Thing("t3", Link(sim, post)));
        }

        return ListingNode(children, after, page.Count).ToJsonString();
    }

    public static string Comments(SimContext sim, WorldState state, SimPost submission, int limit)
    {
        var postListing = ListingNode(new JsonArray(Thing("t3", Link(sim, submission))), null, 1);
        var top = state.Replies(SimPlatform.Reddit, submission.Id);
        var children = new JsonArray();
        foreach (var comment in top.Take(limit))
        {
            children.Add(Thing("t1", Comment(state, submission, comment, 0, withReplies: true)));
        }

        if (top.Count > limit)
        {
            var hidden = top.Skip(limit).ToList();
            children.Add(Thing("more", new JsonObject
            {
                ["count"] = hidden.Sum(c => 1 + state.CountDescendants(SimPlatform.Reddit, c.Id)),
                ["name"] = "t1_" + hidden[0].Id,
                ["id"] = hidden[0].Id,
                ["parent_id"] = "t3_" + submission.Id,
                ["depth"] = 0,
                ["children"] = new JsonArray([.. hidden.Select(c => (JsonNode)JsonValue.Create(c.Id))]),
            }));
        }

        return new JsonArray(postListing, ListingNode(children, null, null)).ToJsonString();
    }

    /// <summary>/api/morechildren.json: the asked-for comments and all their replies, flat, each with its parent_id.</summary>
    public static string MoreChildren(WorldState state, SimPost submission, IEnumerable<string> ids)
    {
        var things = new JsonArray();
        void AddTree(SimPost comment, int depth)
        {
            things.Add(Thing("t1", Comment(state, submission, comment, depth, withReplies: false)));
            foreach (var reply in state.Replies(SimPlatform.Reddit, comment.Id))
            {
                AddTree(reply, depth + 1);
            }
        }

        foreach (var id in ids)
        {
            if (state.Find(SimPlatform.Reddit, id) is { Kind: PostKinds.Comment } c && c.RootId == submission.Id)
            {
                AddTree(c, 0);
            }
        }

        return new JsonObject { ["json"] = new JsonObject { ["errors"] = new JsonArray(), ["data"] = new JsonObject { ["things"] = things } } }.ToJsonString();
    }

    public static string Error(int status, string message) =>
        new JsonObject { ["message"] = message, ["error"] = status }.ToJsonString();

    private static JsonObject ListingNode(JsonArray children, string? after, int? dist) => new()
    {
        ["kind"] = "Listing",
        ["data"] = new JsonObject
        {
            ["after"] = after,
            ["dist"] = dist,
            ["modhash"] = string.Empty,
            ["geo_filter"] = null,
            ["children"] = children,
            ["before"] = null,
        },
    };

    private static JsonObject Thing(string kind, JsonObject data) => new() { ["kind"] = kind, ["data"] = data };

    private static JsonObject Link(SimContext sim, SimPost post)
    {
        var state = sim.World.State;
        var author = state.Account(SimPlatform.Reddit, post.AuthorHandle);
        var permalink = RedditFormat.Permalink(post);
        var image = RedditFormat.ImageUrl(sim, post);
        var body = RedditFormat.Body(post);
        var data = new JsonObject
        {
            ["approved_at_utc"] = null,
            ["subreddit"] = post.Community,
            ["selftext"] = body,
            ["author_fullname"] = post.IsLive ? author?.AccountId : null,
            ["title"] = post.Title,
            ["subreddit_name_prefixed"] = "r/" + post.Community,
            ["name"] = "t3_" + post.Id,
            ["upvote_ratio"] = 0.9,
            ["ups"] = post.Score,
            ["score"] = post.Score,
            ["edited"] = post.EditedAt is { } e ? JsonValue.Create(RedditFormat.Epoch(e)) : JsonValue.Create(false),
            ["is_self"] = image is null,
            ["created"] = RedditFormat.Epoch(post.PublishedAt),
            ["domain"] = image is null ? "self." + post.Community : new Uri(image).Authority,
            ["selftext_html"] = post.IsLive && body.Length > 0 ? $"<!-- SC_OFF --><div class=\"md\"><p>{WebUtility.HtmlEncode(body)}</p>\n</div><!-- SC_ON -->" : null,
            ["removed_by_category"] = post.State switch { SimPostState.Deleted => "deleted", SimPostState.Removed => "moderator", _ => null },
            ["subreddit_id"] = RedditFormat.SubredditId(post.Community),
            ["id"] = post.Id,
            ["author"] = RedditFormat.Author(post),
            ["num_comments"] = state.CountDescendants(SimPlatform.Reddit, post.Id),
            ["permalink"] = permalink,
            ["url"] = image ?? sim.Url(SimPlatform.Reddit, permalink),
            ["created_utc"] = RedditFormat.Epoch(post.PublishedAt),
            ["over_18"] = false,
            ["is_video"] = false,
        };
        if (image is not null)
        {
            data["post_hint"] = "image";
            data["preview"] = new JsonObject
            {
                ["images"] = new JsonArray(new JsonObject
                {
                    ["source"] = new JsonObject { ["url"] = image, ["width"] = Images.Cartoons.Size, ["height"] = Images.Cartoons.Size },
                    ["resolutions"] = new JsonArray(),
                    ["id"] = post.ImageId,
                }),
                ["enabled"] = true,
            };
        }

        return data;
    }

    private static JsonObject Comment(WorldState state, SimPost submission, SimPost comment, int depth, bool withReplies)
    {
        var author = state.Account(SimPlatform.Reddit, comment.AuthorHandle);
        var body = RedditFormat.Body(comment);
        JsonNode replies = JsonValue.Create(string.Empty);
        if (withReplies)
        {
            var children = new JsonArray();
            foreach (var reply in state.Replies(SimPlatform.Reddit, comment.Id))
            {
                children.Add(Thing("t1", Comment(state, submission, reply, depth + 1, withReplies: true)));
            }

            if (children.Count > 0)
            {
                replies = ListingNode(children, null, null);
            }
        }

        return new JsonObject
        {
            ["subreddit_id"] = RedditFormat.SubredditId(submission.Community),
            ["link_id"] = "t3_" + submission.Id,
            ["replies"] = replies,
            ["id"] = comment.Id,
            ["author"] = RedditFormat.Author(comment),
            ["author_fullname"] = comment.IsLive ? author?.AccountId : null,
            ["parent_id"] = (comment.ParentId == submission.Id ? "t3_" : "t1_") + comment.ParentId,
            ["score"] = comment.Score,
            ["body"] = body,
            ["body_html"] = $"<div class=\"md\"><p>{WebUtility.HtmlEncode(body)}</p>\n</div>",
            ["edited"] = comment.EditedAt is { } e ? JsonValue.Create(RedditFormat.Epoch(e)) : JsonValue.Create(false),
            ["is_submitter"] = comment.AuthorHandle == submission.AuthorHandle,
            ["name"] = "t1_" + comment.Id,
            ["permalink"] = RedditFormat.CommentPermalink(submission, comment),
            ["subreddit"] = submission.Community,
            ["created"] = RedditFormat.Epoch(comment.PublishedAt),
            ["created_utc"] = RedditFormat.Epoch(comment.PublishedAt),
            ["subreddit_name_prefixed"] = "r/" + submission.Community,
            ["depth"] = depth,
            ["collapsed"] = false,
        };
    }
}
