using Collector.Detection.Images;
using Collector.Model;

namespace Collector.Detection.Worlds.Independent;

/// <summary>Planted campaigns: operators on shifts, stories re-circulated in every form, off-topic replies, bought accounts.</summary>
internal sealed partial class WorldBuilder
{
    private static readonly string[] OperatorPlatforms = ["x", "x", "facebook", "reddit", "youtube", "telegram", "vk", "quora", "pinterest", "medium", "blogger"];
    private static readonly string[] ReplyPlatforms = ["x", "facebook", "reddit", "youtube", "quora"];
    private static readonly string[] CampaignLanguages = ["en", "en", "zh", "ru", "es"];

    private sealed record Team(string Name, string[] Languages, string[] Hashtags, List<Account> Operators);

    private void AddCampaign(int index)
    {
        var name = "campaign-" + (index + 1);
        var zone = Zone(Pick(options.TeamZones));
        var primary = Pick(CampaignLanguages);
        var languages = random.Next(2) == 0 ? new[] { primary } : new[] { primary, Pick(CampaignLanguages.Where(l => l != primary).ToArray()) };
        var hashtags = Enumerable.Range(0, random.Next(2, 4)).Select(_ => Texts.Token(random, random.Next(5, 10), "abcdefghijklmnopqrstuvwxyz")).ToArray();
        var shifts = Enumerable.Range(0, random.Next(3) == 0 ? 2 : 1).Select(_ => ShiftSchedule.Create(random, zone, options)).ToArray();
        var team = new Team(name, languages, hashtags, []);

        var operators = random.Next(options.OperatorsPerCampaign.Min, options.OperatorsPerCampaign.Max + 1);
        var repurposed = random.Next(1, 3);
        var replyWorkers = random.Next(0, 3);
        for (var i = 0; i < operators; i++)
        {
            var isReplier = i < replyWorkers;
            var isBought = !isReplier && i < replyWorkers + repurposed;
            var platform = isReplier ? Pick(ReplyPlatforms) : Pick(OperatorPlatforms);
            Schedule schedule = random.NextDouble() < 0.8 ? shifts[random.Next(shifts.Length)] : new HabitSchedule(zone, HabitSchedule.Everyday, 1);
            var op = NewAccount(platform, schedule, primary, AccountRole.Operator, campaign: name);
            if (isBought)
            {
                BuyAccount(op, languages);
            }

            team.Operators.Add(op);
        }

        var storyCount = random.Next(options.StoriesPerCampaign.Min, options.StoriesPerCampaign.Max + 1);
        for (var s = 0; s < storyCount; s++)
        {
            AddStory(team, s, random.Next(4) == 0);
        }

        foreach (var replier in team.Operators.Take(replyWorkers))
        {
            replier.Flags[AccountFlags.OffTopicReplies] = true;
        }

        if (replyWorkers > 0)
        {
            AddReplyStory(team, team.Operators.Take(replyWorkers).ToList());
        }

        foreach (var op in team.Operators)
        {
            Fill(team, op);
            Judge(op);
        }
    }

    /// <summary>A bought account: an ordinary history in another language, months back, then silence, then the campaign.</summary>
    private void BuyAccount(Account op, string[] campaignLanguages)
    {
        var campaignLanguage = op.Language;
        var former = Pick(new[] { "es", "pt", "fr", "de", "ru", "en" }.Except(campaignLanguages).ToArray());

        var campaignSchedule = op.Schedule;
        op.Schedule = new HabitSchedule(Zone(Pick(options.PeopleZones)), HabitSchedule.Everyday, 1.2);
        op.Language = former;
        var lastDay = -random.Next(20, 60);
        for (var p = random.Next(6, 21); p > 0; p--)
        {
            var at = DrawTime(op, lastDay - random.Next(30, 120), lastDay);
            Publish(op, at, new Draft(Texts.Words(random, former, random.Next(8, 30))));
        }

        op.Schedule = campaignSchedule;
        op.Language = campaignLanguage;
        op.Flags[AccountFlags.LanguageSwitch] = true;
        op.Flags[AccountFlags.ShiftPattern] = null; // its week mixes the old life and the shift: either answer is defensible
    }

    private void AddStory(Team team, int index, bool imageStory)
    {
        var author = Pick(team.Operators);
        var language = team.Languages[0];
        var text = Texts.Words(random, language, random.Next(30, 61), 0.6);
        var image = imageStory ? RandomImage(random) : (PdqHash?)null;
        var firstDay = random.Next(0, options.Days - 8);
        var at = author.Schedule.NextActive(new DateTimeOffset(start.AddDays(firstDay).AddHours(random.Next(24))), start, random)!.Value;
        var origin = Publish(author, at, new Draft(imageStory ? Texts.Truncate(text, random) : text)
        {
            Image = image,
            Title = imageStory ? null : Texts.Words(random, language, random.Next(5, 10), 0.6).TrimEnd('.', '。'),
        });
        author.Stories.Add($"{team.Name}/{index}");
        var members = new List<PostKey> { origin.Key };
        string? translation = null;
        var copies = random.Next(6, 21);
        for (var c = 0; c < copies; c++)
        {
            var op = Pick(team.Operators);
            var when = op.Schedule.NextActive(at.AddMinutes(5 + (random.NextDouble() * random.Next(60, 2400))), start, random);
            if (when is null)
            {
                continue;
            }

            var draft = Variant(team, origin, text, image, ref translation);
            members.Add(Publish(op, when.Value, draft).Key);
            op.Stories.Add($"{team.Name}/{index}");
        }

        stories.Add(new PlantedStory($"{team.Name}/{index}", team.Name, imageStory ? "image" : "article", origin.Key, members));
    }

