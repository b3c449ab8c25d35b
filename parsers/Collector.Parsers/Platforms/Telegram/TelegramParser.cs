using Collector.Model;
using Collector.Parsers.Common;

namespace Collector.Parsers.Platforms.Telegram;

/// <summary>
/// Telegram's public web previews: channel feeds (<c>t.me/s/&lt;channel&gt;</c>, messages with views, dates,
/// forwarded-from, next page via <c>?before=</c>), embedded single messages (<c>?embed=1</c>), single post pages
/// (og:description carries the text) and channel landing pages.
/// </summary>
public sealed class TelegramParser : PlatformParser
{
    public override string Platform => PlatformKeys.Telegram;

    public override bool Handles(Uri url) => Hosts.IsAny(url, "t.me", "telegram.me", "telegram.dog");

    protected override IReadOnlyList<string> CanonicalOrigins { get; } = ["https://t.me"];

    protected override ParseResult ParseCore(PageInput page)
    {
        var html = page.Body;
        if (html.Contains("tgme_widget_message", StringComparison.Ordinal))
        {
            return TelegramFeedReader.Read(this, page);
        }

        if (html.Contains("tgme_page", StringComparison.Ordinal))
        {
            return TelegramPageReader.Read(this, page);
        }

        // Without Telegram's markup a t.me/<channel>/<n> page still stands for that message: the standard layers read it.
        var subject = TelegramFeedReader.PostIdOf(page.Url) is { } id ? new PostKey(PlatformKeys.Telegram, id) : (PostKey?)null;
        if (PageSignals.Detect(page) is { } signal)
        {
            return Classified(signal.Outcome, signal.Reason, subject);
        }

        return Classified(PageOutcome.Unrecognized, "no tgme_widget_message or tgme_page markup", subject);
    }

    /// <summary>A message the standard layers read: the channel of its id is its author and community when they do not say.</summary>
    protected override Post AdaptLayerPost(Post post)
    {
        var slash = post.Id.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            return post;
        }

        var channel = post.Id[..slash];
        var author = post.Author ?? new Author();
        return post with
        {
            Kind = post.ParentId is null ? PostKinds.Message : post.Kind,
            Community = post.Community ?? channel,
            Author = author.Handle is null && post.ParentId is null ? author with { Handle = channel, Url = author.Url ?? $"https://t.me/{channel}" } : author,
        };
    }
}
