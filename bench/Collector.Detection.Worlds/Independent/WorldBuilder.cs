using Collector.Detection.Images;
using Collector.Model;

namespace Collector.Detection.Worlds.Independent;

/// <summary>Builds one world: accounts, their posts, and the record of what was planted.</summary>
internal sealed partial class WorldBuilder
{
    private static readonly string[] Subreddits = ["worldnews", "news", "politics", "europe", "asia", "geopolitics", "AskReddit", "soccer", "cooking", "travel"];

    private readonly IndependentWorldOptions options;
    private readonly Random random;
    private readonly DateTime start;
    private readonly List<DetectionPost> posts = [];
    private readonly Dictionary<AccountKey, Account> accounts = [];
    private readonly List<PlantedStory> stories = [];
    private readonly Dictionary<string, List<Post>> postsByPlatform = new(StringComparer.Ordinal);
    private readonly HashSet<(string, string)> usedIds = [];

    public WorldBuilder(IndependentWorldOptions options)
    {
        this.options = options;
        random = new Random(options.Seed);
        // a Monday somewhere in 2025-2026
        start = new DateTime(2025, 1, 6, 0, 0, 0, DateTimeKind.Utc).AddDays(7 * random.Next(0, 90));
    }

    public IndependentWorld Build()
    {
        AddPeople();
        AddDecoys();
        for (var c = 0; c < options.Campaigns; c++)
        {
            AddCampaign(c);
        }

        AddReplies();
        var record = new WorldRecord
        {
            Stories = stories,
            Accounts = accounts.ToDictionary(a => a.Key, a => a.Value.ToRecord()),
        };
        return new IndependentWorld(posts.OrderBy(p => p.Time).ToList(), record);
    }

    private sealed class Account(AccountKey key, Schedule schedule, string language, AccountRole role)
    {
        public AccountKey Key { get; } = key;
        public Schedule Schedule { get; set; } = schedule;
        public string Language { get; set; } = language;
        public AccountRole Role { get; } = role;
        public string? DecoyKind { get; init; }
        public string? Campaign { get; init; }
        public Dictionary<string, bool?> Flags { get; } = new(StringComparer.Ordinal);
        public HashSet<string> Stories { get; } = new(StringComparer.Ordinal);
        public int Posts { get; set; }

        public AccountRecord ToRecord() => new()
        {
            Role = Role,
            DecoyKind = DecoyKind,
            Campaign = Campaign,
            Flags = Flags.Where(f => f.Value is not null).ToDictionary(f => f.Key, f => f.Value!.Value, StringComparer.Ordinal),
            ShiftWindows = Schedule is ShiftSchedule s ? s.Describe() : null,
            TimeZone = Schedule.Zone.Id,
            Posts = Posts,
        };
    }

    private Account NewAccount(string platform, Schedule schedule, string language, AccountRole role, string? decoy = null, string? campaign = null)
    {
        AccountKey key;
        do
        {
            key = new AccountKey(platform, Texts.Token(random, 3, "abcdefghijklmnopqrstuvwxyz") + "_" + Texts.Token(random, 6));
        }
        while (accounts.ContainsKey(key));

        var account = new Account(key, schedule, language, role) { DecoyKind = decoy, Campaign = campaign };
        foreach (var flag in new[] { AccountFlags.ShiftPattern, AccountFlags.LanguageSwitch, AccountFlags.OffTopicReplies, AccountFlags.Coordinated })
        {
            account.Flags[flag] = false;
        }

        accounts[key] = account;
        return account;
    }

    private sealed record Draft(string Text)
    {
        public string Kind { get; init; } = PostKinds.Post;
        public IReadOnlyList<string> Links { get; init; } = [];
        public PdqHash? Image { get; init; }
        public Post? Parent { get; init; }
        public string? Title { get; init; }
    }

    private Post Publish(Account account, DateTimeOffset at, Draft draft)
    {
        var platform = account.Key.Platform;
        string id;
        do
        {
            id = NewId(platform);
        }
        while (!usedIds.Add((platform, id)));

        var community = platform switch
        {
            "reddit" => draft.Parent?.Community ?? Subreddits[random.Next(Subreddits.Length)],
            "telegram" => account.Key.Handle,
            _ => null,
        };
        var kind = draft.Parent is not null ? PostKinds.Comment : platform switch
        {
            "medium" or "blogger" => PostKinds.Article,
            "youtube" => PostKinds.Video,
            "pinterest" => PostKinds.Pin,
            "telegram" => PostKinds.Message,
            "quora" => PostKinds.Answer,
            _ => draft.Kind,
        };
        var url = draft.Parent is { Url: { } parentUrl } && platform == "reddit"
            ? parentUrl + id + "/"
            : Addresses.PostUrl(platform, account.Key.Handle, id, community ?? "", Texts.Slug(random, 3));
        var media = draft.Image is null ? [] : new[] { new Media { Type = "image", Url = $"https://cdn.{platform}.example/media/{Texts.Token(random, 16)}.jpg" } };
        var post = new Post
        {
            Platform = platform,
            Id = id,
            Url = url,
            Kind = kind,
            Author = new Author { Id = account.Key.Handle, Handle = account.Key.Handle, Name = account.Key.Handle.Replace('_', ' ') },
            PublishedAt = at,
            Title = draft.Title,
            Text = draft.Text,
            Community = community,
            ParentId = draft.Parent?.Id,
            RootId = draft.Parent is null ? null : draft.Parent.RootId ?? draft.Parent.Id,
            Links = draft.Links,
            Media = media,
        };
        posts.Add(new DetectionPost
        {
            Post = post,
            FirstSeen = at.AddMinutes(random.Next(1, 360)),
            ImageHashes = draft.Image is { } hash ? [hash] : [],
        });
        if (!postsByPlatform.TryGetValue(platform, out var list))
        {
            postsByPlatform[platform] = list = [];
        }

        list.Add(post);
        account.Posts++;
        return post;
    }

    private string NewId(string platform) => platform switch
    {
        "x" => random.NextInt64(1_000_000_000_000_000, 1_999_999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture),
        "telegram" => random.Next(100, 999999).ToString(System.Globalization.CultureInfo.InvariantCulture),
        "youtube" => Texts.Token(random, 11, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-"),
        _ => Texts.Token(random, 7),
    };

    private DateTimeOffset DrawTime(Account account, int firstDay = 0, int? lastDay = null) =>
        account.Schedule.Draw(random, start, firstDay, lastDay ?? (options.Days - 1));

    private static PdqHash RandomImage(Random random) =>
        new((ulong)random.NextInt64(), (ulong)random.NextInt64(), (ulong)random.NextInt64(), (ulong)random.NextInt64(), 100);

    /// <summary>The image as re-encoded, resized or lightly cropped on another platform: a handful of PDQ bits flip.</summary>
    private PdqHash Reencode(PdqHash image)
    {
        Span<ulong> masks = stackalloc ulong[4];
        var flips = random.Next(0, 15);
        for (var i = 0; i < flips; i++)
        {
            masks[random.Next(4)] ^= 1UL << random.Next(64);
        }

        return new PdqHash(image.W0 ^ masks[0], image.W1 ^ masks[1], image.W2 ^ masks[2], image.W3 ^ masks[3], 100);
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private TimeZoneInfo Zone(string id) => TimeZoneInfo.FindSystemTimeZoneById(id);
}
