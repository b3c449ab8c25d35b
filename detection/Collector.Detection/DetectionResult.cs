using System.Text.Json.Serialization;

namespace Collector.Detection;

/// <summary>What one detection run found: chains, the coordination network and flagged accounts, with their evidence.</summary>
public sealed record DetectionResult
{
    public required IReadOnlyList<RepostChain> Chains { get; init; }

    public required CoordinationNetwork Network { get; init; }

    public required IReadOnlyList<AccountFinding> Accounts { get; init; }

    public required DetectionStats Stats { get; init; }

    /// <summary>The time zone the account profiles are in.</summary>
    public required string TimeZone { get; init; }

    /// <summary>Per platform, the share of all its posts in each hour of the day (the baseline shift patterns are compared to).</summary>
    public required IReadOnlyDictionary<string, double[]> PlatformHourProfiles { get; init; }

    /// <summary>Every threshold used, estimated or documented (the report's method section prints them).</summary>
    public IReadOnlyList<ThresholdUsed> Thresholds { get; init; } = [];

    /// <summary>How the accounts the shift test judged rest, against its cut (null when no account had enough sittings).</summary>
    public RestRatioHistogram? RestRatios { get; init; }

    /// <summary>Shift workers whose learned windows coincide, with the windows (UTC) most of them keep.</summary>
    public IReadOnlyList<ShiftGroup> ShiftGroups { get; init; } = [];
}

/// <summary>A shift group: its members (platform:handle) and the UTC windows at least half of them work in.</summary>
public sealed record ShiftGroup(int Id, IReadOnlyList<string> Members, IReadOnlyList<string> WindowsUtc);

/// <summary>Counts and timings of a run.</summary>
public sealed record DetectionStats
{
    public int Posts { get; init; }
    public int Accounts { get; init; }
    public int TextGroups { get; init; }
    public int NearDuplicatePairsVerified { get; init; }
    public int NearDuplicateCandidates { get; init; }
    public int LinksTying { get; init; }

    /// <summary>Links from a post to another archived post (each tying the two).</summary>
    public int LinksToPosts { get; init; }
    public int LinksDownWeighted { get; init; }
    public int ImagesTying { get; init; }
    public int ImagesDownWeighted { get; init; }
    public IReadOnlyDictionary<string, double> StageSeconds { get; init; } = new Dictionary<string, double>();

    /// <summary>CPU seconds per stage (all threads): on a shared machine a fairer measure than wall time.</summary>
    public IReadOnlyDictionary<string, double> StageCpuSeconds { get; init; } = new Dictionary<string, double>();
}

/// <summary>A post's identity in outputs.</summary>
public sealed record PostRef(string Platform, string Id);

/// <summary>Posts tied by text, link or image, ordered by time; the earliest is the origin.</summary>
public sealed record RepostChain
{
    public required string Id { get; init; }
    public required PostRef Origin { get; init; }
    public required IReadOnlyList<ChainPost> Posts { get; init; }

    /// <summary>Platforms in order of first appearance.</summary>
    public required IReadOnlyList<string> Platforms { get; init; }

    public required bool CrossPlatform { get; init; }

    /// <summary>Seconds from the origin to the last post.</summary>
    public required long SpreadSeconds { get; init; }

    /// <summary>The canonical links and image keys that tie the chain (for the report).</summary>
    [JsonIgnore]
    public IReadOnlyList<string> SharedKeys { get; init; } = [];
}

public sealed record ChainPost
{
    public required string Platform { get; init; }
    public required string Id { get; init; }
    public required DateTimeOffset PublishedAt { get; init; }
    public required string? Author { get; init; }

    /// <summary>origin or repost.</summary>
    public required string Role { get; init; }

    /// <summary>text, link, image: the signals tying this post to the rest of its chain.</summary>
    public required IReadOnlyList<string> MatchedBy { get; init; }

    [JsonIgnore]
    public string? Url { get; init; }

    [JsonIgnore]
    public string? Text { get; init; }

    /// <summary>True when the platform gave no publication time and first-seen stands in.</summary>
    [JsonIgnore]
    public bool TimeIsFirstSeen { get; init; }
}

/// <summary>An account with at least one flag and the evidence for each.</summary>
public sealed record AccountFinding
{
    public required string Platform { get; init; }
    public required string Handle { get; init; }

    /// <summary>shift-pattern, language-switch, off-topic-replies, coordinated.</summary>
    public required IReadOnlyList<string> Flags { get; init; }

    public required AccountEvidence Evidence { get; init; }
}

public static class AccountFlags
{
    public const string ShiftPattern = "shift-pattern";
    public const string LanguageSwitch = "language-switch";
    public const string OffTopicReplies = "off-topic-replies";
    public const string Coordinated = "coordinated";
}

/// <summary>The evidence behind each flag; a section is null when its flag is not raised.</summary>
public sealed record AccountEvidence
{
    public required int PostCount { get; init; }

    /// <summary>Posts per hour of the day (0-23) in the run's time zone.</summary>
    public required int[] HourOfDay { get; init; }

    /// <summary>Posts per weekday, Monday first.</summary>
    public required int[] Weekday { get; init; }

