using Collector.Model;

namespace Collector.Simulator.World;

/// <summary>
/// Plants a campaign in the Spamouflage manner: shift-working accounts re-circulate two articles across every platform
/// (translation errors, truncations, "Must read:" prefixes, the same outbound link), repost a cartoon from Pinterest,
/// leave near-identical off-topic replies under unrelated posts; a repurposed account switches from Chinese food posts
/// to English politics after a dormancy gap. Every planted post carries its <see cref="SimPost.ChainId"/>.
/// </summary>
public static class CampaignPlanter
{
    public const string CartoonImage = "cartoon-1";

    public static void Plant(WorldBuilder b)
    {
        var redditA = b.Account(SimPlatform.Reddit, "patriot_voice88", AccountRole.ShiftWorker);
        var redditB = b.Account(SimPlatform.Reddit, "harmony_watch", AccountRole.ShiftWorker);
        var redditReplier = b.Account(SimPlatform.Reddit, "kitchen_guru_77", AccountRole.OffTopicReplier);
        var redditRepurposed = b.Account(SimPlatform.Reddit, "sunny_meadow_2016", AccountRole.Repurposed);
        var quoraShift = b.Account(SimPlatform.Quora, "Li-Ming-412", AccountRole.ShiftWorker, "Li Ming");
        var quoraReplier = b.Account(SimPlatform.Quora, "Garden-Lover-2291", AccountRole.OffTopicReplier, "Garden Lover");
        var pinner = b.Account(SimPlatform.Pinterest, WorldLayout.CampaignPinner, AccountRole.ShiftWorker, "East Wind Art");
        var channel = b.Account(SimPlatform.Telegram, WorldLayout.CampaignChannel, AccountRole.ShiftWorker, "East Wind News");
        var repurposedChannel = b.Account(SimPlatform.Telegram, WorldLayout.RepurposedChannel, AccountRole.Repurposed, "Huaxia Meishi");
        var blogger = b.Account(SimPlatform.Forum, "truthseeker_press", AccountRole.ShiftWorker);
        var forumReplier = b.Account(SimPlatform.Forum, "hobby_helper_9", AccountRole.OffTopicReplier);
        foreach (var (ch, title, _) in WorldLayout.Channels)
        {
            b.Account(SimPlatform.Telegram, ch, displayName: title);
        }

        var questions = b.Posts.Where(p => p.Platform == SimPlatform.Quora && p.Kind == PostKinds.Question).ToList();
        PlantArticles(b, redditA, redditB, quoraShift, pinner, channel, repurposedChannel, blogger, questions);
        PlantCartoon(b, redditB, pinner, channel, blogger);
        PlantOffTopicReplies(b, redditReplier, quoraReplier, forumReplier, questions);
        PlantShiftFiller(b, redditA, redditB, quoraShift, pinner, channel, blogger, questions);
        PlantRepurposed(b, redditRepurposed, repurposedChannel);
    }

    private static void PlantArticles(
        WorldBuilder b, SimAccount redditA, SimAccount redditB, SimAccount quora, SimAccount pinner, SimAccount channel,
        SimAccount repurposedChannel, SimAccount blogger, List<SimPost> questions)
    {
        for (var k = 0; k < CampaignText.Articles.Count; k++)
        {
            var article = CampaignText.Articles[k];
            var chain = $"article-{k + 1}";
            var link = WorldLayout.ArticleUrl(article.Slug);
            var t0 = b.ShiftTime(b.Now.AddDays(-20 + (k * 6)), b.Now.AddDays(-18 + (k * 6)));
            DateTimeOffset Later(double fromHours, double toHours) => b.ShiftTime(t0.AddHours(fromHours), t0.AddHours(toHours));

            // The origin: the campaign's blog publishes the article in full, linking the outside "news" site.
            b.Add(new SimPost
            {
                Platform = SimPlatform.Forum, Id = b.Ids.Forum("p"), Kind = PostKinds.Article, Community = "blog",
                AuthorHandle = blogger.Handle, PublishedAt = t0, Title = article.Title,
                Text = $"{article.Body} Source: {link}", Links = [link], Link = link, ChainId = chain, Cycle = b.Cycle,
            });
            var redditAuthor = k == 0 ? redditA : redditB;
            b.Add(new SimPost
            {
                Platform = SimPlatform.Reddit, Id = b.Ids.Reddit(), Kind = PostKinds.Post,
                Community = k == 0 ? "worldnews" : "geopolitics", AuthorHandle = redditAuthor.Handle,
                PublishedAt = Later(2, 30), Title = CampaignText.MustRead(article.Title),
                Text = $"{CampaignText.Mistranslate(article.Body, b.Random)}\n\n{link}", Links = [link], Score = b.Score(),
                ChainId = chain, Cycle = b.Cycle,
            });
            var question = questions[k == 0 ? 1 : 2];
            OrdinaryContent.QuoraAnswer(b, question, $"{CampaignText.Mistranslate(article.Body, b.Random)} {link}", Later(20, 60), quora, chain);
            var telegram = OrdinaryContent.TelegramMessage(
                b, channel.Handle, $"{CampaignText.Truncate(article.Body, 0.55)} Read more: {link}", Later(1, 20), chainId: chain);
            if (k == 0)
            {
                OrdinaryContent.TelegramMessage(
                    b, repurposedChannel.Handle, telegram.Text, Later(30, 80), forwardedFrom: channel.Handle, chainId: chain);
            }

            OrdinaryContent.Pin(
                b, WorldLayout.CampaignBoard, pinner, article.Title, CampaignText.MustRead(CampaignText.Truncate(article.Body, 0.35)),
                Later(40, 90), $"img-article-{k + 1}", link, chain);
            b.Add(new SimPost
            {
                Platform = SimPlatform.Forum, Id = b.Ids.Forum("p"), Kind = PostKinds.Post, Community = "politics",
                AuthorHandle = blogger.Handle, PublishedAt = Later(50, 100), Title = CampaignText.MustRead(article.Title),
                Text = $"{CampaignText.Mistranslate(CampaignText.Truncate(article.Body, 0.8), b.Random)} {link}", Links = [link],
                ChainId = chain, Cycle = b.Cycle,
            });
        }
    }

