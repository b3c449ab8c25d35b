using Lingua;

namespace Collector.Parsers.Common;

/// <summary>A table-driven scorer of Lingua's answers (ASCII, one script, all languages).</summary>
internal delegate bool LinguaScorer(string sample, out Language language);

/// <summary>
/// The check that keeps the fast scorers honest: at load, each answers a fixed set of samples and must agree, wherever it
/// answers, with Lingua's public API (<see cref="LanguageDetector.DetectLanguageOf"/>) on the same detector. A Lingua update
/// that changes its models, rules or scoring makes them disagree, and the scorer then stands down: detection goes through
/// Lingua's public API (slower, still right) instead of giving yesterday's answers.
/// </summary>
internal static class LinguaAgreement
{
    /// <summary>Sentences in languages of the Latin and Cyrillic scripts, with and without accents, plus mixes.</summary>
    public static IReadOnlyList<string> Probes { get; } =
    [
        "The committee will publish its final report on the election next week",
        "Het kabinet heeft vandaag een nieuw plan gepresenteerd voor de woningmarkt",
        "Die Regierung hat heute einen neuen Plan für den Wohnungsmarkt vorgestellt",
        "Le gouvernement a présenté aujourd'hui un nouveau plan pour le logement",
        "El gobierno presentó hoy un nuevo plan para el mercado de la vivienda",
        "O governo apresentou hoje um novo plano para o mercado de habitação",
        "Il governo ha presentato oggi un nuovo piano per il mercato immobiliare",
        "Rząd przedstawił dziś nowy plan dotyczący rynku mieszkaniowego w Polsce",
        "Guvernul a prezentat astăzi un nou plan pentru piața locuințelor din țară",
        "Vláda dnes představila nový plán pro trh s bydlením v celé zemi",
        "Hükümet bugün konut piyasası için yeni bir plan açıkladı ve tartışıldı",
        "Chính phủ hôm nay đã công bố một kế hoạch mới cho thị trường nhà ở",
        "Правительство сегодня представило новый план для рынка жилья в стране",
        "Уряд сьогодні представив новий план для ринку житла в усій країні",
        "Правителството представи днес нов план за пазара на жилища в страната",
        "Влада је данас представила нови план за тржиште станова у земљи",
        "Урад сёння прадставіў новы план для рынку жылля ў краіне",
        "Breaking news Правительство announced новый plan today",
    ];

    /// <summary>The scorer when it agrees with Lingua's public API on every probe it answers; otherwise null.</summary>
    public static T? Verified<T>(T? scorer, LinguaScorer score, Func<string, LanguageDetector> detectorFor)
        where T : class
    {
        if (scorer is null)
        {
            return null;
        }

        foreach (var probe in Probes)
        {
            if (score(probe, out var ours) && ours != detectorFor(probe).DetectLanguageOf(probe))
            {
                return null;
            }
        }

        return scorer;
    }
}
