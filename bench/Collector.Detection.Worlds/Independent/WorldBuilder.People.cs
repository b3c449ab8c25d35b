namespace Collector.Detection.Worlds.Independent;

/// <summary>Ordinary people and the decoys: accounts a careless rule would flag, and content a careless rule would chain.</summary>
internal sealed partial class WorldBuilder
{
    private static readonly string[] PeoplePlatforms = ["reddit", "reddit", "x", "x", "x", "facebook", "youtube", "quora", "pinterest", "telegram", "vk", "medium"];

    private readonly List<Account> people = [];
    private readonly List<(Account Account, double ReplyShare)> repliers = [];
    private int newsCounter;

    private string LanguageOf(string zone) => zone switch
    {
        "Europe/Madrid" or "America/Mexico_City" => "es",
        "America/Sao_Paulo" => "pt",
        "Europe/Berlin" => random.Next(3) == 0 ? "en" : "de",
        "Europe/Moscow" => "ru",
        "Asia/Shanghai" => "zh",
        _ => random.Next(12) == 0 ? "fr" : "en",
    };

    private void AddPeople()
    {
        for (var i = 0; i < options.OrganicAccounts; i++)
        {
            var zoneId = Pick(options.PeopleZones);
            var account = NewAccount(Pick(PeoplePlatforms), new HabitSchedule(Zone(zoneId), HabitSchedule.Everyday, 1.2), LanguageOf(zoneId), AccountRole.Organic);
            var count = (int)Math.Round(Math.Exp(random.NextDouble() * Math.Log(70))); // 1..70, most few
            PostEveryday(account, count, 0.1);
            people.Add(account);
            repliers.Add((account, 0.1 + (random.NextDouble() * 0.2)));
        }
    }

    /// <summary>Original posts and link shares; replies come later, once there is something to reply to.</summary>
    private void PostEveryday(Account account, int count, double linkShare, string? secondLanguage = null)
    {
        for (var p = 0; p < count; p++)
        {
            var at = DrawTime(account);
            var language = secondLanguage is not null && random.Next(2) == 0 ? secondLanguage : account.Language;
            var text = Texts.Words(random, language, random.Next(8, 36), 0.1);
            if (random.NextDouble() < linkShare)
            {
                var url = Addresses.NewsUrl(random, ++newsCounter);
                Publish(account, at, new Draft(Texts.Words(random, language, random.Next(4, 14)) + " " + url) { Links = [url] });
            }
            else
            {
                Publish(account, at, new Draft(text));
            }
        }
    }

    private void AddDecoys()
    {
        var everyoneButOperators = new List<Account>();
        for (var i = 0; i < options.NewsJunkies; i++)
        {
            var zoneId = Pick(options.PeopleZones);
            var junkie = NewAccount(Pick(PeoplePlatforms), new HabitSchedule(Zone(zoneId), HabitSchedule.Restless, 1), "en", AccountRole.Decoy, "news-junkie");
            PostEveryday(junkie, random.Next(40, 121), 0.6);
            everyoneButOperators.Add(junkie);
        }

        for (var i = 0; i < options.NightOwls; i++)
        {
            var zoneId = Pick(options.PeopleZones);
            var owl = NewAccount(Pick(PeoplePlatforms), new HabitSchedule(Zone(zoneId), HabitSchedule.NightOwl, 1.1), LanguageOf(zoneId), AccountRole.Decoy, "night-owl");
            PostEveryday(owl, random.Next(15, 51), 0.1);
        }

        for (var i = 0; i < options.DaytimeRegulars; i++)
        {
            var zoneId = Pick(options.PeopleZones);
            var desk = NewAccount(Pick(PeoplePlatforms), new HabitSchedule(Zone(zoneId), HabitSchedule.Daytime, 0.35), LanguageOf(zoneId), AccountRole.Decoy, "daytime-regular");
            PostEveryday(desk, random.Next(15, 46), 0.15);
        }

        for (var i = 0; i < options.Bilinguals; i++)
        {
            var zoneId = Pick(options.PeopleZones);
            var pair = Pick<(string, string)>([("en", "es"), ("en", "zh"), ("ru", "en"), ("fr", "en"), ("pt", "en"), ("de", "en")]);
            var both = NewAccount(Pick(PeoplePlatforms), new HabitSchedule(Zone(zoneId), HabitSchedule.Everyday, 1.2), pair.Item1, AccountRole.Decoy, "bilingual");
            PostEveryday(both, random.Next(15, 41), 0.1, pair.Item2);
            repliers.Add((both, 0.15));
        }

        AddViralImages();
        AddBigNews(everyoneButOperators);
    }

