namespace Collector.Detection.Behaviour;

/// <summary>
/// The shift test's second, confirmatory stage. The first stage learns each account's windows from its own sittings and
/// so pays for choosing them (rest days among seven, cuts among its gaps) and for testing every account. Once it has
/// found shift groups, each group's working week (the quarter hours any of its members works in, on their working days;
/// see <see cref="WeekMask"/>) is a hypothesis fixed before the remaining accounts are looked at: an account that did
/// not clear the first bar is tested against it with nothing chosen from its own data. Its chance under the null is
/// that of an ordinary account (the archive's and its platform's week in its own frame; the larger is used) putting
/// every one of its sittings in the group's working quarter hours, none in the group's breaks, nights or rest days:
/// share^sittings. One sitting outside, and the account does not match: the breaks and rest days are where ordinary
/// accounts, desk workers among them, do post. Only groups whose working days share a break are tested against (a
/// group without one is office hours, not a shift). The family is every (account, group) pair tested, held by Holm's
/// procedure at family-wise error <see cref="ShiftPatternDetector.FamilyAlpha"/>.
/// </summary>
internal static class ShiftGroupMatch
{
    /// <summary>A group found by the first stage: its members (account ids) and its working week.</summary>
    public sealed record Group(IReadOnlyList<int> Members, WeekMask Week);

    /// <summary>An account flagged by the second stage: the group it matched, its evidence (decades) and its Holm-adjusted chance.</summary>
    public readonly record struct Match(int Account, int Group, double OrdinaryShare, double Evidence, double Adjusted);

    /// <summary>
    /// Tests each account against each group. <paramref name="ordinaryShare"/> gives, for an account and the group's week
    /// in the account's frame, the share of an ordinary account's sittings that falls there.
    /// </summary>
    public static (IReadOnlyList<Match> Flagged, double Bar, int Family) Test(
        IReadOnlyList<Group> groups,
        IReadOnlyList<int> accounts,
        Func<int, IReadOnlyList<long>> sittings,
        Func<int, WeekFrame> frames,
        Func<int, bool[][], double> ordinaryShare)
    {
        var family = accounts.Count * groups.Count;
        var candidates = new List<Match>();
        foreach (var account in accounts)
        {
            var times = sittings(account);
            for (var g = 0; g < groups.Count; g++)
            {
                var week = groups[g].Week;
                if (!times.All(week.Contains))
                {
                    continue;
                }

                var share = ordinaryShare(account, week.InFrame(frames(account)));
                if (share is > 0 and < 1)
                {
                    candidates.Add(new Match(account, g, share, -times.Count * Math.Log10(share), 1));
                }
            }
        }

        if (family == 0)
        {
            return ([], 0, 0);
        }

        var (bar, adjusted) = HolmBonferroni.Control(candidates.Select(c => c.Evidence).ToList(), family, ShiftPatternDetector.FamilyAlpha);
        var flagged = candidates.Select((c, i) => c with { Adjusted = adjusted[i] })
            .Where(c => c.Adjusted <= ShiftPatternDetector.FamilyAlpha)
            .GroupBy(c => c.Account)
            .Select(g => g.MaxBy(c => c.Evidence))
            .ToList();
        return (flagged, bar, family);
    }
}
