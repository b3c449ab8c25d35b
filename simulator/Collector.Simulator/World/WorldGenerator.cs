using Collector.Model;

namespace Collector.Simulator.World;

/// <summary>Builds the initial world from a seed: ordinary users on every platform, then the planted campaign.</summary>
public static class WorldGenerator
{
    public static WorldState Generate(int seed, DateTimeOffset now, int postsPerCommunity)
    {
        var b = new WorldBuilder(new Random(seed), now);
        foreach (var platform in SimPlatforms.Content.Where(p => p != SimPlatform.Telegram))
        {
            b.CreateOrdinaryUsers(platform, platform == SimPlatform.Reddit ? 30 : 14);
        }

        var n = Math.Max(3, postsPerCommunity);
        foreach (var (sub, topic) in WorldLayout.Subreddits)
        {
            for (var i = 0; i < n; i++)
            {
                OrdinaryContent.RedditSubmission(b, sub, topic, b.AnyRecentTime());
            }
        }

        // One busy thread whose comments do not all fit in the first response (Reddit's "more" stub).
        var busy = OrdinaryContent.RedditSubmission(b, WorldLayout.Subreddits[0].Name, Topic.Politics, b.AnyRecentTime(10), maxComments: 0);
        OrdinaryContent.RedditComments(b, busy, Topic.Politics, 24);

        foreach (var (topicSlug, topic, title) in WorldLayout.QuoraQuestions)
        {
            var question = OrdinaryContent.QuoraQuestion(b, topicSlug, title, b.AnyRecentTime().AddDays(-30));
            for (var i = b.Random.Next(5, 9); i > 0; i--)
            {
                OrdinaryContent.QuoraAnswer(b, question, TextBank.Paragraph(b.Random, topic, 3, 6), OrdinaryContent.After(b, question.PublishedAt.AddDays(b.Random.Next(0, 25))));
            }
        }

        foreach (var (slug, _, topic) in WorldLayout.Boards)
        {
            var owner = b.AnyOrdinary(SimPlatform.Pinterest);
            for (var i = 0; i < n; i++)
            {
                OrdinaryContent.Pin(b, slug, owner, TextBank.Title(b.Random, topic), TextBank.Paragraph(b.Random, topic, 1, 2), b.AnyRecentTime(), "img-" + b.Ids.Forum("i"));
            }
        }

        foreach (var (channel, _, topic) in WorldLayout.Channels)
        {
            for (var i = 0; i < n + (n / 2); i++)
            {
                OrdinaryContent.TelegramMessage(b, channel, TextBank.Paragraph(b.Random, topic, 1, 3), b.AnyRecentTime());
            }
        }

        foreach (var (section, topics) in WorldLayout.ForumSections)
        {
            var count = section == "blog" ? Math.Max(3, n / 3) : n;
            for (var i = 0; i < count; i++)
            {
                OrdinaryContent.ForumTopic(b, section, topics[b.Random.Next(topics.Length)], b.AnyRecentTime());
            }
        }

        CampaignPlanter.Plant(b);
        var posts = TelegramNumbering.Assign(b.Posts, existing: []);
        return new WorldState(0, now, posts, [.. b.Accounts.OrderBy(a => a.Platform).ThenBy(a => a.Handle, StringComparer.Ordinal)]);
    }
}

/// <summary>Gives Telegram messages their "channel/N" ids: numbered per channel in time order, after the channel's existing ones.</summary>
public static class TelegramNumbering
{
    public static List<SimPost> Assign(IEnumerable<SimPost> added, IReadOnlyList<SimPost> existing)
    {
        var next = existing.Where(p => p.Platform == SimPlatform.Telegram)
            .GroupBy(p => p.Community, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Max(p => Number(p.Id)) + 1, StringComparer.Ordinal);
        var result = new List<SimPost>();
        foreach (var post in added.OrderBy(p => p.PublishedAt))
        {
            if (post.Platform != SimPlatform.Telegram || !post.Id.StartsWith(OrdinaryContent.PendingTelegramId, StringComparison.Ordinal))
            {
                result.Add(post);
                continue;
            }

            var n = next.GetValueOrDefault(post.Community, 1);
            next[post.Community] = n + 1;
            result.Add(post with { Id = $"{post.Community}/{n}" });
        }

        return result;
    }

    public static int Number(string id) => int.Parse(id[(id.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
}
