using Collector.Parsers.Layers;

namespace Collector.Parsers.Platforms.Reddit;

/// <summary>Where each Reddit reader takes each field (for <c>collector parse --explain</c>; see <see cref="FieldPaths"/>).</summary>
internal static class RedditFieldPaths
{
    /// <summary><see cref="RedditJsonThings"/>: the data object of a t3 or t1 thing in a Listing, a comments page or morechildren.</summary>
    public static FieldPaths Api { get; } = new(ParseLayers.ApiJson, "data.children[].data (t3 | t1, replies nested)", new Dictionary<string, string>
    {
        ["url"] = "permalink",
        ["author.id"] = "author_fullname",
        ["author.handle"] = "author",
        ["author.name"] = "author",
        ["publishedAt"] = "created_utc | created",
        ["title"] = "title",
        ["text"] = "selftext (t3) | body (t1)",
        ["community"] = "subreddit",
        ["parentId"] = "parent_id",
        ["rootId"] = "link_id",
        ["repostOf"] = "crosspost_parent",
        ["metrics.score"] = "score",
        ["metrics.comments"] = "num_comments",
        ["media"] = "media.reddit_video.fallback_url, media_metadata.*.s.u | url_overridden_by_dest | url (media host) | preview.images[0].source.url",
        ["links"] = "url_overridden_by_dest | url (link posts), URLs in selftext",
    });

    /// <summary><see cref="RedditAtomReader"/>: the entries of an Atom feed.</summary>
    public static FieldPaths Atom { get; } = new(ParseLayers.ApiJson, "Atom feed/entry", new Dictionary<string, string>
    {
        ["url"] = "link[href]",
        ["author.handle"] = "author/name",
        ["author.name"] = "author/name",
        ["publishedAt"] = "published | updated",
        ["title"] = "title",
        ["text"] = "content's div.md",
        ["community"] = "category[term]",
        ["rootId"] = "link[href]'s /comments/<id>",
        ["media"] = "media:thumbnail[url]",
    });

    /// <summary><see cref="RedditShredditReader"/>: shreddit-post and search rows (posts), shreddit-comment (comments).</summary>
    public static FieldPaths Shreddit { get; } = new(ParseLayers.Dom, "shreddit-post | [data-testid=search-post-unit]", new Dictionary<string, string>
    {
        ["url"] = "[permalink] | a[data-testid=post-title][href]",
        ["author.id"] = "[author-id]",
        ["author.handle"] = "[author] | a[href*='/user/']",
        ["author.name"] = "[author] | a[href*='/user/']",
        ["publishedAt"] = "[created-timestamp] | faceplate-timeago[ts]",
        ["title"] = "[post-title] | a[data-testid=post-title][aria-label]",
        ["text"] = "#<id>-post-rtjson-content | [slot=text-body]",
        ["language"] = "[post-language] | detected from title + text",
        ["community"] = "[subreddit-name] | [subreddit-prefixed-name] | the URL's /r/<name>",
        ["links"] = "[content-href] (link posts), #<id>-post-rtjson-content a[href]",
        ["media"] = "[content-href] (image and gallery posts)",
        ["metrics.score"] = "[score] | faceplate-number[number] (first)",
        ["metrics.comments"] = "[comment-count] | faceplate-number[number] (second)",
    });

    public static FieldPaths ShredditComment { get; } = new(ParseLayers.Dom, "shreddit-comment", new Dictionary<string, string>
    {
        ["url"] = "[permalink]",
        ["author.id"] = "[author-id]",
        ["author.handle"] = "[author]",
        ["author.name"] = "[author]",
        ["publishedAt"] = "[created] | faceplate-timeago[ts]",
        ["text"] = "#<thingid>-comment-rtjson-content | [slot=comment]",
        ["parentId"] = "[parentid] | [parent-id] | the enclosing shreddit-comment | [postid]",
        ["rootId"] = "[postid] | [post-id] | the page's post",
        ["links"] = "#<thingid>-comment-rtjson-content a[href]",
        ["metrics.score"] = "[score]",
    });

