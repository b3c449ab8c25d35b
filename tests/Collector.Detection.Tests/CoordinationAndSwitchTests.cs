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
}
