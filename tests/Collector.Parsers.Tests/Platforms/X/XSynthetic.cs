namespace Collector.Parsers.Tests.Platforms.X;

/// <summary>Hand-written pages in X's shapes (GraphQL timeline, rendered article, pre-2019 status page).</summary>
internal static class XSynthetic
{
    private static string Tweet(string id, string handle, string text, string extraLegacy = "", string extraResult = "", string conversation = "")
    {
        var user = "{\"user_results\":{\"result\":{\"__typename\":\"User\",\"rest_id\":\"u" + id + "\",\"core\":{\"screen_name\":\"" + handle
            + "\",\"name\":\"" + handle + " name\"}}}}";
        var legacy = "{\"id_str\":\"" + id + "\",\"created_at\":\"Fri Mar 01 12:00:00 +0000 2024\",\"full_text\":\"" + text
            + "\",\"conversation_id_str\":\"" + (conversation.Length > 0 ? conversation : id) + "\",\"lang\":\"en\",\"favorite_count\":5,\"reply_count\":1,\"retweet_count\":2,"
            + "\"entities\":{\"urls\":[{\"url\":\"https://t.co/abc\",\"expanded_url\":\"https://example.org/report\"}],\"hashtags\":[{\"text\":\"Spamouflage\"}]}"
            + extraLegacy + "}";
        return "{\"__typename\":\"Tweet\",\"rest_id\":\"" + id + "\",\"core\":" + user + "," + extraResult + "\"legacy\":" + legacy + "}";
    }

    private static string Entry(string id, string result) =>
        "{\"entryId\":\"tweet-" + id + "\",\"content\":{\"entryType\":\"TimelineTimelineItem\",\"itemContent\":{\"itemType\":\"TimelineTweet\",\"tweet_results\":{\"result\":"
        + result + "}}}}";

    public static string Timeline
    {
        get
        {
            var original = Tweet("100", "alice", "Read the report https://t.co/abc #Spamouflage");
            var entries = new[]
            {
                Entry("200", Tweet("200", "bob", "RT @alice: Read the report https://t.co/abc #Spamouflage", ",\"retweeted_status_result\":{\"result\":" + original + "}")),
                Entry("300", Tweet("300", "carol", "Look at this", ",\"quoted_status_id_str\":\"100\"", "\"quoted_status_result\":{\"result\":" + original + "},")),
                Entry("400", "{\"__typename\":\"TweetWithVisibilityResults\",\"tweet\":" + Tweet("400", "dave", "agreed", ",\"in_reply_to_status_id_str\":\"300\"", conversation: "100") + "}"),
                "{\"entryId\":\"cursor-top-1\",\"content\":{\"entryType\":\"TimelineTimelineCursor\",\"value\":\"TOP-CURSOR\",\"cursorType\":\"Top\"}}",
                "{\"entryId\":\"cursor-bottom-0\",\"content\":{\"entryType\":\"TimelineTimelineCursor\",\"value\":\"BOTTOM-CURSOR\",\"cursorType\":\"Bottom\"}}",
            };
            return "{\"data\":{\"search_by_raw_query\":{\"search_timeline\":{\"timeline\":{\"instructions\":[{\"type\":\"TimelineAddEntries\",\"entries\":["
                + string.Join(",", entries) + "]}]}}}}}";
        }
    }

    public const string RenderedArticle = """
        <html><body><main>
        <article role="article" data-testid="tweet">
          <div data-testid="User-Name"><a href="/carol"><span>Carol Example</span></a><a href="/carol"><span>@carol</span></a></div>
          <div lang="en" data-testid="tweetText"><span>Synthetic tweet text about the flood response.</span></div>
          <a href="/carol/status/1500000000000000000"><time datetime="2022-03-05T10:00:00.000Z">10:00 AM · Mar 5, 2022</time></a>
          <div role="group" aria-label="1234 replies, 10 reposts, 56789 likes">
            <button data-testid="reply" aria-label="1234 Replies. Reply"><span>1.2K</span></button>
            <button data-testid="retweet" aria-label="10 reposts. Repost"><span>10</span></button>
            <button data-testid="like" aria-label="56789 Likes. Like"><span>56K</span></button>
          </div>
        </article>
        </main></body></html>
        """;

    public const string LegacyStatusPage = """
        <html lang="en"><body>
        <div id="ancestors"><ol><li>
          <div class="tweet js-stream-tweet ancestor" data-tweet-id="10" data-screen-name="dan" data-name="Dan" data-user-id="7" data-permalink-path="/dan/status/10">
            <span class="_timestamp" data-time="1466477165" data-time-ms="1466477165000">21 Jun 2016</span>
            <p class="TweetTextSize js-tweet-text tweet-text" lang="en">First tweet of the thread, long enough to be detected.</p>
          </div></li></ol></div>
        <div class="permalink-inner permalink-tweet-container">
          <div class="tweet permalink-tweet" data-tweet-id="20" data-screen-name="dan" data-name="Dan" data-user-id="7" data-permalink-path="/dan/status/20">
            <span class="_timestamp" data-time-ms="1466477265000"></span>
            <p class="tweet-text" lang="en">The focal tweet of this page.</p>
          </div>
        </div>
        <div class="replies-to permalink-inner permalink-replies"><div id="descendants"><ol>
          <div class="ThreadedConversation--loneTweet"><li>
            <div class="tweet js-stream-tweet" data-tweet-id="30" data-screen-name="erin" data-name="Erin" data-user-id="8" data-permalink-path="/erin/status/30">
              <span class="_timestamp" data-time-ms="1466477365000"></span>
              <p class="tweet-text" lang="en">@dan a reply</p>
            </div></li></div>
        </ol></div></div>
        </body></html>
        """;
}
