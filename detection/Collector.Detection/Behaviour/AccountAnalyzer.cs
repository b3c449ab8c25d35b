using System.Collections.Concurrent;

namespace Collector.Detection.Behaviour;

/// <summary>Runs every account check and keeps the accounts with at least one flag, each with its evidence.</summary>
internal sealed class AccountAnalyzer(PostTable table, DetectionOptions options)
{
    public IReadOnlyDictionary<string, double[]> PlatformProfiles { get; private set; } = new Dictionary<string, double[]>();

    /// <summary>The shift test as it ran (its estimated bar and baseline, for the method section).</summary>
    public ShiftPatternDetector? Shifts { get; private set; }

    public List<AccountFinding> Analyze(Func<int, long> textGroup, int[] chainOf, CoordinationNetwork network)
    {
        var zone = options.Zone;
        var hours = new byte[table.Count];
        var weekdays = new byte[table.Count];
        Parallel.For(0, table.Count, i =>
        {
            var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UnixEpoch.AddSeconds(table.Times[i]), zone);
            hours[i] = (byte)local.Hour;
            weekdays[i] = (byte)(((int)local.DayOfWeek + 6) % 7);
        });

        var platformHours = new double[table.PlatformNames.Count][];
        for (var p = 0; p < platformHours.Length; p++)
        {
            platformHours[p] = new double[24];
        }

        var byAccount = new List<int>[table.AccountKeys.Count];
        for (var i = 0; i < table.Count; i++)
        {
            platformHours[table.Platform[i]][hours[i]]++;
            var a = table.Account[i];
            if (a >= 0)
            {
                (byAccount[a] ??= []).Add(i);
            }
        }

        foreach (var profile in platformHours)
        {
            var total = profile.Sum();
            for (var h = 0; h < 24 && total > 0; h++)
            {
                profile[h] /= total;
            }
        }

        PlatformProfiles = table.PlatformNames.Select((name, p) => (name, p)).ToDictionary(x => x.name, x => platformHours[x.p]);

        var coordinated = network.Communities.Where(c => c.Members.Count >= options.MinCommunitySize)
            .SelectMany(c => c.Members.Select(m => (m, c))).ToDictionary(x => x.m, x => x.c, StringComparer.Ordinal);
        var edgesByNode = network.Edges.SelectMany(e => new[] { (e.Source, e), (e.Target, e) })
            .GroupBy(x => x.Item1, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(x => x.e).ToList(), StringComparer.Ordinal);

        var languages = new string?[table.Count];
        var languageId = new LanguageIdentifier();
        var needLanguage = byAccount.Where(l => l is not null && l.Count >= 2 * options.LanguageMinSegment).SelectMany(l => l).ToArray();
        Parallel.ForEach(needLanguage, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
            languages[i] = languageId.IdentifyFast(table.Posts[i].Post));

        // Where the function-word vote left enough of an account's posts unlabelled to make a side of a switch (texts
        // without the commonest words), Lingua reads those: slower, so only there. Archived posts mostly carry the
        // language their parser found, and then neither pass runs.
        // So do accounts whose fast labels already name two languages: there even a few unlabelled posts can complete
        // a side of a switch.
        var undecided = byAccount.Where(l => l is not null && l.Count >= 2 * options.LanguageMinSegment
                && (l.Count(i => languages[i] is null) >= options.LanguageMinSegment
                    || l.Where(i => languages[i] is not null).Select(i => languages[i]).Distinct(StringComparer.Ordinal).Skip(1).Any()))
            .SelectMany(l => l!).Where(i => languages[i] is null).ToArray();
        Parallel.ForEach(undecided, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
            languages[i] = languageId.Identify(table.Posts[i].Post));

        var offTopic = new OffTopicReplyDetector(table);
        var shifts = new ShiftPatternDetector(table, options, byAccount);
        Shifts = shifts;
        var findings = new ConcurrentBag<AccountFinding>();
        for (var a = 0; a < byAccount.Length; a++)
        {
            var posts = byAccount[a];
            if (posts is null)
            {
                continue;
            }

            posts.Sort((x, y) => table.Times[x].CompareTo(table.Times[y]));
            var key = table.AccountKeys[a];
            var shift = shifts.Detect(a);
            var language = LanguageSwitchDetector.Detect(table, posts, languages, options);
            if (language is not null)
            {
                // A candidate by the fast labels: re-read every post of the account with Lingua and decide on those.
                Parallel.ForEach(posts, i => languages[i] = languageId.Identify(table.Posts[i].Post));

                language = LanguageSwitchDetector.Detect(table, posts, languages, options);
            }

            var replies = offTopic.Detect(posts, textGroup, chainOf, options);
            CoordinationEvidence? coordination = null;
            if (coordinated.TryGetValue(key, out var community))
            {
                var edges = edgesByNode.GetValueOrDefault(key) ?? [];
                coordination = new CoordinationEvidence
                {
                    Community = community.Id,
                    CommunitySize = community.Members.Count,
                    Partners = edges.OrderByDescending(e => e.Weight).Select(e => e.Source == key ? e.Target : e.Source).Take(10).ToList(),
                    SharedChains = edges.SelectMany(e => e.Chains).Distinct(StringComparer.Ordinal).Take(20).ToList(),
                };
            }

            var flags = new List<string>(4);
            if (shift is not null)
            {
                flags.Add(AccountFlags.ShiftPattern);
            }

            if (language is not null)
            {
                flags.Add(AccountFlags.LanguageSwitch);
            }

            if (replies is not null)
            {
                flags.Add(AccountFlags.OffTopicReplies);
            }

            if (coordination is not null)
            {
                flags.Add(AccountFlags.Coordinated);
            }

            if (flags.Count == 0)
            {
                continue;
            }

            var hourCounts = new int[24];
            var dayCounts = new int[7];
            var weekCounts = new int[168];
            foreach (var i in posts)
            {
                hourCounts[hours[i]]++;
                dayCounts[weekdays[i]]++;
                weekCounts[(weekdays[i] * 24) + hours[i]]++;
            }

            findings.Add(new AccountFinding
            {
                Platform = table.PlatformNames[table.AccountPlatform[a]],
                Handle = table.AccountHandles[a],
                Flags = flags,
                Evidence = new AccountEvidence
                {
                    PostCount = posts.Count,
                    HourOfDay = hourCounts,
                    Weekday = dayCounts,
                    HourOfWeek = weekCounts,
                    Shift = shift,
                    LanguageSwitch = language,
                    OffTopic = replies,
                    Coordination = coordination,
                },
            });
        }

        return findings.OrderByDescending(f => f.Flags.Count)
            .ThenBy(f => f.Platform, StringComparer.Ordinal)
            .ThenBy(f => f.Handle, StringComparer.Ordinal)
            .ToList();
    }
}
