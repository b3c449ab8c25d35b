using Collector.Detection.Behaviour;

namespace Collector.Detection.Tests;

public sealed class HolmBonferroniTests
{
    [Fact]
    public void Control_StrongCandidatesFirst_LaterOnesFaceALowerBarThanBonferroni()
    {
        // 100 tests at 5%: Bonferroni's bar is log10(100/0.05) = 3.30 for everyone; Holm's second rank faces log10(99/0.05)
        var (bar, adjusted) = HolmBonferroni.Control([6.0, 3.299], tests: 100, level: 0.05);

        Assert.True(adjusted[0] < 1e-3, "the strong one");
        Assert.True(adjusted[1] <= 0.05, $"3.299 decades clear Holm's second bar (adjusted {adjusted[1]})");
        Assert.Equal(Math.Log10(99 / 0.05), bar, 6);
    }

    [Fact]
    public void Control_WeakCandidate_IsNotADiscoveryAndAdjustedChancesNeverDecreaseWithRank()
    {
        var (bar, adjusted) = HolmBonferroni.Control([2.0, 5.0, 4.0], tests: 50, level: 0.05);

        Assert.True(adjusted[0] > 0.05, "2 decades among 50 tests is chance");
        Assert.True(adjusted[1] <= adjusted[2] && adjusted[2] <= adjusted[0]);
        Assert.Equal(Math.Log10(49 / 0.05), bar, 6); // the last discovery (4.0) stood at rank two
    }

    [Fact]
    public void Control_NoCandidates_BarIsBonferroniOverTheFamily()
    {
        var (bar, adjusted) = HolmBonferroni.Control([], tests: 400, level: 0.05);

        Assert.Empty(adjusted);
        Assert.Equal(Math.Log10(400 / 0.05), bar, 6);
    }
}
