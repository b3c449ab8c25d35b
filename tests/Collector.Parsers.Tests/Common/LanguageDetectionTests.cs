using Collector.Parsers.Common;
using Lingua;

namespace Collector.Parsers.Tests.Common;

public class LanguageDetectionTests
{
    private static readonly Lazy<AsciiTrigramScorer> Scorer = new(() =>
        AsciiTrigramScorer.TryLoad(Path.Combine(AppContext.BaseDirectory, "Lingua", "LanguageModels"), LanguageInfo.All())
        ?? throw new InvalidOperationException("Lingua's models were not found next to the tests"));

    private static readonly Lazy<LanguageDetector> Lingua = new(() =>
        LanguageDetectorBuilder.FromAllLanguages().WithLowAccuracyMode().Build());

    [Fact]
    public void Sample_LinksMentionsHashtags_AreLeftOut() =>
        Assert.Equal(
            "Look at this and tell me what you think ## not a tag",
            LanguageDetection.Sample("Look at https://example.org/a?b=1 this @someone and (http://x.y/z) tell me #photo what you think www.example.com me@mail.org ## not a tag"));

    [Fact]
    public void Sample_LongText_CutsAtWordBoundaryWithinSampleLength()
    {
        var text = string.Join(' ', Enumerable.Repeat("weather", 100));

        var sample = LanguageDetection.Sample(text);

        Assert.InRange(sample.Length, LanguageDetection.SampleLength - 8, LanguageDetection.SampleLength);
        Assert.All(sample.Split(' '), word => Assert.Equal("weather", word));
    }

    [Fact]
    public void Sample_UnspacedScriptLongerThanSample_IsCutInsideTheToken()
    {
        var text = string.Concat(Enumerable.Repeat("这是一个关于今天天气的普通中文句子", 40));

        Assert.Equal(text[..LanguageDetection.SampleLength], LanguageDetection.Sample(text));
    }

    [Theory]
    [InlineData("@TwitterDev https://t.co/bmpJzs74Ug")]
    [InlineData("https://youtu.be/jtLxqDFtE3E")]
    [InlineData("http://docs.python.org/2/tutorial/modules.html#packages")]
    [InlineData("#travel #photography #sunset @friend")]
    public void Resolve_OnlyLinksMentionsOrHashtags_IsNull(string text) =>
        Assert.Null(LanguageDetection.Resolve(text));

    [Fact]
    public void Resolve_TextBesideALongLink_IsDetectedFromTheWords() =>
        Assert.Equal("en", LanguageDetection.Resolve(
            "Trump just posted an AI generated image of himself portraying as christ\n[https://truthsocial.com/@realDonaldTrump/posts/116394884725149647](https://truthsocial.com/@realDonaldTrump/posts/116394884725149647)"));

    [Theory]
    [InlineData("This is clearly an English sentence about the weather today and tomorrow.")]
    [InlineData("Dit is een gewone Nederlandse zin over het weer van vandaag en morgen.")]
    [InlineData("Ini adalah kalimat bahasa Indonesia yang biasa tentang cuaca hari ini.")]
    [InlineData("Hii ni sentensi ya kawaida ya Kiswahili kuhusu hali ya hewa leo na kesho.")]
    [InlineData("Ito ay isang karaniwang pangungusap sa Tagalog tungkol sa panahon ngayon.")]
    [InlineData("Questa e una frase italiana normale sul tempo di oggi e di domani sera.")]
    [InlineData("Das ist ein ganz normaler deutscher Satz ueber das Wetter heute und morgen.")]
    [InlineData("Esta es una frase normal en espanol sobre el tiempo de hoy y de manana.")]
    [InlineData("lol 😂😂 this is the best thing I've seen all week, 10/10 would watch again!!")]
    [InlineData("a b c d e f g h i j k l m n o p")]
    public void AsciiTrigramScorer_PlainLatinText_AnswersAsLingua(string text)
    {
        Assert.True(Scorer.Value.TryDetect(text, out var fast));
        Assert.Equal(Lingua.Value.DetectLanguageOf(text), fast);
    }

    [Theory]
    [InlineData("seen it sold as Crème anglaise at the bakery down the road")]
    [InlineData("Это обычное русское предложение о погоде сегодня.")]
    [InlineData("Película Completa en Inglés Subtitulada en Español")]
    [InlineData("price is ؋ 100 for this thing in the market today")]
    public void AsciiTrigramScorer_OtherLettersOrScripts_LeftToLingua(string text) =>
        Assert.False(Scorer.Value.TryDetect(text, out _));

    [Theory]
    [InlineData("  Hello,   World! 42 it's  ", "hello world its")]
    [InlineData("- dash then words", " dash then words")]
    [InlineData("trailing space before dots ...", "trailing space before dots ")]
    public void AsciiTrigramScorer_Clean_LowersDropsPunctuationAndDigitsCollapsesSpaces(string text, string expected)
    {
        var buffer = new char[text.Length + 1];

        Assert.Equal(expected, new string(buffer, 0, AsciiTrigramScorer.Clean(text, buffer)));
    }

    [Theory]
    [InlineData("Película Completa en Inglés Subtitulada en Español para todos", 50)]
    [InlineData("Это обычное русское предложение о погоде сегодня и завтра.", 10)]
    public void DetectorFor_LettersOfOneScript_SmallerDetectorAnswersAsLingua(string text, int atMostLanguages)
    {
        var detector = LanguageDetection.DetectorFor(text);

        Assert.InRange(detector.Languages.Count, 2, atMostLanguages);
        Assert.Equal(Lingua.Value.DetectLanguageOf(text), detector.DetectLanguageOf(text));
    }

