using Collector.Parsers.Platforms.Generic;

namespace Collector.Parsers;

/// <summary>
/// Every parser that ships with Collector, one line each. The generic parser stays last: it is the fallback.
/// </summary>
public static class BuiltInParsers
{
    public static IReadOnlyList<IPlatformParser> Create() =>
    [
        // Platform parsers (add one line per platform).
        new Platforms.Telegram.TelegramParser(),
        new Platforms.Quora.QuoraParser(),
        new Platforms.Pinterest.PinterestParser(),
        new Platforms.Reddit.RedditParser(),
        new Platforms.X.XParser(),
        new Platforms.Vk.VkParser(),
        new Platforms.Pixiv.PixivParser(),
        new Platforms.TikTok.TikTokParser(),
        new Platforms.YouTube.YouTubeParser(),
        new Platforms.Medium.MediumParser(),
        new Platforms.Instagram.InstagramParser(),
        new Platforms.Bluesky.BlueskyParser(),
        new Platforms.Facebook.FacebookParser(),
        new Platforms.Blogger.BloggerParser(),
        new Platforms.Tumblr.TumblrParser(),
        new GenericParser(),
    ];
}
