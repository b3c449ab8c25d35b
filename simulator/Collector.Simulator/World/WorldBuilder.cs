using System.Globalization;

namespace Collector.Simulator.World;

/// <summary>Collects accounts and posts while a world is generated or advanced; one seeded <see cref="Random"/> drives it all.</summary>
public sealed class WorldBuilder
{
    private static readonly string[] Adjectives =
        ["quiet", "rusty", "sunny", "lazy", "brave", "windy", "salty", "happy", "blue", "tiny", "wild", "old", "green", "late"];

    private static readonly string[] Nouns =
        ["otter", "kettle", "harbor", "maple", "pigeon", "lantern", "walrus", "cactus", "falcon", "teapot", "badger", "comet"];

    private static readonly string[] GivenNames =
        ["Anna", "Marco", "Priya", "Tom", "Chloe", "Daniel", "Sofia", "Kwame", "Elena", "Jonas", "Mei", "Omar", "Laura", "Raj"];

    private static readonly string[] FamilyNames =
        ["Keller", "Okafor", "Nakamura", "Rossi", "Silva", "Novak", "Haddad", "Larsen", "Moreau", "Walsh", "Fischer", "Costa"];

    private readonly Dictionary<(SimPlatform, string), SimAccount> _accounts = [];
    private readonly Dictionary<SimPlatform, List<SimAccount>> _ordinary = [];

    public WorldBuilder(Random random, DateTimeOffset now, int cycle = 0)
    {
        Random = random;
        Ids = new SimIds(random);
        Now = now;
        Cycle = cycle;
    }

    public Random Random { get; }

    public SimIds Ids { get; }

    public DateTimeOffset Now { get; }

    public int Cycle { get; }

    public List<SimPost> Posts { get; } = [];

    /// <summary>(question id, author handle) pairs already answered: Quora allows one answer per person per question.</summary>
    public HashSet<(string Question, string Handle)> Answered { get; } = [];

    public IReadOnlyCollection<SimAccount> Accounts => _accounts.Values;

    public SimAccount Account(SimPlatform platform, string handle, AccountRole role = AccountRole.Ordinary, string? displayName = null)
    {
        if (_accounts.TryGetValue((platform, handle), out var existing))
        {
            return existing;
        }

        var account = new SimAccount
        {
            Platform = platform,
            Handle = handle,
            AccountId = platform switch
            {
                SimPlatform.Reddit => "t2_" + Ids.Reddit(),
                SimPlatform.Pinterest => Ids.Numeric(18),
                SimPlatform.Quora => Ids.Numeric(9),
                _ => handle,
            },
            DisplayName = displayName ?? handle,
            Role = role,
        };
        _accounts[(platform, handle)] = account;
        return account;
    }

    /// <summary>Registers an account that already exists (used when a cycle continues a world).</summary>
    public void Adopt(SimAccount account)
    {
        _accounts[(account.Platform, account.Handle)] = account;
        if (account.Role == AccountRole.Ordinary && account.Platform != SimPlatform.Telegram)
        {
            OrdinaryPool(account.Platform).Add(account);
        }
    }

    /// <summary>Creates the ordinary users of a platform.</summary>
    public void CreateOrdinaryUsers(SimPlatform platform, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var account = platform == SimPlatform.Quora ? QuoraPerson() : Account(platform, Handle(platform));
            OrdinaryPool(platform).Add(account);
        }
    }

    public SimAccount AnyOrdinary(SimPlatform platform)
    {
        var pool = OrdinaryPool(platform);
        return pool[Random.Next(pool.Count)];
    }

    public SimPost Add(SimPost post)
    {
        Posts.Add(post);
        return post;
    }

    public DateTimeOffset AnyRecentTime(double days = 28) => PostingClock.AnyTime(Random, Now.AddDays(-days), Now.AddMinutes(-30));

    /// <summary>A shift-time instant in [from, to); when the range holds none (a weekend), the next one after it, never past now.</summary>
    public DateTimeOffset ShiftTime(DateTimeOffset from, DateTimeOffset to)
    {
        var limit = Now.AddMinutes(-30);
        var t = PostingClock.ShiftTime(Random, from, to < limit ? to : limit) ?? PostingClock.ShiftTime(Random, from, from.AddDays(4));
        return t is { } found && found < limit ? found : PostingClock.ShiftTime(Random, Now.AddDays(-7), limit) ?? from;
    }

    public DateTimeOffset RecentShiftTime(double days = 28) => ShiftTime(Now.AddDays(-days), Now.AddMinutes(-30));

    public long Score() => (long)Math.Round(Math.Exp(Random.NextDouble() * 7));

    private SimAccount QuoraPerson()
    {
        var given = GivenNames[Random.Next(GivenNames.Length)];
        var family = FamilyNames[Random.Next(FamilyNames.Length)];
        var handle = $"{given}-{family}-{Random.Next(1, 999).ToString(CultureInfo.InvariantCulture)}";
        return Account(SimPlatform.Quora, handle, displayName: $"{given} {family}");
    }

    private string Handle(SimPlatform platform)
    {
        var sep = platform == SimPlatform.Pinterest ? string.Empty : "_";
        return $"{Adjectives[Random.Next(Adjectives.Length)]}{sep}{Nouns[Random.Next(Nouns.Length)]}{Random.Next(10, 9999).ToString(CultureInfo.InvariantCulture)}";
    }

    private List<SimAccount> OrdinaryPool(SimPlatform platform)
    {
        if (!_ordinary.TryGetValue(platform, out var pool))
        {
            pool = [];
            _ordinary[platform] = pool;
        }

        return pool;
    }
}