    private Draft Variant(Team team, Post origin, string text, PdqHash? image, ref string? translation)
    {
        var roll = random.NextDouble();
        var link = Addresses.Disguise(origin.Url!, origin.Platform, origin.Id, random);
        var comment = Texts.Words(random, team.Languages[random.Next(team.Languages.Length)], random.Next(3, 14), 0.4);
        if (team.Languages.Length > 1 && roll < 0.15)
        {
            translation ??= Texts.Words(random, team.Languages[1], random.Next(25, 50), 0.6);
            var copy = random.Next(3) switch { 0 => translation, 1 => Texts.Typos(translation, random), _ => Texts.Decorate(translation, random, team.Hashtags) };
            // a translation carries what ties it back: the image, or the link to the original
            return image is { } img && random.Next(2) == 0
                ? new Draft(copy) { Image = Reencode(img) }
                : new Draft(random.Next(2) == 0 ? copy + " " + link : copy) { Links = [link] };
        }

        if (roll < 0.4)
        {
            // a link share, with a fresh comment: the link in the text, or only among the post's links
            return random.Next(3) == 0 ? new Draft(comment) { Links = [link] } : new Draft(comment + " " + link) { Links = random.Next(2) == 0 ? [link] : [] };
        }

        if (image is { } picture && roll < 0.65)
        {
            return new Draft(random.Next(2) == 0 ? comment : Texts.Truncate(text, random)) { Image = Reencode(picture) };
        }

        var body = random.Next(4) switch
        {
            0 => text,
            1 => Texts.Typos(text, random),
            2 => Texts.Truncate(text, random),
            _ => Texts.Decorate(text, random, team.Hashtags),
        };
        return new Draft(body) { Image = image is { } i2 && random.Next(2) == 0 ? Reencode(i2) : null };
    }

    /// <summary>Near-identical replies dropped under strangers' posts on whatever they were about.</summary>
    private void AddReplyStory(Team team, List<Account> repliersOfTeam)
    {
        var message = Texts.Words(random, team.Languages[0], random.Next(15, 31), 0.7);
        var members = new List<(DateTimeOffset At, PostKey Key)>();
        foreach (var op in repliersOfTeam)
        {
            var parents = postsByPlatform[op.Key.Platform].Where(p => p.ParentId is null && p.Author?.Handle != op.Key.Handle).ToList();
            var count = random.Next(3, 9);
            foreach (var parent in parents.OrderBy(_ => random.Next()).Take(count))
            {
                var when = op.Schedule.NextActive(parent.PublishedAt!.Value.AddMinutes(random.Next(10, 600)), start, random) ?? parent.PublishedAt!.Value.AddHours(1);
                var body = random.Next(3) switch { 0 => message, 1 => Texts.Typos(message, random), _ => Texts.Decorate(message, random, team.Hashtags) };
                members.Add((when, Publish(op, when, new Draft(body) { Parent = parent }).Key));
            }

            op.Stories.Add(team.Name + "/replies");
        }

        var ordered = members.OrderBy(m => m.At).Select(m => m.Key).ToList();
        if (ordered.Count >= 2)
        {
            stories.Add(new PlantedStory(team.Name + "/replies", team.Name, "replies", ordered[0], ordered));
        }
    }

    /// <summary>Tops the operator up to its post count with its own campaign-flavoured posts, inside its habits.</summary>
    private void Fill(Team team, Account op)
    {
        var target = random.Next(options.OperatorPosts.Min, options.OperatorPosts.Max + 1);
        while (op.Posts < target)
        {
            var language = team.Languages[random.Next(team.Languages.Length)];
            Publish(op, DrawTime(op), new Draft(Texts.Words(random, language, random.Next(10, 40), 0.4)));
        }
    }

    /// <summary>What the detector should say about an operator, from what the world gave it.</summary>
    private void Judge(Account op)
    {
        if (op.Flags[AccountFlags.ShiftPattern] is not null)
        {
            op.Flags[AccountFlags.ShiftPattern] = op.Schedule is ShiftSchedule ? (op.Posts >= options.ClearShiftPosts ? true : null) : false;
        }

        op.Flags[AccountFlags.Coordinated] = op.Stories.Count >= 2 ? true : null;
    }
}