    /// <summary><see cref="RedditOldReader"/>: old.reddit's div.thing (data-* attributes, else the older classes and tagline).</summary>
    public static FieldPaths Old { get; } = new(ParseLayers.Dom, "div.thing[data-fullname] | div.thing.id-<fullname>", new Dictionary<string, string>
    {
        ["url"] = "[data-permalink] | a.comments[href]",
        ["author.id"] = "[data-author-fullname]",
        ["author.handle"] = "[data-author] | .tagline a.author",
        ["author.name"] = "[data-author] | .tagline a.author",
        ["publishedAt"] = "[data-timestamp] | .tagline time[datetime]",
        ["title"] = "p.title a.title",
        ["text"] = "div.usertext-body div.md",
        ["community"] = "[data-subreddit] | .tagline a.subreddit",
        ["parentId"] = "the enclosing div.thing | the page's post",
        ["rootId"] = "the page's post (first t3 thing)",
        ["links"] = "[data-url] (link posts), div.usertext-body div.md a[href]",
        ["media"] = "[data-url] (i.redd.it)",
        ["metrics.score"] = "[data-score] | .score.unvoted[title]",
        ["metrics.comments"] = "[data-comments-count] | a.comments",
    });

    /// <summary><see cref="RedditRedesignStateReader"/>: the 2018-22 redesign's <c>window.___r</c> state.</summary>
    public static FieldPaths RedesignState { get; } = new(ParseLayers.StateJson, "window.___r → posts.models.<id> | comments.models.<id>", new Dictionary<string, string>
    {
        ["url"] = "permalink",
        ["author.id"] = "authorId",
        ["author.handle"] = "author",
        ["author.name"] = "author",
        ["publishedAt"] = "created",
        ["title"] = "title",
        ["text"] = "media.richtextContent | media.markdownContent",
        ["community"] = "belongsTo.id | subredditId → subreddits.models.<id>.name",
        ["parentId"] = "parentId | postId",
        ["rootId"] = "postId",
        ["links"] = "source.url, links in media.richtextContent",
        ["metrics.score"] = "score",
        ["metrics.comments"] = "numComments",
    });

    /// <summary><see cref="RedditRedesignDomReader"/>: a rendered capture of the redesign.</summary>
    public static FieldPaths RedesignDom { get; } = new(ParseLayers.Dom, "[data-testid=post-container] | div.Comment", new Dictionary<string, string>
    {
        ["url"] = "a[data-click-id=body][href] | a[data-testid=comment_timestamp][href]",
        ["author.handle"] = "a[data-testid=post_author_link | comment_author_link] | a[href^='/user/']",
        ["author.name"] = "a[data-testid=post_author_link | comment_author_link] | a[href^='/user/']",
        ["title"] = "h1 | h3",
        ["text"] = ".RichTextJSON-root | [data-testid=comment]",
        ["community"] = "a[data-click-id=subreddit] | the URL's /r/<name>",
        ["parentId"] = "the previous div.Comment one level up (its \"level N\" span) | the page's post",
        ["rootId"] = "the page's post",
        ["links"] = ".RichTextJSON-root a[href] | [data-testid=comment] a[href]",
        ["metrics.score"] = "[id^=vote-arrows-] div",
    });

    /// <summary><see cref="RedditMetaPost"/>: a capture cut down to its head.</summary>
    public static FieldPaths Meta { get; } = new(ParseLayers.Meta, null, new Dictionary<string, string>
    {
        ["url"] = "meta[og:url] | the page URL",
        ["title"] = "meta[og:title] after \" on Reddit: \" | title before \" : r/\"",
        ["text"] = "meta[description]",
        ["community"] = "meta[og:url]'s /r/<name>",
        ["media"] = "meta[og:image]",
    });
}
