namespace Collector.Detection.Tests;

public sealed class CoordinationAndSwitchTests
{
    [Fact]
    public void Run_TeamRepostingDaysApartInTheSameChains_IsCoordinatedWithItsChains()
    {
        // three accounts re-post four stories, each a day or two after the last: never within a co-posting window
        var posts = new List<DetectionPost>();
        for (var story = 0; story < 4; story++)
        {
            var text = TestPosts.Filler(100 + story) + " " + TestPosts.Filler(200 + story);
            for (var op = 0; op < 3; op++)
            {
                posts.Add(TestPosts.Make("x", $"s{story}-{op}", "op" + op, TestPosts.T0.AddDays((story * 10) + (op * 1.5)), text));
            }
        }

        posts.Add(TestPosts.Make("x", "b1", "bystander", TestPosts.T0.AddDays(1), posts[0].Post.Text));

        var result = DetectionEngine.Run(posts, new DetectionOptions { CoordinationWindow = TimeSpan.FromMinutes(10) });

        var coordinated = result.Accounts.Where(a => a.Flags.Contains(AccountFlags.Coordinated)).ToList();
        Assert.Equal(["op0", "op1", "op2"], coordinated.Select(a => a.Handle).Order());
        Assert.All(coordinated, a => Assert.Equal(4, a.Evidence.Coordination!.SharedChains.Count));
        Assert.All(result.Network.Edges, e => Assert.Equal(0, e.Weight)); // nothing inside the window: co-appearance alone
        Assert.All(result.Network.Edges, e => Assert.Equal(4, e.CoAppearances));
    }

    [Fact]
    public void Run_AccountLeavingSpanishForAMixOfEnglishAndChinese_IsALanguageSwitch()
    {
        string[] spanish = ["Hoy cocinamos una paella con mariscos frescos del mercado y la familia está muy contenta",
            "El partido de fútbol del domingo fue increíble, el equipo jugó con mucha pasión hasta el final",
            "Mañana vamos a la playa con los niños si el tiempo lo permite, ojalá que haga sol",
            "La receta de la abuela para el pan de maíz es la mejor que he probado en mi vida",
            "Estamos preparando la fiesta de cumpleaños de mi hermana con globos y una tarta enorme",
            "Los domingos por la mañana paseamos por el parque con el perro y tomamos café"];
        string[] campaign = ["The government in the west keeps lying about the island and the drills, and the media repeat every word",
            "政府在岛屿问题上一直在撒谎，西方媒体不断重复这些谎言，真相被隐藏了",
            "Sanctions are hurting the workers and the factories while the officials keep their secret documents",
            "专家说经济危机是由制裁引起的，工人和工厂正在受到伤害，官员们却保持沉默",
            "The embassy refused to answer questions about the leaked report and the journalists were silenced",
            "记者们被迫沉默，大使馆拒绝回答关于泄露报告的问题，人民有权知道真相"];
        var posts = spanish.Select((t, i) => TestPosts.Make("facebook", "es" + i, "bought", TestPosts.T0.AddDays(i * 3), t))
            .Concat(campaign.Select((t, i) => TestPosts.Make("facebook", "c" + i, "bought", TestPosts.T0.AddDays(60 + i), t)))
            .ToList();

        var result = DetectionEngine.Run(posts);

        var flagged = Assert.Single(result.Accounts, a => a.Flags.Contains(AccountFlags.LanguageSwitch));
        Assert.Equal("es", flagged.Evidence.LanguageSwitch!.LanguageBefore);
        Assert.Equal("c0", flagged.Evidence.LanguageSwitch.FirstAfter[0].Id);
    }

    [Fact]
    public void Run_DailyPosterSilentThreeWeeksThenAnotherLanguageInTheSameCommunity_IsALanguageSwitch()
    {
        // the same community and hashtag on both sides (the topic check cannot tell), silent 21 days: under the fixed
        // 30-day dormancy, but a daily poster's own pace makes three silent weeks improbable
        var random = new Random(4);
        string[] french = ["nous", "sommes", "allés", "au", "marché", "avec", "les", "enfants", "et", "la", "journée", "était", "très", "belle", "pour", "tout", "le", "monde", "dans", "ville"];
        string[] english = ["the", "government", "keeps", "lying", "about", "what", "happened", "and", "the", "media", "repeat", "every", "word", "of", "it", "with", "their", "friends", "in", "office"];
        string Sentence(string[] words) => string.Join(' ', Enumerable.Range(0, 14).Select(_ => words[random.Next(words.Length)]));
        var posts = new List<DetectionPost>();
        for (var day = 0; day < 20; day++)
        {
            posts.Add(TestPosts.Make("reddit", "fr" + day, "bought", TestPosts.T0.AddDays(day), Sentence(french) + " #ville"));
        }

        for (var day = 0; day < 8; day++)
        {
            posts.Add(TestPosts.Make("reddit", "en" + day, "bought", TestPosts.T0.AddDays(40 + day), Sentence(english) + " #ville"));
        }

        posts = posts.Select(p => p with { Post = p.Post with { Community = "r/ville", Hashtags = ["ville"] } }).ToList();

        var result = DetectionEngine.Run(posts);

        var flagged = Assert.Single(result.Accounts, a => a.Flags.Contains(AccountFlags.LanguageSwitch));
        Assert.Equal("fr", flagged.Evidence.LanguageSwitch!.LanguageBefore);
        Assert.Equal("en0", flagged.Evidence.LanguageSwitch.FirstAfter[0].Id);
        Assert.True(flagged.Evidence.LanguageSwitch.DormantDays < 30);
    }

    [Theory]
    [InlineData(1.0, 21, true)] // posts daily: three silent weeks are not its pace
    [InlineData(30.0, 21, false)] // posts monthly: three weeks is an ordinary gap
    [InlineData(7.0, 21, false)] // weekly over 20 posts: 19·e^-3 ≈ 0.95, a gap that long is unremarkable
    public void Dormant_GapAgainstTheAccountsOwnPace_IsImprobableOnlyForAFrequentPoster(double everyDays, double gapDays, bool expected)
    {
        var posts = Enumerable.Range(0, 20).Select(i => TestPosts.Make("x", "p" + i, "a", TestPosts.T0.AddDays(i * everyDays), TestPosts.Filler(i))).ToList();
        var table = new PostTable(posts);
        var indices = Enumerable.Range(0, table.Count).OrderBy(i => table.Times[i]).ToList();

        Assert.Equal(expected, Behaviour.LanguageSwitchDetector.Dormant(table, indices, gapDays));
    }
}
