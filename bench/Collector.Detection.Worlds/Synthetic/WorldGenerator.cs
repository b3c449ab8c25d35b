using Collector.Detection.Images;
using Collector.Model;

namespace Collector.Detection.Synthetic;

/// <summary>
/// A seeded synthetic world with known truth: organic accounts on many platforms posting varied text around the
/// clock in their own time zones, replying on topic and sharing popular news and memes; planted campaigns (exact,
/// prefixed, typo'd, truncated and translated copies, shared links and images across platforms, posted by shift
/// workers on Beijing office hours); repurposed accounts; off-topic repliers; and decoys that are only very active
/// or bilingual.
/// </summary>
public sealed partial class WorldGenerator
{
    private static readonly string[] OrganicPlatforms =
        [Platforms.X, Platforms.X, Platforms.Facebook, Platforms.Facebook, Platforms.Reddit, Platforms.Reddit, Platforms.Quora,
            Platforms.YouTube, Platforms.Pinterest, Platforms.Tumblr, Platforms.Medium, Platforms.Vk, Platforms.Telegram, Platforms.Pixiv];

    /// <summary>Relative posting rate per local hour: quiet nights, busy evenings.</summary>
    private static readonly double[] Diurnal =
        [1.2, 0.8, 0.5, 0.35, 0.3, 0.4, 0.8, 1.6, 2.4, 2.8, 3, 3.2, 3.4, 3.2, 3, 3, 3.1, 3.3, 3.6, 4, 4.4, 4.6, 4, 2.6];

    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    private readonly WorldOptions options;
    private readonly Random random;
    private readonly TextMaker text;
    private readonly List<DetectionPost> posts = [];
    private readonly WorldTruth truth = new();
    private readonly Dictionary<string, List<int>> topLevelByPlatform = new(StringComparer.Ordinal);
    private readonly List<NewsLink> news = [];
    private readonly List<Meme> memes = [];
    private readonly List<Account> organic = [];
    private long nextId = 1_000_000;

    public WorldGenerator(WorldOptions options)
    {
        this.options = options;
        random = new Random(options.Seed);
        text = new TextMaker(random);
    }

    public static SyntheticWorld Generate(WorldOptions options) => new WorldGenerator(options).Build();

    public SyntheticWorld Build()
    {
        for (var i = 0; i < options.NewsLinks; i++)
        {
            news.Add(new NewsLink($"https://www.{text.Pick(WordPools.NewsSites)}/2025/{Word()}-{Word()}-{i}.html", RandomTime(0, options.Days - 8)));
        }

        for (var i = 0; i < options.ViralMemes; i++)
        {
            memes.Add(new Meme($"https://i.memes.example/{i:D5}-{Word()}.jpg", RandomHash(), RandomTime(0, options.Days - 35)));
        }

        MakeOrganic();
        MakeDecoys();
        MakeCampaigns();
        MakeOffTopicRepliers();
        MakeRepurposed();
        ShareNewsAndMemes();
        return new SyntheticWorld(posts, truth);
    }

    private void MakeOrganic()
    {
        for (var a = 0; a < options.OrganicAccounts; a++)
        {
            var account = NewAccount(text.Pick(OrganicPlatforms), "organic", Word() + random.Next(10, 9999));
            account.Offset = TimeSpan.FromHours(random.Next(-8, 10));
            account.Language = random.NextDouble() switch { < 0.8 => "en", < 0.9 => "es", _ => "zh" };
            account.Topic = text.Pick(WordPools.Topics);
            organic.Add(account);
        }

        // Top-level posts first, then replies to them.
        var replies = new List<(Account Account, int Count)>();
        foreach (var account in organic)
        {
            var count = Math.Max(1, (int)(-Math.Log(1 - random.NextDouble()) * options.MeanOrganicPosts));
            var replyCount = account.Language == "en" ? (int)(count * 0.3) : 0;
            for (var i = 0; i < count - replyCount; i++)
            {
                AddTopLevel(account, OrganicTime(account), OrganicText(account));
            }

            replies.Add((account, replyCount));
        }

        foreach (var (account, count) in replies)
        {
            for (var i = 0; i < count; i++)
            {
                AddOnTopicReply(account);
            }
        }
    }

    private void MakeDecoys()
    {
        for (var d = 0; d < options.VeryActiveDecoys; d++)
        {
            var account = NewAccount(text.Pick(OrganicPlatforms), "very-active", "newsjunkie" + random.Next(100, 999));
            account.Language = "en";
            account.Topic = "politics";
            var count = random.Next(120, 180);
            for (var i = 0; i < count; i++)
            {
                if (i % 3 == 2 && topLevelByPlatform.ContainsKey(account.Platform))
                {
                    AddOnTopicReply(account, RandomTime(0, options.Days));
                }
                else
                {
                    AddTopLevel(account, RandomTime(0, options.Days), OrganicText(account));
                }
            }

            organic.Add(account);
        }

        for (var d = 0; d < options.BilingualDecoys; d++)
        {
            var account = NewAccount(text.Pick(OrganicPlatforms), "bilingual", "bilingual_" + Word() + random.Next(10, 99));
            account.Offset = Beijing;
            account.Topic = text.Pick(WordPools.Topics);
            var count = random.Next(30, 50);
            for (var i = 0; i < count; i++)
            {
                var zh = random.NextDouble() < 0.5;
                var body = zh ? text.Chinese(12, 24) : text.English(14, 30);
                AddTopLevel(account, OrganicTime(account), body, hashtags: [account.Topic!]);
            }
        }
    }

