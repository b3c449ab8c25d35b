using Collector.Detection.Output;

namespace Collector.Detection.Tests;

/// <summary>What report.html says, read as text: the method's thresholds, the week charts, the filter chips, evidence commands.</summary>
public sealed class ReportContentTests(SmallWorldFixture fixture) : IClassFixture<SmallWorldFixture>
{
    private string Html => File.ReadAllText(Path.Combine(fixture.OutDir, "report.html"));

    [Fact]
    public void Render_MethodSection_PrintsEveryThresholdWithItsValueAndBasis()
    {
        Assert.True(fixture.Result.Thresholds.Count >= 12);
        Assert.Contains(fixture.Result.Thresholds, t => t.Name == "coordination window" && t.Estimated);
        Assert.Contains(fixture.Result.Thresholds, t => t.Name == "shift evidence" && t.Estimated);
        foreach (var t in fixture.Result.Thresholds)
        {
            Assert.Contains(Svg.Esc(t.Value), Html, StringComparison.Ordinal);
            Assert.Contains(Svg.Esc(t.Basis), Html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Render_FlaggedAccounts_DrawTheirWeekAndCarryEvidenceCommands()
    {
        var shown = Math.Min(fixture.Result.Accounts.Count, HtmlReport.MaxAccounts);
        Assert.Equal(shown, CountOf("<svg class=\"week\""));
        Assert.Equal(shown * 168, CountOf("class=\"week-cell\""));
        var post = fixture.Result.Chains[0].Posts[0];
        Assert.Contains($"collector export --format bundle --out case.zip --post {post.Platform}:{post.Id}", Html, StringComparison.Ordinal);
        Assert.Contains("hour of day (", Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ShiftFlags_PrintTheirConfidence()
    {
        var shifts = fixture.Result.Accounts.Take(HtmlReport.MaxAccounts).Where(a => a.Evidence.Shift is not null).ToList();
        Assert.NotEmpty(shifts);
        foreach (var shift in shifts.Select(a => a.Evidence.Shift!))
        {
            Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"confidence {shift.Confidence:0.000} (1 - Holm-adjusted chance)"), Html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Render_FlagWithNoAccount_HasNoFilterChip()
    {
        var result = fixture.Result with { Accounts = fixture.Result.Accounts.Where(a => !a.Flags.Contains(AccountFlags.LanguageSwitch)).ToList() };

        var html = HtmlReport.Render(result, TestPosts.T0);

        Assert.DoesNotContain("data-flag=\"language-switch\"", html, StringComparison.Ordinal);
        Assert.Contains("data-flag=\"shift-pattern\"", html, StringComparison.Ordinal);
    }

    private int CountOf(string needle)
    {
        var html = Html;
        int count = 0, at = 0;
        while ((at = html.IndexOf(needle, at, StringComparison.Ordinal)) >= 0)
        {
            count++;
            at += needle.Length;
        }

        return count;
    }
}