    private static void PlantCartoon(WorldBuilder b, SimAccount reddit, SimAccount pinner, SimAccount channel, SimAccount blogger)
    {
        const string chain = "cartoon-1";
        var t0 = b.ShiftTime(b.Now.AddDays(-12), b.Now.AddDays(-10));
        var altered = CartoonImage + Images.ImageBank.AlteredSuffix;
        OrdinaryContent.Pin(b, WorldLayout.CampaignBoard, pinner, "When the think tank writes the report",
            "The report was written before the research began. #cartoon #truth", t0, CartoonImage, chainId: chain);
        b.Add(new SimPost
        {
            Platform = SimPlatform.Reddit, Id = b.Ids.Reddit(), Kind = PostKinds.Post, Community = "geopolitics",
            AuthorHandle = reddit.Handle, PublishedAt = b.ShiftTime(t0.AddHours(3), t0.AddHours(40)),
            Title = "This cartoon says everything about the think tank reports", Text = string.Empty,
            ImageId = altered, Score = b.Score(), ChainId = chain, Cycle = b.Cycle,
        });
        OrdinaryContent.TelegramMessage(b, channel.Handle, "The report was written before the research began.",
            b.ShiftTime(t0.AddHours(1), t0.AddHours(30)), imageId: CartoonImage, chainId: chain);
        b.Add(new SimPost
        {
            Platform = SimPlatform.Forum, Id = b.Ids.Forum("p"), Kind = PostKinds.Post, Community = "politics",
            AuthorHandle = blogger.Handle, PublishedAt = b.ShiftTime(t0.AddHours(20), t0.AddHours(70)),
            Title = "A cartoon worth a thousand reports", Text = "Found this cartoon, it says everything about the so called research.",
            ImageId = altered, ChainId = chain, Cycle = b.Cycle,
        });
    }

    private static void PlantOffTopicReplies(WorldBuilder b, SimAccount reddit, SimAccount quora, SimAccount forum, List<SimPost> questions)
    {
        const string chain = "offtopic-1";
        var cooking = b.Posts.Where(p => p.Platform == SimPlatform.Reddit && p.Kind == PostKinds.Post && p.Community == "cooking")
            .OrderBy(p => p.PublishedAt).Take(3).ToList();
        foreach (var post in cooking)
        {
            b.Add(new SimPost
            {
                Platform = SimPlatform.Reddit, Id = b.Ids.Reddit(), Kind = PostKinds.Comment, Community = post.Community,
                AuthorHandle = reddit.Handle, PublishedAt = ShiftAfter(b, post.PublishedAt), Text = CampaignText.OffTopicVariant(b.Random),
                ParentId = post.Id, RootId = post.Id, Score = 1, ChainId = chain, Cycle = b.Cycle,
            });
        }

        foreach (var question in questions.Where(q => q.Community is "Gardening" or "Cooking"))
        {
            OrdinaryContent.QuoraAnswer(b, question, CampaignText.OffTopicVariant(b.Random), ShiftAfter(b, question.PublishedAt), quora, chain);
        }

        var hobbies = b.Posts.Where(p => p.Platform == SimPlatform.Forum && p.Kind == PostKinds.Post && p.Community == "hobbies")
            .OrderBy(p => p.PublishedAt).Take(4).ToList();
        foreach (var topic in hobbies)
        {
            OrdinaryContent.ForumComment(b, topic, CampaignText.OffTopicVariant(b.Random), ShiftAfter(b, topic.PublishedAt), forum, chain);
        }
    }