    [Theory]
    [InlineData("Película Completa en Inglés Subtitulada en Español para todos")]
    [InlineData("seen it sold as Crème anglaise at the bakery down the road")]
    [InlineData("Grupo de compraventa: vendo bicicleta en buen estado, precio negociable, llamar por la tarde")]
    [InlineData("Это обычное русское предложение о погоде сегодня и завтра.")]
    [InlineData("Це звичайне українське речення про погоду сьогодні і завтра.")]
    [InlineData("Ово је обична српска реченица о времену данас и сутра, љубав и њива.")]
    [InlineData("Zażółć gęślą jaźń, to jest zwykłe polskie zdanie o pogodzie.")]
    [InlineData("Ñoño ñandú")]
    [InlineData("ß ß straße")]
    [InlineData("ёж")]
    [InlineData("über 🙂 schön")]
    [InlineData("ça")]
    public void ScriptTrigramScorer_LettersOfOneScript_AnswersAsLinguasDetectorOfThatScript(string text)
    {
        var detector = LanguageDetection.DetectorFor(text);
        var tables = LanguageDetection.ScorerFor(detector);

        Assert.NotNull(tables);
        Assert.True(tables.TryDetect(text, out var fast));
        Assert.Equal(detector.DetectLanguageOf(text), fast);
        Assert.Equal(Lingua.Value.DetectLanguageOf(text), fast);
    }

    [Fact]
    public void ScriptTrigramScorer_LetterOfAnotherScript_LeftToLingua()
    {
        var tables = LanguageDetection.ScorerFor(LanguageDetection.DetectorFor("Это обычное русское предложение о погоде."));

        Assert.NotNull(tables);
        Assert.False(tables.TryDetect("Это обычное русское предложение with English", out _));
    }

    /// <summary>
    /// Every sample the real captures give (each post's text and title, and windows of 1 to 40 of their words, alone and in
    /// pairs) that the Latin, Cyrillic or all-languages tables answer gets the answer Lingua gives.
    /// </summary>
    [Fact]
    public void ScriptTrigramScorer_FixtureSamples_AnswerAsLingua()
    {
        var fixtures = Path.GetFullPath(Path.Combine(Platforms.ExpectedPageCheck.RepoRoot(), "..", "shared", "fixtures"));
        Assert.SkipWhen(!Directory.Exists(fixtures), $"real captures absent: {fixtures} does not exist");
        var registry = ParserRegistry.CreateDefault();
        var texts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var dir in Directory.EnumerateDirectories(fixtures))
        {
            foreach (var file in Directory.EnumerateFiles(dir).Where(f => f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".html", StringComparison.Ordinal)))
            {
                var platform = Path.GetFileName(dir) switch { "twitter" => "x", var name => name };
                var page = new PageInput { Url = new Uri("https://example.org/"), Body = File.ReadAllText(file), ContentType = file.EndsWith(".json", StringComparison.Ordinal) ? "application/json" : "text/html" };
                foreach (var post in registry.Parse(page, platform).Posts)
                {
                    foreach (var text in new[] { post.Title, post.Text, post.Title + "\n" + post.Text })
                    {
                        if (text is { Length: > 0 } && text.Any(c => c > 0x7F && char.IsLetter(c)))
                        {
                            texts.Add(text);
                        }
                    }
                }
            }
        }

        var windows = new List<string>();
        foreach (var text in texts)
        {
            var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < words.Length; i++)
            {
                foreach (var n in (int[])[1, 2, 4, 7, 10, 20, 40])
                {
                    if (i + n <= words.Length)
                    {
                        windows.Add(string.Join(' ', words[i..(i + n)]));
                    }
                }
            }
        }

        var random = new Random(7);
        var samples = texts.Concat(windows).Concat(Enumerable.Range(0, 3000).Select(_ => windows[random.Next(windows.Count)] + " " + windows[random.Next(windows.Count)]))
            .Select(LanguageDetection.Sample).Distinct(StringComparer.Ordinal).ToList();
        var checkedSamples = 0;
        var wrong = new List<string>();
        foreach (var sample in samples)
        {
            var detector = LanguageDetection.DetectorFor(sample);
            if (Scorer.Value.TryDetect(sample, out _) || !LanguageDetection.TryTables(sample, detector, out var fast))
            {
                continue;
            }

            checkedSamples++;
            var lingua = detector.DetectLanguageOf(sample);
            if (fast != lingua)
            {
                wrong.Add($"{fast} instead of {lingua}: {sample}");
            }
        }

        Assert.True(checkedSamples > 1000, $"only {checkedSamples} samples reached the tables");
        Assert.Empty(wrong);
    }

    [Theory]
    [InlineData("アリサ Alisa with an M16A1!")]
    [InlineData("独り言 『Fate/Grand Order』や『Fate/EXTRA』から")]
    [InlineData("Привет, это mixed текст with two scripts in it")]
    [InlineData("Cette phrase française parle de Москва et de la neige")]
    [InlineData("日本 and English words together in one short title here")]
    public void AllLanguagesScorer_MixedScripts_AnswerAsLingua(string text)
    {
        var detector = LanguageDetection.DetectorFor(text);
        Assert.Equal(LanguageInfo.All().Count, detector.Languages.Count);

        if (LanguageDetection.TryTables(text, detector, out var fast))
        {
            Assert.Equal(Lingua.Value.DetectLanguageOf(text), fast);
        }
    }

    [Theory]
    [InlineData("Привет, это mixed текст with two scripts in it")]
    [InlineData("Ελληνικά και English μαζί σε ένα κείμενο")]
    [InlineData("🙂🙂🙂 ¿¿¿ ... !!!")]
    public void DetectorFor_MixedOrNoScript_AllLanguages(string text) =>
        Assert.Equal(LanguageInfo.All().Count, LanguageDetection.DetectorFor(text).Languages.Count);
}
