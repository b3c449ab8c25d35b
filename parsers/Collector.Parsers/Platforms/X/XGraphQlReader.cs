using System.Text.Json;
using System.Text.Json.Nodes;
using Collector.Model;
using Collector.Parsers.Common;

namespace Collector.Parsers.Platforms.X;

/// <summary>
/// X web GraphQL JSON: any <c>…timeline.instructions[]</c> (SearchTimeline, UserTweets, TweetDetail's
/// threaded_conversation_with_injections_v2), a single <c>tweetResult</c>, or a user (<c>data.user.result</c>).
/// </summary>
internal static class XGraphQlReader
{
    public static ParseResult Read(PageInput page, XParser parser)
    {
        using var document = JsonRead.TryParse(page.Body);
        if (document is null)
        {
            return parser.Result(PageOutcome.Unrecognized, "body is not valid JSON");
        }

        var root = document.RootElement;
        if (XApiReader.TryRead(page, root, parser) is { } api)
        {
            return api;
        }

        var data = root.At("data");
        if (data is null)
        {
            return ClassifyErrors(root, parser) ?? parser.Result(PageOutcome.Unrecognized, "no 'data' in the GraphQL response");
        }

        var instructions = FindInstructions(data.Value);
        if (instructions is not null)
        {
            var detail = page.Url.AbsolutePath.Contains("TweetDetail", StringComparison.Ordinal)
                || data.Value.At("threaded_conversation_with_injections_v2") is not null
                || data.Value.At("threaded_conversation_with_injections") is not null;
            return ReadTimeline(page, instructions.Value, detail, parser);
        }

        if ((data.Value.At("tweetResult", "result") ?? data.Value.At("tweet_result", "result")) is { } single)
        {
            var reader = new XTweetReader();
            var id = reader.Add(single);
            return id is null
                ? parser.Result(PageOutcome.Removed, reader.Tombstones.FirstOrDefault() ?? "tweet unavailable")
                : XFieldPaths.GraphQl.Apply(parser.Result(reader.Posts, [], new PostKey(PlatformKeys.X, id)));
        }

        if (data.Value.At("user") is { } user)
        {
            return XFieldPaths.User.Apply(XUserReader.Read(user, parser));
        }

        return ClassifyErrors(root, parser) ?? parser.Result(PageOutcome.Unrecognized, "GraphQL data holds no timeline, tweet or user");
    }

    private static ParseResult ReadTimeline(PageInput page, JsonElement instructions, bool detail, XParser parser)
    {
        var reader = new XTweetReader();
        var next = new List<FollowLink>();
        string? firstTweet = null;
        var entries = 0;
        foreach (var instruction in instructions.EnumerateArray())
        {
            var list = instruction.Items("entries").ToList();
            if (instruction.At("entry") is { } single)
            {
                list.Add(single);
            }

            foreach (var entry in list)
            {
                entries++;
                var content = entry.At("content");
                if (content is null)
                {
                    continue;
                }

                var items = content.Value.Items("items").Select(i => i.At("item", "itemContent")).ToList();
                if (content.Value.At("itemContent") is { } itemContent)
                {
                    items.Add(itemContent);
                }

                if (content.Value.Str("cursorType") is { } cursorType && content.Value.Str("value") is { } value)
                {
                    AddCursor(page.Url, cursorType, value, detail, next);
                }

                foreach (var item in items.OfType<JsonElement>())
                {
                    if (item.At("tweet_results", "result") is { } tweet)
                    {
                        var id = reader.Add(tweet);
                        firstTweet ??= id;
                    }
                    else if (item.Str("cursorType") is { } type && item.Str("value") is { } value2)
                    {
                        AddCursor(page.Url, type, value2, detail, next);
                    }
                }
            }
        }

        PostKey? subject = null;
        if (detail)
        {
            var focal = FocalId(page.Url) ?? firstTweet;
            subject = focal is null ? null : new PostKey(PlatformKeys.X, focal);
            if (focal is not null && reader.Posts.All(p => p.Id != focal) && reader.Tombstones.Count > 0)
            {
                return parser.Result(PageOutcome.Removed, reader.Tombstones[0], subject);
            }
        }

        foreach (var post in reader.Posts)
        {
            if (post.Url is not null && Uri.TryCreate(post.Url, UriKind.Absolute, out var url))
            {
                next.Add(new FollowLink(url, FollowKind.Item));
            }
        }

        if (reader.Posts.Count == 0 && entries == 0)
        {
            return parser.Result([], next, subject, "timeline has no entries");
        }

        return XFieldPaths.GraphQl.Apply(parser.Result(reader.Posts, next, subject, reader.Posts.Count == 0 ? "timeline entries hold no readable tweets" : null));
    }

