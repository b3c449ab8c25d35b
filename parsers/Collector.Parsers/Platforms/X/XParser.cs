using Collector.Model;
using Collector.Parsers.Common;

namespace Collector.Parsers.Platforms.X;

/// <summary>
/// X/Twitter: the web GraphQL responses (timelines, tweet detail, user by screen name), rendered status/profile DOMs
/// (<c>article[data-testid=tweet]</c>) and pre-2019 server pages (<c>div.tweet[data-tweet-id]</c>).
/// </summary>
public sealed class XParser : PlatformParser
{
    public override string Platform => PlatformKeys.X;

    public override bool Handles(Uri url) => Hosts.IsAny(url, "x.com", "twitter.com", "twimg.com");

    protected override IReadOnlyList<string> CanonicalOrigins { get; } = ["https://x.com", "https://twitter.com"];

    protected override ParseResult ParseCore(PageInput page)
    {
        if (page.LooksLikeJson)
        {
            return XGraphQlReader.Read(page, this);
        }

        var html = page.Body;
        if (html.Contains("data-testid=\"tweet\"", StringComparison.Ordinal)
            || html.Contains("data-testid=\"tweetText\"", StringComparison.Ordinal))
        {
            return XRenderedReader.Read(page, this);
        }

        if (html.Contains("data-tweet-id=", StringComparison.Ordinal))
        {
            return XLegacyReader.Read(page, this);
        }

        return XPageClassifier.Classify(page, this);
    }

    /// <summary>A status page read only from its meta (a preview bot's view) still has its time: the snowflake id's.</summary>
    protected override Post AdaptLayerPost(Post post) => post.PublishedAt is null ? post with { PublishedAt = XTimes.FromSnowflake(post.Id) } : post;

    internal ParseResult Result(IReadOnlyList<Post> posts, IReadOnlyList<FollowLink> next, PostKey? subject, string? reason = null) =>
        Found(posts, next, subject, reason);

    internal ParseResult Result(PageOutcome outcome, string reason, PostKey? subject = null) => Classified(outcome, reason, subject);
}
