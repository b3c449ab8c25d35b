using Collector.Model;

namespace Collector.Simulator.World;

/// <summary>
/// Advances the world one cycle: the clock moves on by the cycle length; on each platform one post is edited and one
/// taken down (Reddit alternates author deletion and moderator removal); new ordinary posts appear. In cycle 1 the
/// platform also removes the campaign's Reddit article repost, as platforms do take such posts down.
/// </summary>
public static class WorldMutator
{
    public static (WorldState State, CycleReport Report) Advance(WorldState state, int seed, TimeSpan cycleLength)
    {
        var cycle = state.Cycle + 1;
        var now = state.Now + cycleLength;
        var random = new Random(unchecked((int)StableHash.Of(FormattableString.Invariant($"{seed}/{cycle}/mutate")))); // the same story in every process
        var posts = state.Posts.ToDictionary(p => (p.Platform, p.Id));
        var edited = new List<PostKey>();
        var deleted = new List<PostKey>();

        foreach (var platform in SimPlatforms.Content)
        {
            var candidates = state.On(platform)
                .Where(p => p.IsLive && p.ChainId is null && p.Kind != PostKinds.Question && !IsCampaignAccount(state, p))
                .OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
            if (candidates.Count < 2)
            {
                continue;
            }

            var edit = candidates[random.Next(candidates.Count)];
            posts[(platform, edit.Id)] = edit with
            {
                Text = $"{edit.Text} Edit: {TextBank.Sentence(random, Topic.Politics)}",
                Version = edit.Version + 1,
                EditedAt = PostingClock.AnyTime(random, state.Now, now),
            };
            edited.Add(edit.Key);

            var gone = candidates.Where(p => p.Id != edit.Id).ElementAt(random.Next(candidates.Count - 1));
            var how = platform == SimPlatform.Reddit && cycle % 2 == 0 ? SimPostState.Removed : SimPostState.Deleted;
            posts[(platform, gone.Id)] = gone with { State = how };
            deleted.Add(gone.Key);
        }

        if (cycle == 1)
        {
            var campaign = state.On(SimPlatform.Reddit)
                .Where(p => p.IsLive && p.ChainId == "article-1" && p.Kind == PostKinds.Post).FirstOrDefault();
            if (campaign is not null)
            {
                posts[(SimPlatform.Reddit, campaign.Id)] = campaign with { State = SimPostState.Removed };
                deleted.Add(campaign.Key);
            }
        }

        var builder = new WorldBuilder(random, now, cycle);
        foreach (var account in state.Accounts)
        {
            builder.Adopt(account);
        }

        foreach (var p in state.Posts)
        {
            builder.Ids.Reserve(p.Id);
            if (p.Kind == PostKinds.Answer)
            {
                builder.Answered.Add((p.Community, p.AuthorHandle));
            }
        }

        AddNewPosts(builder, state);
        var added = TelegramNumbering.Assign(builder.Posts, state.Posts);
        foreach (var p in added)
        {
            posts[(p.Platform, p.Id)] = p;
        }

        var next = new WorldState(cycle, now, [.. posts.Values], state.Accounts);
        var report = new CycleReport
        {
            Cycle = cycle,
            Now = now,
            Edited = edited,
            Deleted = deleted,
            Added = [.. added.Select(p => p.Key)],
        };
        return (next, report);
    }

    private static void AddNewPosts(WorldBuilder b, WorldState state)
    {
        DateTimeOffset When() => PostingClock.AnyTime(b.Random, state.Now, b.Now);
        foreach (var (sub, topic) in WorldLayout.Subreddits)
        {
            OrdinaryContent.RedditSubmission(b, sub, topic, When(), maxComments: 0);
        }

        var board = WorldLayout.Boards[b.Cycle % WorldLayout.Boards.Count];
        var community = state.Communities(SimPlatform.Pinterest).FirstOrDefault(c => c.EndsWith("/" + board.Slug, StringComparison.Ordinal));
        if (community is not null && state.Account(SimPlatform.Pinterest, community[..community.IndexOf('/', StringComparison.Ordinal)]) is { } owner)
        {
            OrdinaryContent.Pin(b, board.Slug, owner, TextBank.Title(b.Random, board.Topic), TextBank.Paragraph(b.Random, board.Topic, 1, 2), When(), "img-" + b.Ids.Forum("i"));
        }

        var question = state.On(SimPlatform.Quora).Where(p => p.Kind == PostKinds.Question).OrderBy(p => p.Id, StringComparer.Ordinal).FirstOrDefault();
        if (question is not null)
        {
            OrdinaryContent.QuoraAnswer(b, question, TextBank.Paragraph(b.Random, Topic.Politics, 3, 5), When());
        }

        foreach (var (channel, _, topic) in WorldLayout.Channels)
        {
            OrdinaryContent.TelegramMessage(b, channel, TextBank.Paragraph(b.Random, topic, 1, 3), When());
        }

        OrdinaryContent.ForumTopic(b, "hobbies", Topic.Travel, When(), maxComments: 0);
    }

    private static bool IsCampaignAccount(WorldState state, SimPost post) =>
        state.Account(post.Platform, post.AuthorHandle)?.IsCampaign ?? false;
}