    private void AddOnTopicReply(Account account, DateTimeOffset? at = null)
    {
        if (!topLevelByPlatform.TryGetValue(account.Platform, out var candidates) || candidates.Count == 0)
        {
            return;
        }

        var parent = posts[text.Pick(candidates)];
        var parentWords = (parent.Post.Text ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('.', ',', '!').ToLowerInvariant())
            .Where(w => w.Length >= 5)
            .Distinct()
            .ToList();
        if (parentWords.Count < 3)
        {
            return;
        }

        var echoed = string.Join(" and ", Enumerable.Range(0, 3).Select(_ => text.Pick(parentWords)));
        var body = $"Good point about {echoed}. {text.English(6, 16)}";
        var time = at ?? parent.Time.AddMinutes(5 + (-Math.Log(1 - random.NextDouble()) * 240));
        Add(account, time, body, parentId: parent.Post.Id);
    }

    private string OrganicText(Account account) => account.Language switch
    {
        "es" => text.Spanish(14, 32),
        "zh" => text.Chinese(12, 26),
        _ => text.English(14, 36),
    };

    private DateTimeOffset OrganicTime(Account account)
    {
        var day = random.Next(0, options.Days);
        var total = Diurnal.Sum();
        var r = random.NextDouble() * total;
        var hour = 0;
        while (hour < 23 && r > Diurnal[hour])
        {
            r -= Diurnal[hour];
            hour++;
        }

        return options.Start.AddDays(day).AddHours(hour).AddSeconds(random.Next(3600)) - account.Offset;
    }

    private DateTimeOffset RandomTime(int fromDay, int toDay) =>
        options.Start.AddDays(fromDay).AddSeconds(random.NextDouble() * (toDay - fromDay) * 86400);

    private int AddTopLevel(Account account, DateTimeOffset at, string body, IReadOnlyList<string>? links = null,
        IReadOnlyList<string>? hashtags = null, string? community = null, Media? media = null, PdqHash? image = null)
    {
        var index = Add(account, at, body, links: links, hashtags: hashtags, community: community, media: media, image: image);
        if (!topLevelByPlatform.TryGetValue(account.Platform, out var list))
        {
            topLevelByPlatform[account.Platform] = list = [];
        }

        list.Add(index);
        return index;
    }

    private int Add(Account account, DateTimeOffset at, string body, string? parentId = null, IReadOnlyList<string>? links = null,
        IReadOnlyList<string>? hashtags = null, string? community = null, Media? media = null, PdqHash? image = null)
    {
        var id = (nextId++).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var post = new Post
        {
            Platform = account.Platform,
            Id = id,
            Url = $"https://{account.Platform}.example/{account.Handle}/{id}",
            Kind = parentId is null ? PostKinds.Post : PostKinds.Comment,
            Author = new Author { Handle = account.Handle },
            PublishedAt = at,
            Text = body,
            Community = community ?? account.Topic,
            ParentId = parentId,
            Links = links ?? [],
            Hashtags = hashtags ?? (account.Topic is null ? [] : [account.Topic]),
            Media = media is null ? [] : [media],
        };
        posts.Add(new DetectionPost { Post = post, FirstSeen = at.AddMinutes(30), ImageHashes = image is null ? [] : [image.Value] });
        account.Posts++;
        return posts.Count - 1;
    }

    private Account NewAccount(string platform, string role, string handle)
    {
        var account = new Account(platform, handle.Replace(' ', '_'));
        var key = platform + ":" + account.Handle;
        while (truth.Roles.ContainsKey(key))
        {
            account = new Account(platform, account.Handle + random.Next(10));
            key = platform + ":" + account.Handle;
        }

        truth.Roles[key] = role;
        truth.Accounts[key] = [];
        return account;
    }

    private string Word() => text.Pick(WordPools.English);

    private PdqHash RandomHash()
    {
        Span<byte> bytes = stackalloc byte[32];
        random.NextBytes(bytes);
        return new PdqHash(BitConverter.ToUInt64(bytes), BitConverter.ToUInt64(bytes[8..]), BitConverter.ToUInt64(bytes[16..]), BitConverter.ToUInt64(bytes[24..]), 100);
    }

    /// <summary>A re-encoded copy: a few bits flipped.</summary>
    private PdqHash Jitter(PdqHash hash, int maxBits)
    {
        Span<ulong> w = [hash.W0, hash.W1, hash.W2, hash.W3];
        var flips = random.Next(0, maxBits + 1);
        for (var f = 0; f < flips; f++)
        {
            var k = random.Next(256);
            w[k / 64] ^= 1UL << (k % 64);
        }

        return new PdqHash(w[0], w[1], w[2], w[3], random.Next(70, 101));
    }

    private sealed class Account(string platform, string handle)
    {
        public string Platform { get; } = platform;
        public string Handle { get; } = handle;
        public string Key => Platform + ":" + Handle;
        public TimeSpan Offset { get; set; }
        public string Language { get; set; } = "en";
        public string? Topic { get; set; }
        public int Posts { get; set; }
    }

    private sealed record NewsLink(string Url, DateTimeOffset Published);

    private sealed record Meme(string Url, PdqHash Hash, DateTimeOffset Start);
}
