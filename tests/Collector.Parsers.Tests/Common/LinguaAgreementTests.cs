using Collector.Parsers.Common;
using Lingua;

namespace Collector.Parsers.Tests.Common;

/// <summary>The fast scorers stand in for Lingua only while they give Lingua's own answers (checked through its public API).</summary>
public class LinguaAgreementTests
{
    [Theory]
    [InlineData("Rząd przedstawił dziś nowy plan dotyczący rynku mieszkaniowego w Polsce")]
    [InlineData("Правительство сегодня представило новый план для рынка жилья в стране")]
    public void ScorerFor_ShippedLingua_PassesTheCheckAndStaysActive(string sample)
    {
        // If a Lingua update made the tables disagree, detection would fall back to the public API: right but slow. Say so.
        var detector = LanguageDetection.DetectorFor(sample);
        Assert.NotNull(LanguageDetection.ScorerFor(detector));
        Assert.Equal(detector.DetectLanguageOf(sample).IsoCode6391().ToString().ToLowerInvariant(), LanguageDetection.Resolve(sample));
    }

    [Fact]
    public void Verified_ScorerThatDisagreesWithLingua_StandsDown()
    {
        var lingua = LanguageDetectorBuilder.FromLanguages(Language.English, Language.German, Language.French).WithLowAccuracyMode().Build();
        var scorer = new object();

        var verified = LinguaAgreement.Verified(scorer, (string _, out Language l) => { l = Language.German; return true; }, _ => lingua);

        Assert.Null(verified);
    }

    [Fact]
    public void Verified_ScorerThatAgreesOrAbstains_IsKept()
    {
        var lingua = LanguageDetectorBuilder.FromLanguages(Language.English, Language.German, Language.French).WithLowAccuracyMode().Build();
        var scorer = new object();

        var verified = LinguaAgreement.Verified(scorer, (string s, out Language l) => { l = lingua.DetectLanguageOf(s); return s.Length % 2 == 0; }, _ => lingua);

        Assert.Same(scorer, verified);
    }
}
