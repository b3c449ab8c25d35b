using System.Text;
using System.Text.Json;
using Collector.Model;
using Collector.Parsers.Common;

namespace Collector.Parsers.Platforms.Reddit;

/// <summary>
/// The public JSON API: a <c>Listing</c> of <c>t3</c> posts and/or <c>t1</c> comments (subreddit, user overview, comment
/// streams), a comments page <c>[post listing, comment listing]</c> with nested <c>replies</c> and <c>more</c> stubs, the
/// <c>morechildren</c> response, and error bodies.
/// </summary>
internal sealed class RedditJsonReader
{
    private readonly RedditParser _parser;
    private readonly PageInput _page;
    private readonly List<Post> _posts = [];
    private readonly List<FollowLink> _next = [];
    private readonly List<string> _moreIds = [];
    private readonly HashSet<string> _gone = new(StringComparer.Ordinal);
    private string? _linkId;
    private bool _sawThing;

    private RedditJsonReader(RedditParser parser, PageInput page)
    {
        _parser = parser;
        _page = page;
    }

    public static ParseResult Read(RedditParser parser, PageInput page)
    {
        using var document = JsonRead.TryParse(page.Body);
        if (document is null)
        {
            return parser.Classified(PageOutcome.Unrecognized, "body looks like JSON but does not parse");
        }

        return RedditFieldPaths.Api.Apply(new RedditJsonReader(parser, page).ReadRoot(document.RootElement));
    }

    private ParseResult ReadRoot(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Object && ErrorBody(root) is { } error)
        {
            return error;
        }

        PostKey? subject = null;
        if (root.ValueKind == JsonValueKind.Array)
        {
            // A comments page: [listing with the post, listing with the comment tree].
            foreach (var listing in root.EnumerateArray())
            {
                ReadListing(listing, depth: 0);
            }

            if (_posts.FirstOrDefault(p => p.Kind == PostKinds.Post) is { } post)
            {
                subject = post.Key;
            }
        }
        else if (root.Str("kind") == "Listing")
        {
            ReadListing(root, depth: 0);
            if (root.Str("data", "after") is { } after)
            {
                _next.Add(new FollowLink(RedditUrls.After(_page.Url, after), FollowKind.NextPage));
            }
        }
        else if (root.At("json", "data", "things") is { ValueKind: JsonValueKind.Array } things)
        {
            foreach (var thing in things.EnumerateArray())
            {
                ReadThing(thing, depth: 0);
            }
        }
        else if (root.Str("kind") is "t3" or "t1")
        {
            ReadThing(root, depth: 0);
        }
        else
        {
            return _parser.Classified(PageOutcome.Unrecognized, "JSON without a Reddit Listing, thing array or error");
        }

        AddMoreLink();
        var posts = PostEnricher.EnrichAll(_posts);
        if (subject is { } key && posts.First(p => p.Key == key) is { Text: null, Author: null } gone && WasRemoved(root))
        {
            return new ParseResult
            {
                Classification = PageOutcome.Removed,
                Reason = "post is [deleted]/[removed]",
                Posts = posts,
                Next = _next,
                Subject = gone.Key,
                Platform = _parser.Platform,
            };
        }

        if (!_sawThing && posts.Count == 0)
        {
            return _parser.Found([], _next, subject, "listing with no items");
        }

