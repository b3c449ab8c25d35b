using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Collector.Model;
using Collector.Parsers.Common;
using Collector.Parsers.Layers;

namespace Collector.Parsers.Platforms.Telegram;

/// <summary>Messages of a <c>t.me/s/</c> feed or an embedded message: <c>div.tgme_widget_message[data-post="channel/N"]</c>.</summary>
internal static partial class TelegramFeedReader
{
    /// <summary>Where <see cref="Message"/> takes each field (for <c>parse --explain</c>).</summary>
    private static readonly FieldPaths Paths = new(ParseLayers.Dom, "div.tgme_widget_message[data-post]", new Dictionary<string, string>
    {
        ["url"] = "a.tgme_widget_message_date[href]",
        ["author.handle"] = "[data-post]'s channel",
        ["author.name"] = ".tgme_widget_message_from_author | a.tgme_widget_message_owner_name",
        ["author.url"] = "[data-post]'s channel",
        ["publishedAt"] = ".tgme_widget_message_date time[datetime]",
        ["text"] = ".tgme_widget_message_text",
        ["community"] = "[data-post]'s channel",
        ["parentId"] = "a.tgme_widget_message_reply[href]",
        ["repostOf"] = "a.tgme_widget_message_forwarded_from_name[href]",
        ["media"] = "a.tgme_widget_message_photo_wrap[style], video[src], .tgme_widget_message_video_thumb[style]",
        ["links"] = ".tgme_widget_message_text a[href]",
        ["hashtags"] = ".tgme_widget_message_text",
        ["language"] = "detected from .tgme_widget_message_text",
        ["metrics.views"] = ".tgme_widget_message_views",
    });

    public static ParseResult Read(TelegramParser parser, PageInput page)
    {
        var document = HtmlPage.Parse(page.Body);
        var posts = new List<Post>();
        foreach (var message in document.QuerySelectorAll("div.tgme_widget_message[data-post]"))
        {
            if (message.ClassList.Contains("service_message"))
            {
                continue;
            }

            posts.Add(Message(message, page.Url));
        }

        var next = new List<FollowLink>();
        var channel = ChannelOf(page.Url);
        var before = document.QuerySelector("a.tme_messages_more[data-before]").Attr("data-before");
        if (before is not null && channel is not null)
        {
            // relative to the page, so a mirror or a saved copy pages within itself (on t.me this is t.me)
            next.Add(new FollowLink(new Uri(page.Url, $"/s/{channel}?before={Uri.EscapeDataString(before)}"), FollowKind.NextPage));
        }

        PostKey? subject = posts.Count == 1 && !page.Url.AbsolutePath.StartsWith("/s/", StringComparison.Ordinal) ? posts[0].Key : null;
        if (posts.Count == 0 && document.QuerySelector(".tgme_widget_message_error") is { } error
            && PostIdOf(page.Url) is { } gone)
        {
            // t.me/channel/N of a deleted message: "Post not found" (the page stands for that message: a tombstone)
            return parser.Classified(PageOutcome.NotFound, error.TextContent.Trim(), new PostKey(PlatformKeys.Telegram, gone));
        }

        if (posts.Count == 0)
        {
            return document.QuerySelector(".tgme_channel_history, .tgme_widget_message_wrap") is not null
                ? parser.Found([], next, reason: "channel feed without messages")
                : parser.Classified(PageOutcome.Unrecognized, "tgme markup without messages");
        }

        return Paths.Record(parser.Found(PostEnricher.EnrichAll(posts), next, subject).ReadBy(ParseLayers.At(Paths.Layer, Paths.Root!)));
    }

    private static Post Message(IElement message, Uri page)
    {
        var id = message.GetAttribute("data-post")!;
        var textElement = message.QuerySelector(".tgme_widget_message_text");
        var ownerLink = message.QuerySelector("a.tgme_widget_message_owner_name");
        var fromAuthor = message.QuerySelector(".tgme_widget_message_from_author").Text();
        var channel = id.Split('/')[0];
        var dateLink = message.QuerySelector("a.tgme_widget_message_date");
        var forwarded = message.QuerySelector("a.tgme_widget_message_forwarded_from_name");
        var reply = message.QuerySelector("a.tgme_widget_message_reply").Attr("href");
        return new Post
        {
            Platform = PlatformKeys.Telegram,
            Id = id,
            Url = Urls.ResolveString(page, dateLink.Attr("href")) ?? $"https://t.me/{id}",
            Kind = PostKinds.Message,
            Author = new Author
            {
                Handle = fromAuthor is null ? channel : null,
                Name = fromAuthor ?? ownerLink.Text(),
                Url = fromAuthor is null ? $"https://t.me/{channel}" : null,
            },
            PublishedAt = Times.Parse(message.QuerySelector(".tgme_widget_message_date time[datetime], time[datetime]").Attr("datetime")),
            Text = textElement.BlockText(),
            Community = channel,
            ParentId = reply is null ? null : PostIdOf(reply),
            RepostOf = forwarded.Attr("href") is { } fwd ? PostIdOf(fwd) ?? fwd : null,
            Media = Media(message),
            Links = textElement.Hrefs(page).Where(u => !u.StartsWith("https://t.me/s/", StringComparison.Ordinal) && !u.Contains("?q=%23", StringComparison.Ordinal)).ToList(),
            Metrics = new Metrics { Views = Counts.Parse(message.QuerySelector(".tgme_widget_message_views").Text()) },
        };
    }

    private static List<Media> Media(IElement message)
    {
        var media = new List<Media>();
        foreach (var photo in message.QuerySelectorAll("a.tgme_widget_message_photo_wrap"))
        {
            if (BackgroundUrl(photo.GetAttribute("style")) is { } url)
            {
                media.Add(new Media { Type = "image", Url = url });
            }
        }

        foreach (var video in message.QuerySelectorAll("video[src]"))
        {
            media.Add(new Media { Type = "video", Url = video.GetAttribute("src")! });
        }

        if (media.Count == 0 && message.QuerySelector(".tgme_widget_message_video_thumb") is { } thumb && BackgroundUrl(thumb.GetAttribute("style")) is { } thumbUrl)
        {
            media.Add(new Media { Type = "video", Url = thumbUrl });
        }

        return media;
    }

    /// <summary>"channel/123" from https://t.me/channel/123 (null for other links).</summary>
    internal static string? PostIdOf(string href)
    {
        var match = PostPath().Match(href);
        return match.Success ? $"{match.Groups[1].Value}/{match.Groups[2].Value}" : null;
    }

    /// <summary>channel/N of a single-message URL (t.me/channel/N), else null.</summary>
    internal static string? PostIdOf(Uri url) =>
        url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries) is [var channel, var n] && channel != "s" && long.TryParse(n, out _)
            ? $"{channel}/{n}"
            : null;

    internal static string? ChannelOf(Uri url)
    {
        var segments = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments switch
        {
            ["s", var name, ..] => name,
            [var name, ..] when name is not "s" => name,
            _ => null,
        };
    }

    private static string? BackgroundUrl(string? style)
    {
        if (style is null)
        {
            return null;
        }

        var match = BackgroundImage().Match(style);
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex(@"https?://(?:t\.me|telegram\.me)/(?:s/)?([A-Za-z0-9_]+)/(\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex PostPath();

    [GeneratedRegex(@"background-image:\s*url\(['""]?([^'"")]+)['""]?\)", RegexOptions.CultureInvariant)]
    private static partial Regex BackgroundImage();
}
