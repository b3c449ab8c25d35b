using System.Globalization;

namespace Collector.Detection.Behaviour;

/// <summary>
/// Shift work learned from the data, with no hours written in. Each account is read in its own week (see
/// <see cref="WeekFrame"/>), as sittings (posts within <see cref="SittingGapMinutes"/> of each other count once). It is
/// a candidate when (1) it rests on two consecutive days of the week (posting there at most
/// <see cref="MaxRestRatio"/> as often as ordinary accounts do on theirs) and (2) its working days' sittings fall in at
/// most three windows of two or more sittings each, separated by at least one break of <see cref="MinBreakMinutes"/> or
/// more. Its evidence is the chance that an ordinary account (posting like the archive and like its own platform; the
/// larger chance is used) rests that much and puts all its working-day sittings in windows that narrow. (3) Candidates
/// are flagged by Holm's step-down procedure over every account tested at family-wise error <see cref="FamilyAlpha"/>
/// (fewer than one ordinary account flagged in twenty archives). Each flag's confidence is 1 - its Holm-adjusted chance
/// (the smallest family-wise level at which it would still be flagged), so it grows with the evidence: each further
/// sitting in the windows multiplies the chance by the windows' ordinary share. About a dozen sittings in windows of six
/// to eight hours clear the bar in an archive of a few hundred accounts; fewer do not. (4) A second, confirmatory stage
/// (<see cref="ShiftGroupMatch"/>) tests the accounts not flagged against the working week of each shift group the
/// first stage found, a hypothesis with nothing chosen from the account's own data, under its own Holm bar; such a flag
/// names the group it matched (<see cref="ShiftEvidence.MatchedGroup"/>).
/// </summary>
internal sealed class ShiftPatternDetector
{
    /// <summary>Posts closer than this are one sitting (a thread, a burst of shares), not independent evidence.</summary>
    public const int SittingGapMinutes = 10;

    /// <summary>The shortest break that counts: 30 minutes, the statutory rest break for a 6-9 hour working day
    /// (EU Working Time Directive 2003/88/EC art. 4 leaves it to law; Germany's ArbZG §4 sets 30 minutes).</summary>
    public const int MinBreakMinutes = 30;

    /// <summary>Rest days are rest: the account posts on them at most a tenth as often as ordinary accounts do on their
    /// quietest two days (the archive's share, estimated each run).</summary>
    public const double MaxRestRatio = 0.1;

    /// <summary>The family-wise error rate the flags are held to: the conventional 5%.</summary>
    public const double FamilyAlpha = 0.05;

    private readonly PostTable table;
    private readonly DetectionOptions options;
    private readonly WeekFrame[] frames;
    private readonly List<long>?[] sittings;
    private readonly ScheduleBaseline archive = new();
    private readonly ScheduleBaseline[] platforms;
    private readonly List<int>?[] postsByAccount;
    private readonly Dictionary<int, ShiftEvidence> flagged = [];
    private readonly Dictionary<int, WeekMask> learned = [];
    private readonly int[] restRatioCounts = new int[RestRatioHistogram.Bins + 1];

    public ShiftPatternDetector(PostTable table, DetectionOptions options, List<int>?[] postsByAccount)
    {
        this.table = table;
        this.options = options;
        this.postsByAccount = postsByAccount;
        frames = new WeekFrame[postsByAccount.Length];
        sittings = new List<long>?[postsByAccount.Length];
        platforms = table.PlatformNames.Select(_ => new ScheduleBaseline(archive)).ToArray();
        for (var a = 0; a < postsByAccount.Length; a++)
        {
            if (postsByAccount[a] is not { } posts)
            {
                continue;
            }

            var times = Sittings(posts.Select(i => table.Times[i]).Order().ToList());
            frames[a] = WeekFrame.Of(times);
            if (times.Count < options.ShiftMinPosts)
            {
                continue;
            }

            sittings[a] = times;
            Tested++;
            foreach (var t in times)
            {
                var minute = frames[a].MinuteOfWeek(t);
                archive.Add(minute);
                platforms[table.AccountPlatform[a]].Add(minute);
            }
        }

        var candidates = new List<(int Account, ShiftEvidence Evidence)>();
        for (var a = 0; a < sittings.Length; a++)
        {
            if (Evaluate(a) is { } evidence)
            {
                candidates.Add((a, evidence));
            }
        }

        var (threshold, adjusted) = HolmBonferroni.Control(candidates.Select(c => c.Evidence.Evidence).ToList(), Tested, FamilyAlpha);
        MinEvidence = threshold;
        for (var c = 0; c < candidates.Count; c++)
        {
            if (adjusted[c] <= FamilyAlpha)
            {
                flagged[candidates[c].Account] = candidates[c].Evidence with
                {
                    Evidence = Math.Round(candidates[c].Evidence.Evidence, 2),
                    EvidenceNeeded = Math.Round(threshold, 2),
                    Confidence = Math.Round(1 - adjusted[c], 4),
                };
            }
        }

        ConfirmByGroups();
    }

