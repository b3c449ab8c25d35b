using Collector.Parsers.Platforms.Generic;

namespace Collector.Parsers;

/// <summary>
/// Every parser that ships with Collector, one line each. The generic parser stays last: it is the fallback.
/// </summary>
public static class BuiltInParsers
{
    /// <summary>
    /// The version of what these parsers make of a page, recorded with every capture they read. Raise it with any change
    /// that can alter a post read from the same bytes (text, title, ids): `collector verify` re-parses stored pages and
    /// compares the text only where a capture names this version, so a change without a raise is reported as a mismatch.
    /// </summary>
    public const string Version = "2026.12.1";

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
