using Collector.Detection.Images;
using Collector.Model;

namespace Collector.Detection.Synthetic;

/// <summary>The planted parts of the world: campaigns, off-topic repliers, repurposed accounts, news and memes.</summary>
public sealed partial class WorldGenerator
{
    private static readonly string[] CampaignPlatforms =
        [Platforms.X, Platforms.Facebook, Platforms.YouTube, Platforms.Reddit, Platforms.Pinterest, Platforms.Pixiv,
            Platforms.Tumblr, Platforms.Medium, Platforms.Vk, Platforms.Quora];

    private static readonly string[] CampaignSites = ["globaltruth-news.example", "peace-daily.example", "harmony-times.example", "eastwind-report.example"];

    private static readonly string[] Captions = ["New cartoon!", "Look 👀", "So true 😂", "#art #cartoon", "Share it", "LOL"];

    private void MakeCampaigns()
    {
        var accounts = new List<Account>();
        for (var a = 0; a < options.CampaignAccounts; a++)
        {
            var account = NewAccount(CampaignPlatforms[a % CampaignPlatforms.Length], "campaign", $"{Word()}_{Word()}_{random.Next(10, 99)}");
            account.Offset = Beijing;
            account.Topic = "politics";
            truth.Accounts[account.Key].UnionWith([AccountFlags.ShiftPattern, AccountFlags.Coordinated]);
            accounts.Add(account);
        }

        var cells = accounts.Chunk(Math.Max(3, options.CampaignCellSize)).ToList();
        for (var item = 0; item < options.CampaignItems; item++)
        {
            PlantItem(item, cells[item % cells.Count]);
        }

        foreach (var account in accounts)
        {
            var target = 25 + random.Next(0, 12);
            while (account.Posts < target)
            {
                Add(account, OfficeTime(random.Next(0, options.Days)), text.English(18, 34, WordPools.Politics, 0.3), community: "politics");
            }
        }
    }

    private void PlantItem(int item, Account[] cell)
    {
        var id = $"item-{item}";
        var imageOnly = random.NextDouble() < 0.15;
        var hasLink = !imageOnly && random.NextDouble() < 0.6;
        var hasImage = imageOnly || random.NextDouble() < 0.35;
        var baseText = text.English(28, 44, WordPools.Politics, 0.45);
        var site = text.Pick(CampaignSites);
        var link = $"https://www.{site}/2025/{Word()}-{Word()}-{item}";
        var hash = RandomHash();
        var imageUrl = $"https://img.{site}/cartoons/{item}.jpg";
        var archived = random.NextDouble() < options.ArchivedImageShare;
        var posters = cell.OrderBy(_ => random.Next()).Take(random.Next(4, Math.Min(cell.Length, 10) + 1)).ToList();
        var start = OfficeTime(random.Next(0, options.Days - 12));
        for (var j = 0; j < posters.Count; j++)
        {
            var at = j == 0 ? start : start.AddSeconds(random.Next(60, 45 * 60));
            PlantCopy(id, posters[j], at, j == 0 ? "exact" : PickVariant(hasLink || hasImage), imageOnly, baseText, hasLink ? link : null, hasImage, hash, imageUrl, archived);
        }

        var late = random.Next(0, (posters.Count / 4) + 1);
        for (var j = 0; j < late; j++)
        {
            var at = OfficeTime((int)((start - options.Start).TotalDays + random.Next(2, 10)));
            PlantCopy(id, text.Pick(cell), at, random.NextDouble() < 0.5 ? "exact" : "prefix", imageOnly, baseText, hasLink ? link : null, hasImage, hash, imageUrl, archived);
        }
    }

    private string PickVariant(bool canTranslate) => random.NextDouble() switch
    {
        < 0.35 => "exact",
        < 0.5 => "prefix",
        < 0.7 => "typo",
        < 0.85 => "truncate",
        _ => canTranslate ? "translate" : "exact",
    };

    private void PlantCopy(string item, Account account, DateTimeOffset at, string variant, bool imageOnly, string baseText, string? link,
        bool hasImage, PdqHash hash, string imageUrl, bool archived)
    {
        var body = imageOnly ? text.Pick(Captions) : variant switch
        {
            "prefix" => text.Pick(WordPools.Prefixes) + baseText,
            "typo" => text.Typo(baseText),
            "truncate" => text.Truncate(baseText),
            "translate" => text.Chinese(16, 30, WordPools.Chinese),
            _ => baseText,
        };
        string? linkVariant = null;
        if (link is not null)
        {
            linkVariant = random.Next(4) switch
            {
                0 => link + "?utm_source=" + account.Platform + "&utm_medium=social",
                1 => link.Replace("https://www.", "http://", StringComparison.Ordinal) + "/",
                2 => link + "?fbclid=IwAR" + random.Next(100000, 999999),
                _ => link,
            };
            body += " " + linkVariant;
        }

        Media? media = null;
        PdqHash? image = null;
        if (hasImage)
        {
            if (archived)
            {
                image = Jitter(hash, 8);
                media = new Media { Type = "image", Url = $"https://cdn.{account.Platform}.example/{random.Next():x}.jpg" };
            }
            else
            {
                media = new Media { Type = "image", Url = random.Next(2) == 0 ? imageUrl : imageUrl.Replace("https://img.", "https://IMG.", StringComparison.Ordinal) + "?utm_campaign=x" };
            }
        }

        var index = Add(account, at, body, links: linkVariant is null ? [] : [linkVariant], hashtags: ["politics"], community: "politics", media: media, image: image);
        truth.AddToChain(item, new PostRef(account.Platform, posts[index].Post.Id));
    }