    /// <summary>Accounts with enough sittings to be judged.</summary>
    public int Tested { get; }

    /// <summary>The bar Holm's procedure set, in decades of improbability (-log10 of the chance).</summary>
    public double MinEvidence { get; }

    /// <summary>Shift groups the first stage found (two or more flagged accounts whose windows coincide).</summary>
    public int GroupsFound { get; private set; }

    /// <summary>Of those, the groups whose members share a mid-day break: the hypotheses of the second stage.</summary>
    public int GroupsTested { get; private set; }

    /// <summary>The groups as reported: first-stage members, the accounts the second stage matched to them, and the
    /// windows (UTC) at least half of the first-stage members work in.</summary>
    public IReadOnlyList<ShiftGroup> Groups { get; private set; } = [];

    /// <summary>Accounts the second stage tested (tested by the first, not flagged by it).</summary>
    public int GroupAccounts { get; private set; }

    /// <summary>(account, group) pairs the second stage tested: its family.</summary>
    public int GroupTests { get; private set; }

    /// <summary>The second stage's Holm bar, in decades.</summary>
    public double GroupMinEvidence { get; private set; }

    /// <summary>Accounts the second stage flagged.</summary>
    public int GroupFlagged { get; private set; }

    /// <summary>Every tested account's rest ratio (its quietest two days' share of sittings over the ordinary share), binned:
    /// the data the <see cref="MaxRestRatio"/> cut is drawn on in the report.</summary>
    public RestRatioHistogram RestRatios => new(restRatioCounts.ToArray(), MaxRestRatio);

    /// <summary>Ordinary accounts' share of sittings on their quietest two consecutive days (the archive's).</summary>
    public double OrdinaryRestShare => archive.RestShare();

    /// <summary>The account's shift evidence when it is flagged, null otherwise.</summary>
    public ShiftEvidence? Detect(int account) => flagged.GetValueOrDefault(account);

    private ShiftEvidence? Evaluate(int account)
    {
        if (sittings[account] is not { } times || postsByAccount[account] is not { } posts)
        {
            return null;
        }

        var frame = frames[account];
        var minutes = times.Select(frame.MinuteOfWeek).ToList();
        var perDay = new int[7];
        foreach (var m in minutes)
        {
            perDay[m / 1440]++;
        }

        var restStart = Enumerable.Range(0, 7).MinBy(d => perDay[d] + perDay[(d + 1) % 7]);
        var rest = perDay[restStart] + perDay[(restStart + 1) % 7];
        var platform = platforms[table.AccountPlatform[account]];
        var ordinaryRest = Math.Max(archive.RestShare(), platform.RestShare());
        var n = minutes.Count;
        var log10RestChance = Log10BinomialCdf(rest, n, ordinaryRest);
        restRatioCounts[RestRatioHistogram.BinOf((double)rest / n / ordinaryRest)]++;
        if (rest > n * ordinaryRest * MaxRestRatio)
        {
            return null; // it does not rest: its quietest days are not clearly quieter than an ordinary week's
        }

        var working = minutes.Where(m => m / 1440 != restStart && m / 1440 != (restStart + 1) % 7).Select(m => m % 1440).Order().ToList();
        var windows = Windows(working);
        if (windows.Count < 2)
        {
            return null; // no mid-day break
        }

        var bins = new bool[WeekFrame.BinsPerDay];
        foreach (var (from, to) in windows)
        {
            for (var b = from / WeekFrame.BinMinutes; b <= Math.Min(WeekFrame.BinsPerDay - 1, (to - 1) / WeekFrame.BinMinutes); b++)
            {
                bins[b] = true;
            }
        }

        var mass = Math.Max(archive.Mass(bins), platform.Mass(bins));
        var w = working.Count;
        var cuts = windows.Count - 1;
        var log10Rest = Math.Log10(7) + log10RestChance;
        var log10Day = Math.Log10(w) + Math.Log10(1 + (w - 1) + ((w - 1) * (w - 2) / 2.0)) + ((w - 1 - cuts) * Math.Log10(mass));
        var evidence = -(Math.Min(0, log10Rest) + Math.Min(0, log10Day));

        learned[account] = WeekMask.Of(frame, restStart, windows);
        var zone = options.Zone;
        return new ShiftEvidence
        {
            TimeZone = options.TimeZone,
            OfficeHoursShare = Math.Round((double)w / n, 3),
            BreakShare = 0,
            WeekendShare = Math.Round((double)rest / n, 3),
            DistanceFromPlatform = Math.Round(1 - mass, 3),
            Sittings = n,
            RestDays = [Day(restStart, frame), Day((restStart + 1) % 7, frame)],
            WindowsUtc = windows.Select(x => Span(frame.ToUtcMinuteOfDay(x.From), frame.ToUtcMinuteOfDay(x.To))).ToList(),
            Windows = windows.Select(x => Span(Local(frame.ToUtcMinuteOfDay(x.From), zone), Local(frame.ToUtcMinuteOfDay(x.To), zone))).ToList(),
            OrdinaryShareInWindows = Math.Round(mass, 3),
            RhythmUtcOffset = Offset(frame.RhythmUtcOffset),
            Evidence = evidence,
            SamplePosts = Sample(posts),
        };
    }

