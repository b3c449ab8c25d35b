using Collector.Model;
using Collector.Parsers.Platforms.Telegram;

namespace Collector.Parsers.Tests.Platforms.Telegram;

public class TelegramParserTests
{
    public static TheoryData<string> Fixtures => ExpectedPageCheck.Files("Telegram");

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Parse_RealCapture_MatchesHandReadExpectations(string expected) =>
        ExpectedPageCheck.Run(new TelegramParser(), "Telegram", expected);

    private static ParseResult Parse(string url, string html) => new TelegramParser().Parse(new PageInput { Url = new Uri(url), Body = html });

    private const string Feed = """
        <html><body><main><section class="tgme_channel_history js-message_history">
        <div class="tgme_widget_message_wrap"><div class="tgme_widget_message js-widget_message" data-post="newsroom/41">
          <div class="tgme_widget_message_author"><a class="tgme_widget_message_owner_name" href="https://t.me/newsroom"><span>Newsroom</span></a></div>
          <div class="tgme_widget_message_forwarded_from">Forwarded from <a class="tgme_widget_message_forwarded_from_name" href="https://t.me/origin/7">Origin</a></div>
          <div class="tgme_widget_message_text">Breaking: <a href="https://example.org/a">story</a> #news</div>
          <div class="tgme_widget_message_footer"><span class="tgme_widget_message_views">1.2K</span>
            <a class="tgme_widget_message_date" href="https://t.me/newsroom/41"><time datetime="2024-03-01T10:00:00+00:00">10:00</time></a></div>
        </div></div>
        <div class="tgme_widget_message_wrap"><div class="tgme_widget_message js-widget_message" data-post="newsroom/42">
          <a class="tgme_widget_message_reply" href="https://t.me/newsroom/41"></a>
          <div class="tgme_widget_message_text">Follow-up</div>
          <span class="tgme_widget_message_views">15</span><a class="tgme_widget_message_date" href="https://t.me/newsroom/42"><time datetime="2024-03-01T11:30:00+02:00">11:30</time></a>
        </div></div>
        </section><a class="tme_messages_more js-messages_more" data-before="41" href="/s/newsroom?before=41"></a></main></body></html>
        """;

    [Fact]
    public void Parse_ChannelFeed_ViewsForwardsRepliesAndBeforeCursor()
    {
        var result = Parse("https://t.me/s/newsroom", Feed);

        Assert.Equal(2, result.Posts.Count);
        var first = result.Posts[0];
        Assert.Equal(("newsroom/41", "newsroom", 1200L, "origin/7"), (first.Id, first.Author!.Handle, first.Metrics.Views!.Value, first.RepostOf));
        Assert.Equal(["https://example.org/a"], first.Links);
        Assert.Equal(["news"], first.Hashtags);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 9, 30, 0, TimeSpan.Zero), result.Posts[1].PublishedAt);
        Assert.Equal("newsroom/41", result.Posts[1].ParentId);
        var next = Assert.Single(result.Next);
        Assert.Equal(("https://t.me/s/newsroom?before=41", FollowKind.NextPage), (next.Url.AbsoluteUri, next.Kind));
        Assert.Null(result.Subject);
    }

    [Fact]
    public void Parse_FeedWithoutMessages_IsEmptyButUnknownMarkupIsUnrecognized()
    {
        var empty = "<html><body><section class=\"tgme_channel_history\"><div class=\"tgme_widget_message_wrap\"></div></section></body></html>";
        Assert.Equal(PageOutcome.Empty, Parse("https://t.me/s/quiet", empty).Classification);
        Assert.Equal(PageOutcome.Unrecognized, Parse("https://t.me/s/quiet", "<html><body><div class='tg-2027'>x</div></body></html>").Classification);
    }

    [Fact]
    public void Parse_DeletedMessagePage_IsNotFoundForThatMessage()
    {
        var result = Parse("https://t.me/newsroom/41", "<html><body><div class=\"tgme_widget_message_error\">Post not found</div></body></html>");

        Assert.Equal(PageOutcome.NotFound, result.Classification);
        Assert.Equal(new PostKey("telegram", "newsroom/41"), result.Subject);
    }
}
