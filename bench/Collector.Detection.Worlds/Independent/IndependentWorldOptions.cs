namespace Collector.Detection.Worlds.Independent;

/// <summary>
/// The ranges every behaviour of the independent world is drawn from. They come from the issue that asked for this
/// world (shift windows anywhere from 07:00 to 23:00, breaks of 30-120 minutes, 8-60 posts per operator, several time
/// zones, link shares with and without tracking, mixed-language campaigns, decoys) and from common sense about people,
/// never from the detector's settings.
/// </summary>
public sealed record IndependentWorldOptions
{
    public int Seed { get; init; } = 1;

    public int OrganicAccounts { get; init; } = 450;

    public int Campaigns { get; init; } = 6;

    /// <summary>Days the world runs for (it starts on a Monday, 00:00 UTC).</summary>
    public int Days { get; init; } = 42;

    public (int Min, int Max) OperatorsPerCampaign { get; init; } = (6, 11);

    public (int Min, int Max) OperatorPosts { get; init; } = (8, 60);

    public (int Min, int Max) StoriesPerCampaign { get; init; } = (3, 5);

    /// <summary>Earliest start and latest end of a working window, local time.</summary>
    public (TimeOnly Earliest, TimeOnly Latest) WorkingDay { get; init; } = (new(7, 0), new(23, 0));

    public (int Min, int Max) BreakMinutes { get; init; } = (30, 120);

    /// <summary>Below this many posts a shift worker's pattern is not demanded of the detector (the issue: ~12 is enough).</summary>
    public int ClearShiftPosts { get; init; } = 12;

    public int NewsJunkies { get; init; } = 14;
    public int NightOwls { get; init; } = 12;
    public int DaytimeRegulars { get; init; } = 12;
    public int Bilinguals { get; init; } = 10;
    public int ViralImages { get; init; } = 4;
    public int BigNewsLinks { get; init; } = 5;

    /// <summary>Zones operator teams work in (none with summer time, so a team's local hours are the same all world long).</summary>
    public IReadOnlyList<string> TeamZones { get; init; } =
    [
        "Asia/Shanghai", "Europe/Moscow", "Asia/Tehran", "Asia/Kolkata", "America/Caracas", "Africa/Lagos",
        "Asia/Jakarta", "America/Sao_Paulo", "Asia/Manila", "Asia/Karachi",
    ];

    /// <summary>Zones ordinary people live in (some with summer time).</summary>
    public IReadOnlyList<string> PeopleZones { get; init; } =
    [
        "America/New_York", "America/Chicago", "America/Los_Angeles", "Europe/London", "Europe/Berlin", "Europe/Madrid",
        "Asia/Tokyo", "Australia/Sydney", "Asia/Shanghai", "Europe/Moscow", "America/Mexico_City", "Asia/Kolkata",
        "America/Sao_Paulo", "Africa/Lagos", "Asia/Singapore",
    ];
}
