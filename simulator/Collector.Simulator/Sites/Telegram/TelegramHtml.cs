using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Collector.Simulator.Hosting;
using Collector.Simulator.World;
using static System.Net.WebUtility;

namespace Collector.Simulator.Sites.Telegram;

/// <summary>
/// t.me/s/ markup: <c>section.tgme_channel_history</c> of <c>div.tgme_widget_message[data-post="chan/N"]</c> with
/// <c>.tgme_widget_message_text</c>, <c>.tgme_widget_message_views</c>, <c>a.tgme_widget_message_date &gt; time[datetime]</c>,
/// forwarded-from and photo blocks; older messages behind <c>a.tme_messages_more[data-before]</c>.
/// </summary>
public static partial class TelegramHtml
{
    public static string ChannelPage(SimContext sim, string channel, string title, IReadOnlyList<SimPost> page, int? before)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<main class=\"tgme_main\" data-url=\"/{channel}\">\n  <div class=\"tgme_container\">\n    <section class=\"tgme_channel_history js-message_history\">\n");
        if (before is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $"      <div class=\"tgme_widget_message_centered js-messages_more_wrap\"><a href=\"/s/{channel}?before={before}\" class=\"tme_messages_more js-messages_more\" data-before=\"{before}\"></a></div>\n");
        }

        foreach (var message in page)
        {
            sb.Append("      <div class=\"tgme_widget_message_wrap js-widget_message_wrap\">");
            sb.Append(Message(sim, message, title));
            sb.Append("</div>\n");
        }

        sb.Append("    </section>\n  </div>\n</main>\n");
        return Document($"{title} – Telegram", sim.Url(SimPlatform.Telegram, "/s/" + channel), title, channel, sb.ToString());
    }

    /// <summary>The single-message page (t.me/chan/N): the message widget, or "Post not found" once it is gone.</summary>
    public static string MessagePage(SimContext sim, string channel, string title, SimPost? message)
    {
        var body = message is { IsLive: true }
            ? $"<div class=\"tgme_widget_message_wrap js-widget_message_wrap\">{Message(sim, message, title)}</div>"
            : "<div class=\"tgme_widget_message_error\">Post not found</div>";
        var description = message is { IsLive: true } ? message.Text : $"The latest posts from {title}.";
        return Document($"Telegram: Contact @{channel}", sim.Url(SimPlatform.Telegram, "/" + channel), title, channel,
            $"<main class=\"tgme_main tgme_page_widget\">{body}</main>", description);
    }

    private static string Message(SimContext sim, SimPost m, string title)
    {
        var n = TelegramNumbering.Number(m.Id);
        var href = sim.Url(SimPlatform.Telegram, $"/{m.Community}/{n}");
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<div class=\"tgme_widget_message text_not_supported_wrap js-widget_message\" data-post=\"{m.Id}\" data-view=\"{Convert.ToBase64String(Encoding.UTF8.GetBytes(m.Id))}\">\n");
        sb.Append(CultureInfo.InvariantCulture, $"  <div class=\"tgme_widget_message_user\"><a href=\"{sim.Url(SimPlatform.Telegram, "/" + m.Community)}\"><i class=\"tgme_widget_message_user_photo bgcolor6\" data-content=\"{HtmlEncode(title[..1])}\"></i></a></div>\n");
        sb.Append("  <div class=\"tgme_widget_message_bubble\">\n");
        sb.Append(CultureInfo.InvariantCulture, $"    <div class=\"tgme_widget_message_author accent_color\"><a class=\"tgme_widget_message_owner_name\" href=\"{sim.Url(SimPlatform.Telegram, "/" + m.Community)}\"><span dir=\"auto\">{HtmlEncode(title)}</span></a></div>\n");
        if (m.ForwardedFrom is { } from)
        {
            var fromTitle = sim.World.State.Account(SimPlatform.Telegram, from)?.DisplayName ?? from;
            sb.Append(CultureInfo.InvariantCulture, $"    <div class=\"tgme_widget_message_forwarded_from accent_color\">Forwarded from <a class=\"tgme_widget_message_forwarded_from_name\" href=\"{sim.Url(SimPlatform.Telegram, "/" + from)}\"><span dir=\"auto\">{HtmlEncode(fromTitle)}</span></a></div>\n");
        }

        if (m.ImageId is { } image)
        {
            sb.Append(CultureInfo.InvariantCulture, $"    <a class=\"tgme_widget_message_photo_wrap\" href=\"{href}\" style=\"width:320px;background-image:url('{sim.ImageUrl(image)}')\"><div class=\"tgme_widget_message_photo\" style=\"padding-top:100%\"></div></a>\n");
        }

        sb.Append(CultureInfo.InvariantCulture, $"    <div class=\"tgme_widget_message_text js-message_text\" dir=\"auto\">{TextHtml(m.Text)}</div>\n");
        sb.Append("    <div class=\"tgme_widget_message_footer compact js-message_footer\">\n      <div class=\"tgme_widget_message_info short js-message_info\">\n");
        sb.Append(CultureInfo.InvariantCulture, $"        <span class=\"tgme_widget_message_views\">{Views(m.Views)}</span><span class=\"copyonly\"> views</span>");
        sb.Append("<span class=\"tgme_widget_message_meta\">");
        if (m.EditedAt is not null)
        {
            sb.Append("<span class=\"tgme_widget_message_edited\">edited</span> ");
        }

        sb.Append(CultureInfo.InvariantCulture, $"<a class=\"tgme_widget_message_date\" href=\"{href}\"><time datetime=\"{m.PublishedAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'+00:00'}\" class=\"time\">{m.PublishedAt.UtcDateTime:HH:mm}</time></a></span>\n");
        sb.Append("      </div>\n    </div>\n  </div>\n</div>");
        return sb.ToString();
    }

    /// <summary>Telegram's view counter: 950, 1.2K, 3.4M.</summary>
    public static string Views(long views) => views switch
    {
        >= 1_000_000 => (views / 1_000_000d).ToString("0.#", CultureInfo.InvariantCulture) + "M",
        >= 1_000 => (views / 1_000d).ToString("0.#", CultureInfo.InvariantCulture) + "K",
        _ => views.ToString(CultureInfo.InvariantCulture),
    };

    private static string TextHtml(string text)
    {
        var escaped = HtmlEncode(text).Replace("\n", "<br/>", StringComparison.Ordinal);
        return UrlPattern().Replace(escaped, m => $"<a href=\"{m.Value}\" target=\"_blank\" rel=\"noopener\">{m.Value}</a>");
    }

    private static string Document(string title, string canonical, string channelTitle, string channel, string main, string? description = null) => $$"""
        <!DOCTYPE html>
        <html>
          <head>
            <meta charset="utf-8">
            <title>{{HtmlEncode(title)}}</title>
            <meta name="viewport" content="width=device-width, initial-scale=1.0">
            <meta property="og:title" content="{{HtmlEncode(channelTitle)}}">
            <meta property="og:description" content="{{HtmlEncode(description ?? $"The latest posts from {channelTitle}.")}}">
            <link rel="canonical" href="{{HtmlEncode(canonical)}}">
          </head>
          <body class="widget_frame_base tgme_webpreview emoji_image">
        <header class="tgme_header search_collapsed"><div class="tgme_header_info"><a class="tgme_header_link" href="/{{channel}}"><div class="tgme_header_title"><span dir="auto">{{HtmlEncode(channelTitle)}}</span></div></a></div></header>
        {{main}}
          </body>
        </html>
        """;

    [GeneratedRegex(@"https?://[^\s<]+")]
    private static partial Regex UrlPattern();
}