    private static void AddCursor(Uri page, string cursorType, string value, bool detail, List<FollowLink> next)
    {
        if (cursorType is "Top" or "ShowMoreThreadsPrompt" && !detail)
        {
            return; // newer items: not the direction a crawl pages in
        }

        if (cursorType is not ("Bottom" or "ShowMore" or "ShowMoreThreads" or "ShowMoreThreadsPrompt"))
        {
            return;
        }

        next.Add(new FollowLink(WithCursor(page, value), detail ? FollowKind.Comments : FollowKind.NextPage));
    }

    /// <summary>The request URL with its <c>variables.cursor</c> set (or a <c>cursor</c> parameter when there are no variables).</summary>
    internal static Uri WithCursor(Uri page, string cursor)
    {
        var variables = Urls.Query(page, "variables");
        if (variables is not null && JsonNode.Parse(variables) is JsonObject obj)
        {
            obj["cursor"] = cursor;
            return Urls.WithQuery(page, "variables", obj.ToJsonString());
        }

        return Urls.WithQuery(page, "cursor", cursor);
    }

    private static string? FocalId(Uri page)
    {
        try
        {
            var variables = Urls.Query(page, "variables");
            return variables is not null && JsonNode.Parse(variables) is JsonObject obj ? obj["focalTweetId"]?.GetValue<string>() : null;
        }
        catch (Exception)
        {
            return null;
        }
    }

    /// <summary>The first <c>instructions</c> array anywhere under data (its place differs by operation).</summary>
    private static JsonElement? FindInstructions(JsonElement data)
    {
        foreach (var obj in data.DescendantObjects(limit: 200))
        {
            if (obj.At("instructions") is { ValueKind: JsonValueKind.Array } found)
            {
                return found;
            }
        }

        return null;
    }

    private static ParseResult? ClassifyErrors(JsonElement root, XParser parser)
    {
        var errors = root.Items("errors").ToList();
        if (errors.Count == 0)
        {
            return null;
        }

        var message = errors[0].Str("message") ?? "error";
        var code = errors[0].Long("code") ?? errors[0].Long("extensions", "code");
        var outcome = code switch
        {
            88 => PageOutcome.RateLimited,
            32 or 215 or 239 or 326 => PageOutcome.LoginWall,
            63 or 64 => PageOutcome.Removed,
            34 or 50 or 144 or 421 => PageOutcome.NotFound,
            _ when message.Contains("rate limit", StringComparison.OrdinalIgnoreCase) => PageOutcome.RateLimited,
            _ when message.Contains("suspended", StringComparison.OrdinalIgnoreCase) => PageOutcome.Removed,
            _ when message.Contains("authenticat", StringComparison.OrdinalIgnoreCase) => PageOutcome.LoginWall,
            _ when message.Contains("not found", StringComparison.OrdinalIgnoreCase) || message.Contains("No status found", StringComparison.Ordinal) => PageOutcome.NotFound,
            _ => PageOutcome.Unrecognized,
        };
        return parser.Result(outcome, $"GraphQL error {code}: {message}");
    }
}