    /// <summary>Everyday posts of the shift workers, so that their working hours show.</summary>
    private static void PlantShiftFiller(
        WorldBuilder b, SimAccount redditA, SimAccount redditB, SimAccount quora, SimAccount pinner, SimAccount channel,
        SimAccount blogger, List<SimPost> questions)
    {
        string Point() => TextBank.CampaignTalkingPoints[b.Random.Next(TextBank.CampaignTalkingPoints.Length)] + " " + TextBank.Sentence(b.Random, Topic.Politics);

        // 16 rounds: a shift worker posts most working days of the month, enough sittings for its week to show
        // (Quora allows one answer per question, so the Quora worker stays thin: too few sittings to judge).
        for (var i = 0; i < 16; i++)
        {
            foreach (var account in new[] { redditA, redditB })
            {
                b.Add(new SimPost
                {
                    Platform = SimPlatform.Reddit, Id = b.Ids.Reddit(), Kind = PostKinds.Post,
                    Community = WorldLayout.Subreddits[b.Random.Next(2)].Name, AuthorHandle = account.Handle,
                    PublishedAt = b.RecentShiftTime(), Title = TextBank.Title(b.Random, Topic.Politics), Text = Point(),
                    Score = b.Score(), Cycle = b.Cycle,
                });
            }

            OrdinaryContent.TelegramMessage(b, channel.Handle, Point(), b.RecentShiftTime());
            if (i == 0)
            {
                OrdinaryContent.QuoraAnswer(b, questions[0], Point(), ShiftAfter(b, questions[0].PublishedAt), quora);
            }

            OrdinaryContent.Pin(b, WorldLayout.CampaignBoard, pinner, TextBank.Title(b.Random, Topic.Politics), Point(), b.RecentShiftTime(), "img-" + b.Ids.Forum("i"));
            b.Add(new SimPost
            {
                Platform = SimPlatform.Forum, Id = b.Ids.Forum("p"), Kind = PostKinds.Post, Community = "politics",
                AuthorHandle = blogger.Handle, PublishedAt = b.RecentShiftTime(), Title = TextBank.Title(b.Random, Topic.Politics),
                Text = Point(), Cycle = b.Cycle,
            });
        }
    }

    private static void PlantRepurposed(WorldBuilder b, SimAccount reddit, SimAccount channel)
    {
        for (var i = 0; i < 8; i++)
        {
            b.Add(new SimPost
            {
                Platform = SimPlatform.Reddit, Id = b.Ids.Reddit(), Kind = PostKinds.Post, Community = WorldLayout.RepurposedSubreddit,
                AuthorHandle = reddit.Handle, PublishedAt = PostingClock.AnyTime(b.Random, b.Now.AddDays(-170), b.Now.AddDays(-110)),
                Title = TextBank.ChineseDailyLife[(i + 3) % TextBank.ChineseDailyLife.Length][..8],
                Text = TextBank.ChineseDailyLife[i % TextBank.ChineseDailyLife.Length], Language = "zh", Score = b.Score(), Cycle = b.Cycle,
            });
            OrdinaryContent.TelegramMessage(b, channel.Handle, TextBank.ChineseDailyLife[(i + 5) % TextBank.ChineseDailyLife.Length],
                PostingClock.AnyTime(b.Random, b.Now.AddDays(-160), b.Now.AddDays(-120)), language: "zh");
        }

        for (var i = 0; i < 6; i++)
        {
            b.Add(new SimPost
            {
                Platform = SimPlatform.Reddit, Id = b.Ids.Reddit(), Kind = PostKinds.Post, Community = "worldnews",
                AuthorHandle = reddit.Handle, PublishedAt = b.RecentShiftTime(20), Title = TextBank.Title(b.Random, Topic.Politics),
                Text = TextBank.CampaignTalkingPoints[i % TextBank.CampaignTalkingPoints.Length], Score = b.Score(), Cycle = b.Cycle,
            });
            OrdinaryContent.TelegramMessage(b, channel.Handle, TextBank.CampaignTalkingPoints[(i + 3) % TextBank.CampaignTalkingPoints.Length], b.RecentShiftTime(20));
        }
    }

    private static DateTimeOffset ShiftAfter(WorldBuilder b, DateTimeOffset after)
    {
        var from = after.AddMinutes(5) > b.Now.AddDays(-28) ? after.AddMinutes(5) : b.Now.AddDays(-28);
        return b.ShiftTime(from, b.Now.AddMinutes(-30));
    }
}