    /// <summary>
    /// The second stage (see <see cref="ShiftGroupMatch"/>): every account tested but not flagged, against the working
    /// week of each group the first stage found (the quarter hours any of its members works in on its working days; a
    /// group whose members share no mid-day break offers no shift to match and is not tested against). Then the groups
    /// as reported: their first-stage members and the accounts that matched them.
    /// </summary>
    private void ConfirmByGroups()
    {
        var workers = flagged.Keys.OrderByDescending(a => flagged[a].Evidence).ThenBy(a => a).ToList();
        var dayBins = workers.Select(a => ShiftGroups.ToBins(flagged[a].WindowsUtc)).ToList();
        var clusters = ShiftGroups.Cluster(dayBins);
        var groups = clusters.Select(c => new ShiftGroupMatch.Group(c.Select(m => workers[m]).ToList(), WeekMask.Union(c.Select(m => learned[workers[m]]).ToList())))
            .ToList();
        var testable = groups.Where(g => g.Week.HasBreak()).ToList();
        var rest = Enumerable.Range(0, sittings.Length).Where(a => sittings[a] is not null && !flagged.ContainsKey(a)).ToList();
        var (matches, bar, family) = ShiftGroupMatch.Test(testable, rest, a => sittings[a]!, a => frames[a],
            (a, week) => Math.Max(archive.WeekMass(week), platforms[table.AccountPlatform[a]].WeekMass(week)));
        GroupsFound = groups.Count;
        GroupsTested = testable.Count;
        GroupAccounts = rest.Count;
        GroupTests = family;
        GroupMinEvidence = bar;
        GroupFlagged = matches.Count;
        var zone = options.Zone;
        foreach (var m in matches)
        {
            var frame = frames[m.Account];
            var week = testable[m.Group].Week;
            var inFrame = week.InFrame(frame);
            var windows = week.UtcWindows();
            flagged[m.Account] = new ShiftEvidence
            {
                TimeZone = options.TimeZone,
                OfficeHoursShare = 1,
                BreakShare = 0,
                WeekendShare = 0,
                DistanceFromPlatform = Math.Round(1 - m.OrdinaryShare, 3),
                Sittings = sittings[m.Account]!.Count,
                RestDays = Enumerable.Range(0, 7).Where(d => !inFrame[d].Any(b => b)).Select(d => Day(d, frame)).ToList(),
                WindowsUtc = windows.Select(x => Span(x.From, x.To)).ToList(),
                Windows = windows.Select(x => Span(Local(x.From, zone), Local(x.To, zone))).ToList(),
                OrdinaryShareInWindows = Math.Round(m.OrdinaryShare, 3),
                RhythmUtcOffset = Offset(frame.RhythmUtcOffset),
                Evidence = Math.Round(m.Evidence, 2),
                EvidenceNeeded = Math.Round(bar, 2),
                Confidence = Math.Round(1 - m.Adjusted, 4),
                MatchedGroup = testable[m.Group].Members.Select(Key).Order(StringComparer.Ordinal).ToList(),
                SamplePosts = Sample(postsByAccount[m.Account]!),
            };
        }

        Groups = clusters
            .Select((c, g) => (Members: c.Select(m => workers[m]).Concat(matches.Where(m => ReferenceEquals(testable[m.Group], groups[g])).Select(m => m.Account)).ToList(),
                Windows: ShiftGroups.Majority(c.Select(m => dayBins[m]).ToList())))
            .OrderByDescending(g => g.Members.Count)
            .Select((g, n) => new ShiftGroup(n + 1, g.Members.Select(Key).Order(StringComparer.Ordinal).ToList(), g.Windows))
            .ToList();
    }