    /// <summary>Posts per weekday and hour (168 cells, Monday 00h first) in the run's time zone: the report draws the week.</summary>
    public int[] HourOfWeek { get; init; } = [];

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ShiftEvidence? Shift { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public LanguageSwitchEvidence? LanguageSwitch { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public OffTopicEvidence? OffTopic { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CoordinationEvidence? Coordination { get; init; }
}

/// <summary>A learned shift (see the method section): windows, rest days and how unlikely they are for an ordinary account.</summary>
public sealed record ShiftEvidence
{
    /// <summary>The configured zone <see cref="Windows"/> are given in.</summary>
    public required string TimeZone { get; init; }

    /// <summary>Share of the account's sittings on its working days (all of them fall inside its windows).</summary>
    public required double OfficeHoursShare { get; init; }

    /// <summary>Share of its sittings inside its breaks (0: the breaks are where it never posts).</summary>
    public required double BreakShare { get; init; }

    /// <summary>Share of its sittings on its two rest days.</summary>
    public required double WeekendShare { get; init; }

    /// <summary>1 minus <see cref="OrdinaryShareInWindows"/>: how far its day is from an ordinary one (0-1).</summary>
    public required double DistanceFromPlatform { get; init; }

    /// <summary>Sittings (posts closer than 10 minutes count once).</summary>
    public int Sittings { get; init; }

    /// <summary>The two consecutive days it rests, as local weekdays of its rhythm's zone.</summary>
    public IReadOnlyList<string> RestDays { get; init; } = [];

    /// <summary>Its working windows in the configured zone.</summary>
    public IReadOnlyList<string> Windows { get; init; } = [];

    public IReadOnlyList<string> WindowsUtc { get; init; } = [];

    /// <summary>The UTC offset its rhythm suggests (the middle of its night at 03:00).</summary>
    public string? RhythmUtcOffset { get; init; }

    /// <summary>Share of an ordinary account's posts (archive or platform, whichever is larger) in these windows.</summary>
    public double OrdinaryShareInWindows { get; init; }

    /// <summary>-log10 of the chance an ordinary account is this confined, and the bar it had to clear.</summary>
    public double Evidence { get; init; }

    public double EvidenceNeeded { get; init; }

    /// <summary>
    /// 0-1: one minus the flag's Holm-adjusted chance, the smallest family-wise error level at which the test over every
    /// account tested would still flag it. Grows with the evidence (each further sitting in the windows).
    /// </summary>
    public double Confidence { get; init; }

    /// <summary>
    /// Null when the account's own schedule cleared the bar (the first stage). Otherwise the first-stage members of the
    /// shift group whose working week it matched (the second stage): every sitting inside the group's windows on the
    /// group's working days; its windows and rest days are then the group's, and its evidence and confidence are those
    /// of that test.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? MatchedGroup { get; init; }

    public required IReadOnlyList<EvidencePost> SamplePosts { get; init; }
}

public sealed record LanguageSwitchEvidence
{
    public required string LanguageBefore { get; init; }
    public required string LanguageAfter { get; init; }
    public required double DominanceBefore { get; init; }
    public required double DominanceAfter { get; init; }
    public required DateTimeOffset SwitchedAt { get; init; }
    public required double DormantDays { get; init; }

    /// <summary>Overlap (0-1) of communities, hashtags and link domains before and after.</summary>
    public required double TopicOverlap { get; init; }

    public required IReadOnlyList<string> TopicBefore { get; init; }
    public required IReadOnlyList<string> TopicAfter { get; init; }
    public required IReadOnlyList<EvidencePost> LastBefore { get; init; }
    public required IReadOnlyList<EvidencePost> FirstAfter { get; init; }
}

public sealed record OffTopicEvidence
{
    public required int OffTopicReplies { get; init; }
    public required int DistinctParents { get; init; }
    public required IReadOnlyList<OffTopicReply> Replies { get; init; }
}

public sealed record OffTopicReply(EvidencePost Reply, EvidencePost Parent, double WordOverlap);

public sealed record CoordinationEvidence
{
    public required int Community { get; init; }
    public required int CommunitySize { get; init; }
    public required IReadOnlyList<string> Partners { get; init; }
    public required IReadOnlyList<string> SharedChains { get; init; }
}

/// <summary>A post cited as evidence.</summary>
public sealed record EvidencePost(string Platform, string Id, DateTimeOffset At, string? Url, string? Text);

/// <summary>Accounts tied by posting members of the same chain within the window.</summary>
public sealed record CoordinationNetwork
{
    /// <summary>The window used for the edges' weights.</summary>
    public required TimeSpan Window { get; init; }

    /// <summary>True when <see cref="Window"/> was estimated from the data.</summary>
    public required bool WindowEstimated { get; init; }

    public required IReadOnlyList<TimeSpan> ReportWindows { get; init; }

    public required int MinEdgeWeight { get; init; }

    public required IReadOnlyList<NetworkNode> Nodes { get; init; }

    public required IReadOnlyList<NetworkEdge> Edges { get; init; }

    public required IReadOnlyList<Community> Communities { get; init; }

    public double Modularity { get; init; }
}

public sealed record NetworkNode(string Id, string Platform, string Handle, int Community, int Chains, double WeightedDegree);

public sealed record NetworkEdge
{
    public required string Source { get; init; }
    public required string Target { get; init; }

    /// <summary>Chains both accounts posted in within the main window.</summary>
    public required int Weight { get; init; }

    /// <summary>The same count for every report window (same order as <see cref="CoordinationNetwork.ReportWindows"/>).</summary>
    public required IReadOnlyList<int> WeightsByWindow { get; init; }

    /// <summary>Chains both accounts posted in, at any distance in time (the edge is kept when this or the weight repeats).</summary>
    public int CoAppearances { get; init; }

    /// <summary>The chains that tie the two accounts.</summary>
    public required IReadOnlyList<string> Chains { get; init; }
}

public sealed record Community(int Id, IReadOnlyList<string> Members, IReadOnlyList<string> Platforms, int InternalWeight);
