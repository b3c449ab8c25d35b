using Collector.Parsers.Layers;

namespace Collector.Parsers.Platforms.X;

/// <summary>Where each X reader takes each field (for <c>collector parse --explain</c>; see <see cref="FieldPaths"/>).</summary>
internal static class XFieldPaths
{
    /// <summary><see cref="XTweetReader.Add"/>: a web GraphQL tweet result, in a timeline or alone.</summary>
    public static FieldPaths GraphQl { get; } = new(ParseLayers.ApiJson, "GraphQL tweet_results.result | tweetResult.result", new Dictionary<string, string>
    {
        ["url"] = "core.user_results.result.(core | legacy).screen_name + rest_id",
        ["author.id"] = "core.user_results.result.rest_id",
        ["author.handle"] = "core.user_results.result.(core | legacy).screen_name",
        ["author.name"] = "core.user_results.result.(core | legacy).name",
        ["publishedAt"] = "legacy.created_at | rest_id (snowflake time)",
        ["text"] = "note_tweet.note_tweet_results.result.text | legacy.full_text | legacy.text",
        ["language"] = "legacy.lang | detected from the text",
        ["parentId"] = "legacy.in_reply_to_status_id_str",
        ["rootId"] = "legacy.conversation_id_str",
        ["repostOf"] = "legacy.retweeted_status_result.result | quoted_status_result.result | legacy.quoted_status_id_str",
        ["media"] = "legacy.(extended_entities | entities).media[]",
        ["links"] = "legacy.entities.urls[].expanded_url, note_tweet entity_set.urls, t.co links in the text",
        ["hashtags"] = "legacy.entities.hashtags[].text | note_tweet entity_set.hashtags | the text",
        ["metrics.likes"] = "legacy.favorite_count",
        ["metrics.comments"] = "legacy.reply_count",
        ["metrics.shares"] = "legacy.retweet_count",
        ["metrics.views"] = "views.count",
    });

    /// <summary>XApiReader's API v2 reading: <c>data</c> with <c>includes.users</c>.</summary>
    public static FieldPaths V2 { get; } = new(ParseLayers.ApiJson, "v2 data[]", new Dictionary<string, string>
    {
        ["url"] = "includes.users[author_id].username + id",
        ["author.id"] = "author_id",
        ["author.handle"] = "includes.users[author_id].username",
        ["author.name"] = "includes.users[author_id].name",
        ["publishedAt"] = "created_at | id (snowflake time)",
        ["text"] = "note_tweet.text | text",
        ["language"] = "lang | detected from the text",
        ["parentId"] = "referenced_tweets[type=replied_to].id",
        ["rootId"] = "conversation_id",
        ["repostOf"] = "referenced_tweets[type=retweeted | quoted].id",
        ["metrics.likes"] = "public_metrics.like_count",
        ["metrics.comments"] = "public_metrics.reply_count",
        ["metrics.shares"] = "public_metrics.retweet_count",
        ["metrics.views"] = "public_metrics.impression_count",
    });

    /// <summary><see cref="XUserReader"/>: <c>data.user.result</c> as a profile post.</summary>
    public static FieldPaths User { get; } = new(ParseLayers.ApiJson, "GraphQL data.user.result", new Dictionary<string, string>
    {
        ["url"] = "(core | legacy).screen_name",
        ["author.id"] = "rest_id",
        ["author.handle"] = "(core | legacy).screen_name",
        ["author.name"] = "(core | legacy).name",
        ["publishedAt"] = "(core | legacy).created_at",
        ["title"] = "(core | legacy).name",
        ["text"] = "profile_bio.description | legacy.description",
        ["language"] = "profile_description_language | detected from the text",
        ["links"] = "(profile_bio | legacy).entities.url.urls[].expanded_url",
    });

    /// <summary><see cref="XRenderedReader"/>: the rendered web app's tweet articles.</summary>
    public static FieldPaths Rendered { get; } = new(ParseLayers.Dom, "article[data-testid=tweet]", new Dictionary<string, string>
    {
        ["url"] = "a[href] around time[datetime] (/<handle>/status/<id>)",
        ["author.handle"] = "a[href] around time[datetime] (/<handle>/status/<id>)",
        ["author.name"] = "[data-testid=User-Name] a span",
        ["publishedAt"] = "time[datetime] | the id (snowflake time)",
        ["text"] = "[data-testid=tweetText]",
        ["language"] = "[data-testid=tweetText][lang] | detected from the text",
        ["media"] = "[data-testid=tweetPhoto] img[src], video[src], video source[src]",
        ["links"] = "[data-testid=tweetText] a[href] (off x.com)",
        ["metrics.comments"] = "[data-testid=reply][aria-label]",
        ["metrics.shares"] = "[data-testid=retweet | unretweet][aria-label]",
        ["metrics.likes"] = "[data-testid=like | unlike][aria-label]",
        ["metrics.views"] = "[role=group][aria-label] \"N views\"",
    });

    /// <summary><see cref="XLegacyReader"/>: the pre-2019 server-rendered pages.</summary>
    public static FieldPaths Legacy { get; } = new(ParseLayers.Dom, "div.tweet[data-tweet-id]", new Dictionary<string, string>
    {
        ["url"] = "[data-permalink-path] | [data-screen-name] + [data-tweet-id]",
        ["author.id"] = "[data-user-id]",
        ["author.handle"] = "[data-screen-name]",
        ["author.name"] = "[data-name]",
        ["author.url"] = "[data-screen-name]",
        ["publishedAt"] = "span._timestamp[data-time-ms] | [data-time] | the id (snowflake time)",
        ["text"] = "p.tweet-text | .js-tweet-text",
        ["language"] = "p.tweet-text[lang] | detected from the text",
        ["parentId"] = "the previous tweet in #ancestors | the permalink tweet (replies in #descendants)",
        ["rootId"] = "the first tweet in #ancestors | div.permalink-tweet[data-tweet-id]",
        ["repostOf"] = ".QuoteTweet-innerContainer[data-item-id]",
        ["media"] = "[data-image-url]",
        ["links"] = "p.tweet-text a[data-expanded-url]",
        ["metrics.comments"] = ".ProfileTweet-action--reply [data-tweet-stat-count]",
        ["metrics.shares"] = ".ProfileTweet-action--retweet [data-tweet-stat-count]",
        ["metrics.likes"] = ".ProfileTweet-action--favorite [data-tweet-stat-count]",
    });
}