    private string Key(int account) => table.PlatformNames[table.AccountPlatform[account]] + ":" + table.AccountHandles[account];

    private List<EvidencePost> Sample(List<int> posts)
    {
        var ordered = posts.OrderBy(i => table.Times[i]).ToList();
        return ordered.Where((_, k) => k % Math.Max(1, ordered.Count / 8) == 0).Take(8).Select(i => table.Evidence(i)).ToList();
    }

    /// <summary>Sorted unix times → the start of each sitting.</summary>
    private static List<long> Sittings(List<long> sorted)
    {
        var starts = new List<long>();
        var last = long.MinValue;
        foreach (var t in sorted)
        {
            if (starts.Count == 0 || t - last > SittingGapMinutes * 60)
            {
                starts.Add(t);
            }

            last = t;
        }

        return starts;
    }

    /// <summary>
    /// The day's sittings cut at its (up to) two longest gaps of at least <see cref="MinBreakMinutes"/> that leave two or
    /// more sittings on each side (a lone sitting is an exception, not a window).
    /// </summary>
    private static List<(int From, int To)> Windows(List<int> sortedMinutes)
    {
        var count = sortedMinutes.Count;
        if (count < 4)
        {
            return [];
        }

        var cuts = new List<int>();
        foreach (var (at, _) in Enumerable.Range(1, count - 3)
            .Select(k => (At: k, Gap: sortedMinutes[k + 1] - sortedMinutes[k]))
            .Where(g => g.Gap >= MinBreakMinutes)
            .OrderByDescending(g => g.Gap))
        {
            if (cuts.Count < 2 && cuts.All(c => Math.Abs(c - at) >= 2))
            {
                cuts.Add(at);
            }
        }

        cuts.Sort();
        var windows = new List<(int, int)>();
        var start = 0;
        foreach (var cut in cuts.Append(count - 1))
        {
            windows.Add((sortedMinutes[start], sortedMinutes[cut] + 1));
            start = cut + 1;
        }

        return windows;
    }

    private static double Log10BinomialCdf(int k, int n, double p)
    {
        // log-sum-exp over the terms C(n,i) p^i (1-p)^(n-i), i = 0..k
        var logTerm = n * Math.Log(1 - p);
        var max = logTerm;
        var terms = new List<double> { logTerm };
        for (var i = 0; i < k; i++)
        {
            logTerm += Math.Log(n - i) - Math.Log(i + 1) + Math.Log(p) - Math.Log(1 - p);
            terms.Add(logTerm);
            max = Math.Max(max, logTerm);
        }

        return (max + Math.Log(terms.Sum(t => Math.Exp(t - max)))) / Math.Log(10);
    }

    private static int Local(int utcMinuteOfDay, TimeZoneInfo zone) =>
        ((utcMinuteOfDay + (int)zone.BaseUtcOffset.TotalMinutes) % 1440 + 1440) % 1440;

    private static string Offset(int minutes) => string.Create(CultureInfo.InvariantCulture, $"UTC{(minutes < 0 ? '-' : '+')}{Math.Abs(minutes) / 60:00}:{Math.Abs(minutes) % 60:00}");

    private static string Span(int from, int to) => string.Create(CultureInfo.InvariantCulture, $"{from / 60:00}:{from % 60:00}-{to / 60 % 24:00}:{to % 60:00}");

    private static string Day(int frameDay, WeekFrame frame) => frame.LocalDay(frameDay).ToString()[..3];
}
