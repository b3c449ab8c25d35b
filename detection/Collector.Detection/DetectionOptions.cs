using Collector.Detection.Text;

namespace Collector.Detection;

/// <summary>Every threshold of detection, with defaults chosen for social-media text; validated before a run.</summary>
public sealed class DetectionOptions
{
    // ---- text ----

    /// <summary>Texts with fewer word tokens than this (after normalization) are too short to mean anything.</summary>
    public int MinTokens { get; set; } = 6;

    /// <summary>Chinese/Japanese texts with fewer characters than this are too short.</summary>
    public int MinCjkChars { get; set; } = 12;

    /// <summary>Near-duplicate threshold on the real Jaccard similarity of the shingle sets.</summary>
    public double JaccardThreshold { get; set; } = 0.8;

    /// <summary>
    /// Truncated copies: the smaller text's shingles contained in the larger one at least this much also match
    /// (the smaller must keep <see cref="MinContainmentShingles"/> shingles).
    /// </summary>
    public double ContainmentThreshold { get; set; } = 0.8;

    public int MinContainmentShingles { get; set; } = 8;

    /// <summary>Words per shingle for spaced languages.</summary>
    public int WordShingleSize { get; set; } = 2;

    /// <summary>Characters per shingle for Chinese and Japanese.</summary>
    public int CjkShingleSize { get; set; } = 2;

    /// <summary>LSH bands over the 128 MinHash values (bands x rows must be at most 128).</summary>
    public int LshBands { get; set; } = 21;

    public int LshRows { get; set; } = 6;

    // ---- links and images ----

    /// <summary>A link or image ties its posts only when at least this share of its posts fall in one concentration window.</summary>
    public double MinShareConcentration { get; set; } = 0.6;

    /// <summary>Window for judging how concentrated the sharing of a link is (big news spreads over days).</summary>
    public TimeSpan LinkConcentrationWindow { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Window for judging an image (memes circulate over weeks; campaigns post theirs within days).</summary>
    public TimeSpan ImageConcentrationWindow { get; set; } = TimeSpan.FromDays(3);

    /// <summary>Links/images shared by fewer distinct accounts than this are never treated as viral.</summary>
    public int ViralMinAccounts { get; set; } = 12;

    public int PdqMaxDistance { get; set; } = 31;

    public int PdqMinQuality { get; set; } = 50;

    // ---- coordination network ----

    /// <summary>The co-posting window; null estimates it from the data (CooRnet's method).</summary>
    public TimeSpan? CoordinationWindow { get; set; }

    /// <summary>Further windows reported on every edge.</summary>
    public IList<TimeSpan> ReportWindows { get; } = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10), TimeSpan.FromHours(1), TimeSpan.FromHours(6)];

    /// <summary>Edges below this many shared chains are dropped.</summary>
    public int MinEdgeWeight { get; set; } = 2;

    /// <summary>Communities smaller than this do not flag their members as coordinated.</summary>
    public int MinCommunitySize { get; set; } = 3;

    // ---- accounts ----

    /// <summary>IANA time zone the report draws accounts' weeks in (default Beijing time); shift detection learns each account's own.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>
    /// Sittings below which an account is not tested for shift work (a cheap floor: with fewer, no schedule could clear
    /// the shift test's bar, which is estimated from the archive; see <see cref="Behaviour.ShiftPatternDetector"/>).
    /// </summary>
    public int ShiftMinPosts { get; set; } = 8;

    /// <summary>Each side of a language change point needs this many posts.</summary>
    public int LanguageMinSegment { get; set; } = 5;

    /// <summary>Each side's dominant language must hold at least this share of its posts.</summary>
    public double LanguageMinDominance { get; set; } = 0.8;

    public TimeSpan DormancyGap { get; set; } = TimeSpan.FromDays(30);

    /// <summary>An account is an off-topic replier from this many near-identical off-topic replies under different posts.</summary>
    public int OffTopicMinRepeats { get; set; } = 3;

    /// <summary>Lists every problem (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        void Check(bool ok, string message)
        {
            if (!ok)
            {
                errors.Add(message);
            }
        }

        Check(MinTokens >= 1, "MinTokens must be at least 1");
        Check(MinCjkChars >= 2, "MinCjkChars must be at least 2");
        Check(JaccardThreshold is > 0 and <= 1, "JaccardThreshold must be in (0, 1]");
        Check(ContainmentThreshold is > 0 and <= 1, "ContainmentThreshold must be in (0, 1]");
        Check(MinContainmentShingles >= 1, "MinContainmentShingles must be at least 1");
        Check(WordShingleSize is >= 1 and <= 8, "WordShingleSize must be 1-8");
        Check(CjkShingleSize is >= 1 and <= 8, "CjkShingleSize must be 1-8");
        Check(LshBands >= 1 && LshRows >= 1 && LshBands * LshRows <= MinHasherConstants.Permutations, "LshBands x LshRows must be 1-128");
        Check(MinShareConcentration is > 0 and <= 1, "MinShareConcentration must be in (0, 1]");
        Check(LinkConcentrationWindow > TimeSpan.Zero, "LinkConcentrationWindow must be positive");
        Check(ImageConcentrationWindow > TimeSpan.Zero, "ImageConcentrationWindow must be positive");
        Check(ViralMinAccounts >= 2, "ViralMinAccounts must be at least 2");
        Check(PdqMaxDistance is >= 0 and <= 128, "PdqMaxDistance must be 0-128");
        Check(PdqMinQuality is >= 0 and <= 100, "PdqMinQuality must be 0-100");
        Check(CoordinationWindow is null || CoordinationWindow > TimeSpan.Zero, "CoordinationWindow must be positive");
        Check(ReportWindows.All(w => w > TimeSpan.Zero), "ReportWindows must be positive");
        Check(MinEdgeWeight >= 1, "MinEdgeWeight must be at least 1");
        Check(MinCommunitySize >= 2, "MinCommunitySize must be at least 2");
        Check(TryFindZone(TimeZone) is not null, $"TimeZone '{TimeZone}' is not a known time zone");
        Check(ShiftMinPosts >= 5, "ShiftMinPosts must be at least 5");
        Check(LanguageMinSegment >= 2, "LanguageMinSegment must be at least 2");
        Check(LanguageMinDominance is > 0.5 and <= 1, "LanguageMinDominance must be in (0.5, 1]");
        Check(DormancyGap > TimeSpan.Zero, "DormancyGap must be positive");
        Check(OffTopicMinRepeats >= 2, "OffTopicMinRepeats must be at least 2");
        return errors;
    }

    /// <summary>Throws <see cref="DetectionOptionsException"/> listing every problem.</summary>
    public void EnsureValid()
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new DetectionOptionsException(errors);
        }
    }

    internal TimeZoneInfo Zone => TryFindZone(TimeZone) ?? TimeZoneInfo.Utc;

    private static TimeZoneInfo? TryFindZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            return null;
        }
    }
}

/// <summary>Invalid detection options: every problem, one per line.</summary>
public sealed class DetectionOptionsException(IReadOnlyList<string> errors)
    : Exception("invalid detection options: " + string.Join("; ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
