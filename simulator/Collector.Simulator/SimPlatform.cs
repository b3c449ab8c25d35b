using Keys = Collector.Model.Platforms;

namespace Collector.Simulator;

/// <summary>The simulated hosts. Each one listens on its own loopback port, so URLs keep the real platforms' paths.</summary>
public enum SimPlatform
{
    Reddit,
    Quora,
    Pinterest,
    Telegram,

    /// <summary>A generic forum and blog with schema.org JSON-LD (parsed by the generic parser).</summary>
    Forum,

    /// <summary>The image host (like i.pinimg.com / i.redd.it): PNG bytes under /originals/…</summary>
    Media,
}

public static class SimPlatforms
{
    /// <summary>The platforms that carry posts (every host but <see cref="SimPlatform.Media"/>).</summary>
    public static IReadOnlyList<SimPlatform> Content { get; } =
        [SimPlatform.Reddit, SimPlatform.Quora, SimPlatform.Pinterest, SimPlatform.Telegram, SimPlatform.Forum];

    public static IReadOnlyList<SimPlatform> All { get; } = [.. Content, SimPlatform.Media];

    /// <summary>The Collector platform key whose parser reads this host's pages (Collector.Model.Platforms).</summary>
    public static string ParserKey(this SimPlatform platform) => platform switch
    {
        SimPlatform.Reddit => Keys.Reddit,
        SimPlatform.Quora => Keys.Quora,
        SimPlatform.Pinterest => Keys.Pinterest,
        SimPlatform.Telegram => Keys.Telegram,
        _ => Keys.Generic,
    };

    public static string Key(this SimPlatform platform) => platform.ToString().ToLowerInvariant();

    public static bool TryParse(string? key, out SimPlatform platform) =>
        Enum.TryParse(key, ignoreCase: true, out platform) && Enum.IsDefined(platform);
}