        // Stubs of deleted or removed things in a listing or thread are tombstones for those posts, not new versions.
        var removed = posts.Where(p => _gone.Contains(p.Id) && p.Key != subject).ToList();
        return removed.Count == 0
            ? _parser.Found(posts, _next, subject)
            : _parser.Found([.. posts.Except(removed)], _next, subject) with { Removed = [.. removed.Select(p => p.Key)] };
    }

    private ParseResult? ErrorBody(JsonElement root)
    {
        if (root.Long("error") is not { } code)
        {
            return null;
        }

        var reason = root.Str("reason") ?? root.Str("message") ?? $"error {code}";
        var outcome = code switch
        {
            404 => PageOutcome.NotFound,
            429 => PageOutcome.RateLimited,
            401 => PageOutcome.LoginWall,
            403 when reason is "banned" => PageOutcome.Removed,
            403 when reason is "private" or "quarantined" or "gold_only" => PageOutcome.LoginWall,
            403 => PageOutcome.LoginWall,
            451 => PageOutcome.Removed,
            _ => PageOutcome.Unrecognized,
        };
        return _parser.Classified(outcome, $"Reddit API error {code}: {reason}");
    }

    private static bool WasRemoved(JsonElement root)
    {
        var post = root.At("0", "data", "children", "0", "data");
        return post is { } p && (RedditRemoval.IsMarker(p.Str("selftext")) || p.Str("removed_by_category") is not null || p.Str("author") == "[deleted]");
    }

    private void ReadListing(JsonElement listing, int depth)
    {
        if (listing.ValueKind != JsonValueKind.Object || depth > 200)
        {
            return;
        }

        foreach (var child in listing.Items("data", "children"))
        {
            ReadThing(child, depth);
        }
    }

    private void ReadThing(JsonElement thing, int depth)
    {
        var kind = thing.Str("kind");
        if (thing.At("data") is not { ValueKind: JsonValueKind.Object } element || kind is not ("t3" or "t1" or "more"))
        {
            return;
        }

        var data = RedditThingFields.Read(element);
        switch (kind)
        {
            case "t3":
                _sawThing = true;
                var post = RedditJsonThings.Post(data);
                _linkId ??= post.Id;
                _posts.Add(post);
                if (RedditRemoval.IsMarker(data.Selftext.Str()) || data.RemovedByCategory.Str() is not null)
                {
                    _gone.Add(post.Id);
                }

                if (_page.Url.AbsolutePath.Contains("/comments/", StringComparison.Ordinal) is false && post.Url is { } url && Uri.TryCreate(url, UriKind.Absolute, out var item))
                {
                    _next.Add(new FollowLink(_parser.JsonFollow(item, _page), FollowKind.Item));
                }

                break;
            case "t1":
                _sawThing = true;
                var comment = RedditJsonThings.Comment(data);
                _posts.Add(comment);
                if (RedditRemoval.IsMarker(data.Body.Str()))
                {
                    _gone.Add(comment.Id);
                }

                if (data.Replies.ValueKind == JsonValueKind.Object)
                {
                    ReadListing(data.Replies, depth + 1);
                }

                break;
            case "more":
                _sawThing = true;
                var parent = data.ParentId.Str();
                var before = _moreIds.Count;
                if (data.Children.ValueKind == JsonValueKind.Array)
                {
                    foreach (var child in data.Children.EnumerateArray())
                    {
                        if (child.GetString() is { } id)
                        {
                            _moreIds.Add(id);
                        }
                    }
                }

                if (_moreIds.Count == before && parent is not null && parent.StartsWith("t1_", StringComparison.Ordinal) && _linkId is { } link)
                {
                    // "continue this thread": the branch below parent has its own page.
                    _next.Add(new FollowLink(new Uri($"{RedditUrls.Origin}/comments/{link[3..]}/_/{parent[3..]}/.json"), FollowKind.Comments));
                }

                break;
        }
    }

    private void AddMoreLink()
    {
        if (_moreIds.Count == 0 || _linkId is null)
        {
            return;
        }

        // Distinct ids in order, 100 a request.
        var prefix = $"{RedditUrls.Origin}/api/morechildren.json?api_type=json&raw_json=1&link_id={_linkId}&children=";
        var seen = new HashSet<string>(_moreIds.Count, StringComparer.Ordinal);
        var url = new StringBuilder(prefix, prefix.Length + (100 * 12));
        var inChunk = 0;
        foreach (var id in _moreIds)
        {
            if (!seen.Add(id))
            {
                continue;
            }

            if (inChunk == 100)
            {
                _next.Add(new FollowLink(new Uri(url.ToString()), FollowKind.Comments));
                url.Clear().Append(prefix);
                inChunk = 0;
            }

            url.Append(inChunk++ == 0 ? string.Empty : ",").Append(id);
        }

        _next.Add(new FollowLink(new Uri(url.ToString()), FollowKind.Comments));
    }
}