    /// <summary>A meme everyone posts with their own caption within a few days: not a campaign.</summary>
    private void AddViralImages()
    {
        for (var v = 0; v < options.ViralImages; v++)
        {
            var image = RandomImage(random);
            var firstDay = random.Next(0, options.Days - 4);
            var sharers = random.Next(15, 51);
            for (var s = 0; s < sharers; s++)
            {
                var zoneId = Pick(options.PeopleZones);
                var account = NewAccount(Pick(PeoplePlatforms), new HabitSchedule(Zone(zoneId), HabitSchedule.Everyday, 1.2), LanguageOf(zoneId), AccountRole.Decoy, "viral-image");
                var at = DrawTime(account, firstDay, firstDay + random.Next(1, 4));
                Publish(account, at, new Draft(random.Next(3) == 0 ? Pick(Lexicon.Interjections) : Texts.Words(random, account.Language, random.Next(2, 12))) { Image = Reencode(image) });
                PostEveryday(account, random.Next(2, 11), 0.1);
                repliers.Add((account, 0.1));
            }
        }
    }

    /// <summary>The day's big story: dozens of unrelated people and the news junkies share one article within hours.</summary>
    private void AddBigNews(List<Account> junkies)
    {
        for (var n = 0; n < options.BigNewsLinks; n++)
        {
            var url = Addresses.NewsUrl(random, ++newsCounter);
            var day = random.Next(0, options.Days - 2);
            var sharers = random.Next(20, 61);
            for (var s = 0; s < sharers; s++)
            {
                var account = s < junkies.Count && random.Next(2) == 0 ? junkies[s] : Pick(people);
                var at = DrawTime(account, day, day + 1);
                var shared = Addresses.ShareNews(url, random);
                var inText = random.Next(3) > 0;
                var comment = Texts.Words(random, account.Language, random.Next(3, 15));
                Publish(account, at, new Draft(inText ? comment + " " + shared : comment) { Links = inText && random.Next(2) == 0 ? [] : [shared] });
            }
        }
    }

    /// <summary>Replies, on-topic or the everyday "so true", to earlier posts on the same platform.</summary>
    private void AddReplies()
    {
        foreach (var (account, share) in repliers)
        {
            var replies = (int)Math.Round(account.Posts * share);
            if (!postsByPlatform.TryGetValue(account.Key.Platform, out var candidates) || candidates.Count < 10)
            {
                continue;
            }

            for (var r = 0; r < replies; r++)
            {
                var parent = candidates[random.Next(candidates.Count)];
                if (parent.Author?.Handle == account.Key.Handle || parent.Text is null)
                {
                    continue;
                }

                var at = parent.PublishedAt!.Value.AddMinutes(random.Next(3, 2000));
                var text = random.Next(4) == 0 ? Pick(Lexicon.Interjections) : Echo(parent.Text, account.Language);
                Publish(account, at, new Draft(text) { Parent = parent });
            }
        }
    }

    /// <summary>An on-topic reply: a few of the parent's words among the replier's own.</summary>
    private string Echo(string parentText, string language)
    {
        // words, not addresses; a Chinese run is cut into two-character words
        var words = parentText.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !w.Contains("://", StringComparison.Ordinal))
            .SelectMany(w => w.Any(c => c > 0x2E80) ? Enumerable.Range(0, w.Length / 2).Select(i => w.Substring(2 * i, 2)) : [w])
            .DefaultIfEmpty("ok")
            .ToArray();
        var borrowed = Enumerable.Range(0, random.Next(2, 5)).Select(_ => words[random.Next(words.Length)].TrimEnd('.', '。'));
        return string.Join(' ', borrowed) + " " + Texts.Words(random, language, random.Next(4, 16));
    }
}
