using Collector.Model;

namespace Collector.Simulator.World;

/// <summary>Makes the ordinary users' posts of each platform (also used by cycles to add new ones).</summary>
public static class OrdinaryContent
{
    /// <summary>Telegram ids are numbered per channel in time order once the world is complete; until then they carry this prefix.</summary>
    public const string PendingTelegramId = "pending:";

    public static SimPost RedditSubmission(WorldBuilder b, string sub, Topic topic, DateTimeOffset at, SimAccount? author = null, int maxComments = 5)
    {
        author ??= b.AnyOrdinary(SimPlatform.Reddit);
        var post = b.Add(new SimPost
        {
            Platform = SimPlatform.Reddit,
            Id = b.Ids.Reddit(),
            Kind = PostKinds.Post,
            Community = sub,
            AuthorHandle = author.Handle,
            PublishedAt = at,
            Title = TextBank.Title(b.Random, topic),
            Text = TextBank.Paragraph(b.Random, topic),
            Score = b.Score(),
            Cycle = b.Cycle,
        });
        RedditComments(b, post, topic, b.Random.Next(0, maxComments + 1));
        return post;
    }

    public static void RedditComments(WorldBuilder b, SimPost submission, Topic topic, int count)
    {
        var parents = new List<SimPost> { submission };
        for (var i = 0; i < count; i++)
        {
            // A third of the comments reply to an earlier comment: nested replies.
            var parent = parents.Count > 1 && b.Random.Next(3) == 0 ? parents[b.Random.Next(1, parents.Count)] : submission;
            var at = After(b, parent.PublishedAt);
            var comment = b.Add(new SimPost
            {
                Platform = SimPlatform.Reddit,
                Id = b.Ids.Reddit(),
                Kind = PostKinds.Comment,
                Community = submission.Community,
                AuthorHandle = b.AnyOrdinary(SimPlatform.Reddit).Handle,
                PublishedAt = at,
                Text = TextBank.Paragraph(b.Random, topic, 1, 2),
                ParentId = parent.Id,
                RootId = submission.Id,
                Score = b.Score() / 4,
                Cycle = b.Cycle,
            });
            parents.Add(comment);
        }
    }

    public static SimPost QuoraQuestion(WorldBuilder b, string topicSlug, string title, DateTimeOffset at) => b.Add(new SimPost
    {
        Platform = SimPlatform.Quora,
        Id = b.Ids.Numeric(8),
        Kind = PostKinds.Question,
        Community = topicSlug,
        AuthorHandle = b.AnyOrdinary(SimPlatform.Quora).Handle,
        PublishedAt = at,
        Title = title,
        Text = title,
        PathId = StableHash.QuoraSlug(title),
        Cycle = b.Cycle,
    });

    public static SimPost QuoraAnswer(WorldBuilder b, SimPost question, string text, DateTimeOffset at, SimAccount? author = null, string? chainId = null)
    {
        for (var tries = 0; author is null || (b.Answered.Contains((question.Id, author.Handle)) && tries < 50); tries++)
        {
            author = b.AnyOrdinary(SimPlatform.Quora);
        }

        if (!b.Answered.Add((question.Id, author.Handle)))
        {
            throw new InvalidOperationException($"{author.Handle} already answered question {question.Id}.");
        }

        return b.Add(new SimPost
        {
            Platform = SimPlatform.Quora,
            Id = b.Ids.Numeric(9),
            Kind = PostKinds.Answer,
            Community = question.Id,
            AuthorHandle = author.Handle,
            PathId = $"{StableHash.QuoraSlug(question.Title!)}/answer/{author.Handle}",
            PublishedAt = at,
            Title = question.Title,
            Text = text,
            ParentId = question.Id,
            RootId = question.Id,
            Score = b.Score(),
            Views = b.Score() * 40,
            ChainId = chainId,
            Cycle = b.Cycle,
        });
    }

    public static SimPost Pin(WorldBuilder b, string board, SimAccount pinner, string title, string text, DateTimeOffset at, string imageId, string? link = null, string? chainId = null) => b.Add(new SimPost
    {
        Platform = SimPlatform.Pinterest,
        Id = b.Ids.Numeric(18),
        Kind = PostKinds.Pin,
        Community = $"{pinner.Handle}/{board}",
        AuthorHandle = pinner.Handle,
        PublishedAt = at,
        Title = title,
        Text = text,
        ImageId = imageId,
        Link = link,
        Score = b.Score(),
        ChainId = chainId,
        Cycle = b.Cycle,
    });

    public static SimPost TelegramMessage(WorldBuilder b, string channel, string text, DateTimeOffset at, string language = "en", string? imageId = null, string? forwardedFrom = null, string? chainId = null) => b.Add(new SimPost
    {
        Platform = SimPlatform.Telegram,
        Id = PendingTelegramId + b.Ids.Forum("t"),
        Kind = PostKinds.Message,
        Community = channel,
        AuthorHandle = channel,
        PublishedAt = at,
        Text = text,
        Language = language,
        ImageId = imageId,
        ForwardedFrom = forwardedFrom,
        Views = b.Score() * 10,
        ChainId = chainId,
        Cycle = b.Cycle,
    });

    public static SimPost ForumTopic(WorldBuilder b, string section, Topic topic, DateTimeOffset at, SimAccount? author = null, int maxComments = 4)
    {
        author ??= b.AnyOrdinary(SimPlatform.Forum);
        var post = b.Add(new SimPost
        {
            Platform = SimPlatform.Forum,
            Id = b.Ids.Forum("p"),
            Kind = section == "blog" ? PostKinds.Article : PostKinds.Post,
            Community = section,
            AuthorHandle = author.Handle,
            PublishedAt = at,
            Title = TextBank.Title(b.Random, topic),
            Text = TextBank.Paragraph(b.Random, topic, 3, 6),
            Score = b.Score(),
            Cycle = b.Cycle,
        });
        for (var i = b.Random.Next(0, maxComments + 1); i > 0; i--)
        {
            ForumComment(b, post, TextBank.Paragraph(b.Random, topic, 1, 2), After(b, post.PublishedAt));
        }

        return post;
    }

    public static SimPost ForumComment(WorldBuilder b, SimPost topic, string text, DateTimeOffset at, SimAccount? author = null, string? chainId = null) => b.Add(new SimPost
    {
        Platform = SimPlatform.Forum,
        Id = b.Ids.Forum("c"),
        Kind = PostKinds.Comment,
        Community = topic.Community,
        AuthorHandle = (author ?? b.AnyOrdinary(SimPlatform.Forum)).Handle,
        PublishedAt = at,
        Text = text,
        ParentId = topic.Id,
        RootId = topic.Id,
        ChainId = chainId,
        Cycle = b.Cycle,
    });

    /// <summary>A time after the parent's, before the world's now.</summary>
    public static DateTimeOffset After(WorldBuilder b, DateTimeOffset parent)
    {
        var limit = b.Now.AddMinutes(-1);
        if (parent >= limit)
        {
            return limit;
        }

        var end = parent.AddDays(2) < limit ? parent.AddDays(2) : limit;
        return PostingClock.AnyTime(b.Random, parent.AddMinutes(1), end);
    }
}