    /// <summary>A weekday time in a Beijing office slot (09-11, 14-17 or 19-21 start), leaving 45 minutes before the break.</summary>
    private DateTimeOffset OfficeTime(int day)
    {
        day = Math.Clamp(day, 0, options.Days - 1);
        while (day % 7 >= 5)
        {
            day = day + 1 < options.Days ? day + 1 : day - 3;
        }

        var slot = random.Next(3);
        var (from, hours) = slot switch { 0 => (9, 2), 1 => (14, 3), _ => (19, 2) };
        var local = options.Start.AddDays(day).AddHours(from).AddSeconds(random.Next(hours * 3600));
        return local - Beijing;
    }

    private void MakeOffTopicRepliers()
    {
        string[] replyPlatforms = [Platforms.Quora, Platforms.Reddit, Platforms.YouTube, Platforms.Facebook];
        for (var r = 0; r < options.OffTopicRepliers; r++)
        {
            var platform = text.Pick(replyPlatforms.Where(topLevelByPlatform.ContainsKey).DefaultIfEmpty(Platforms.Reddit).ToList());
            var account = NewAccount(platform, "off-topic", "honest_" + Word() + random.Next(100, 999));
            account.Topic = "politics";
            truth.Accounts[account.Key].Add(AccountFlags.OffTopicReplies);
            for (var i = 0; i < 3; i++)
            {
                Add(account, OrganicTime(account), text.English(14, 30), community: "general");
            }

            if (!topLevelByPlatform.TryGetValue(platform, out var parents) || parents.Count < 10)
            {
                continue;
            }

            var template = text.English(18, 26, WordPools.Politics, 0.6);
            var count = random.Next(4, 9);
            foreach (var parentIndex in parents.OrderBy(_ => random.Next()).Take(count).ToList())
            {
                var parent = posts[parentIndex];
                var at = parent.Time.AddMinutes(2 + (-Math.Log(1 - random.NextDouble()) * 360));
                var body = template + (random.Next(3) switch { 0 => " 🙏", 1 => "!!", _ => string.Empty });
                var index = Add(account, at, body, parentId: parent.Post.Id, community: parent.Post.Community);
                truth.AddToChain($"offtopic-{r}", new PostRef(platform, posts[index].Post.Id));
            }
        }
    }

    private void MakeRepurposed()
    {
        string[] platforms = [Platforms.Facebook, Platforms.X, Platforms.Instagram];
        for (var r = 0; r < options.RepurposedAccounts; r++)
        {
            var account = NewAccount(text.Pick(platforms), "repurposed", "lingerie_shop_" + random.Next(1000, 9999));
            account.Offset = Beijing;
            truth.Accounts[account.Key].Add(AccountFlags.LanguageSwitch);
            var before = random.Next(12, 20);
            var last = options.Start;
            for (var i = 0; i < before; i++)
            {
                var at = options.Start.AddDays(random.Next(0, 40)).AddHours(random.Next(8, 23)) - Beijing;
                last = at > last ? at : last;
                Add(account, at, text.Chinese(12, 24, WordPools.ChineseAds), links: [$"https://shop{r}.example.cn/item/{random.Next(100000)}"],
                    hashtags: ["内衣", "特价"], community: "shop");
            }

            var resume = (int)(last - options.Start).TotalDays + random.Next(60, 80);
            var after = random.Next(12, 20);
            for (var i = 0; i < after; i++)
            {
                var at = options.Start.AddDays(Math.Min(options.Days - 1, resume + random.Next(0, Math.Max(1, options.Days - resume)))).AddHours(random.Next(0, 24));
                Add(account, at, text.English(16, 32, WordPools.Politics, 0.5), hashtags: ["politics", "truth"], community: "politics");
            }
        }
    }

    private void ShareNewsAndMemes()
    {
        var english = organic.Where(a => a.Language == "en").ToList();
        foreach (var link in news)
        {
            var sharers = random.Next(15, 60);
            for (var s = 0; s < sharers; s++)
            {
                var account = text.Pick(english);
                var at = link.Published.AddHours(-Math.Log(1 - random.NextDouble()) * 30);
                var variant = random.Next(3) switch { 0 => link.Url + "?utm_source=share", 1 => link.Url.Replace("https://", "http://", StringComparison.Ordinal), _ => link.Url };
                AddTopLevel(account, at, text.English(10, 26) + " " + variant, links: [variant]);
            }
        }

        foreach (var meme in memes)
        {
            var sharers = random.Next(15, 45);
            for (var s = 0; s < sharers; s++)
            {
                var account = text.Pick(english);
                var at = meme.Start.AddSeconds(random.NextDouble() * 30 * 86400);
                var archived = random.NextDouble() < options.ArchivedImageShare;
                AddTopLevel(account, at, text.English(8, 20),
                    media: new Media { Type = "image", Url = archived ? $"https://cdn.{account.Platform}.example/{random.Next():x}.jpg" : meme.Url },
                    image: archived ? Jitter(meme.Hash, 8) : null);
            }
        }
    }
}
