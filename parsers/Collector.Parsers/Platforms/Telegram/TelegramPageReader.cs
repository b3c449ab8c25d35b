using Collector.Model;
using Collector.Parsers.Common;
using Collector.Parsers.Layers;

namespace Collector.Parsers.Platforms.Telegram;

/// <summary>
/// <c>t.me/&lt;channel&gt;/&lt;n&gt;</c> post pages (text in og:description, the full message behind the embed link) and
/// <c>t.me/&lt;channel&gt;</c> landing pages (no posts; the public feed is the link to follow).
/// </summary>
internal static class TelegramPageReader
{
    /// <summary>Where a post page's fields come from (for <c>parse --explain</c>): its meta and its URL.</summary>
    private static readonly FieldPaths Paths = new(ParseLayers.Meta, null, new Dictionary<string, string>
    {
        ["url"] = "the URL's <channel>/<n>",
        ["author.handle"] = "the URL's channel",
        ["author.name"] = "meta[og:title]",
        ["text"] = "meta[og:description | twitter:description]",
        ["community"] = "the URL's channel",
        ["media"] = "meta[og:image] (not Telegram's logo)",
    });

    public static ParseResult Read(TelegramParser parser, PageInput page)
    {
        var meta = MetaTags.Read(page.Body);
        var segments = page.Url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var channel = TelegramFeedReader.ChannelOf(page.Url);
        if (segments.Length >= 2 && segments[0] != "s" && long.TryParse(segments[1], out _))
        {
            var id = $"{segments[0]}/{segments[1]}";
            var key = new PostKey(PlatformKeys.Telegram, id);
            var text = TextNormalizer.Normalize(meta.Get("og:description") ?? meta.Get("twitter:description"));
            var embed = new FollowLink(new Uri($"https://t.me/{id}?embed=1&mode=tme"), FollowKind.Item);
            if (text is null)
            {
                return page.Body.Contains("tgme_page_widget", StringComparison.Ordinal)
                    ? parser.Found([], [embed], key, "post page without a description: the message is in the embed")
                    : parser.Classified(PageOutcome.NotFound, "post page without message", key);
            }

            var image = meta.Get("og:image");
            var post = new Post
            {
                Platform = PlatformKeys.Telegram,
                Id = id,
                Url = $"https://t.me/{id}",
                Kind = PostKinds.Message,
                Author = new Author { Handle = segments[0], Name = meta.Get("og:title"), Url = $"https://t.me/{segments[0]}" },
                Text = text,
                Community = segments[0],
                Media = image is not null && !image.Contains("telegram.org/img", StringComparison.Ordinal) ? [new Media { Type = "image", Url = image }] : [],
            };
            return Paths.Record(parser.Found([PostEnricher.Enrich(post)], [embed], key, "post page: text from og:description, time only in the embed"));
        }

        if (page.Body.Contains("tgme_page_title", StringComparison.Ordinal) && channel is not null)
        {
            var next = page.Body.Contains("/s/" + channel, StringComparison.Ordinal)
                ? new List<FollowLink> { new(new Uri($"https://t.me/s/{channel}"), FollowKind.NextPage) }
                : [];
            return parser.Found([], next, reason: next.Count > 0 ? "channel landing page; posts are on the public feed" : "channel landing page without a public feed");
        }

        return PageSignals.Detect(page) is { } signal
            ? parser.Classified(signal.Outcome, signal.Reason)
            : parser.Classified(PageOutcome.NotFound, "t.me page without channel or post");
    }
}
