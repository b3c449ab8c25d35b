namespace Collector.Simulator.World;

/// <summary>The topics ordinary users write about, each a small phrase grammar that gives varied, on-topic, non-duplicate text.</summary>
public enum Topic
{
    Politics,
    Cooking,
    Gardening,
    Travel,
    Art,
}

/// <summary>Builds varied sentences per topic from a seeded <see cref="Random"/>.</summary>
public static class TextBank
{
    private static readonly Dictionary<Topic, string[][]> Grammar = new()
    {
        [Topic.Politics] =
        [
            ["The trade talks", "The new tariff package", "Parliament's budget vote", "The central bank", "Election observers",
                "The coastal shipping dispute", "Energy ministers", "The climate summit", "The coalition government",
                "The opposition leader", "Farm subsidies", "The border commission", "The defence review", "Local councils",
                "The sanctions regime", "The port authority", "Regional governors", "The census office"],
            ["could reshape", "are likely to delay", "put real pressure on", "quietly changed", "will be tested by",
                "have little to do with", "keep coming back to", "might finally settle", "were blindsided by", "depend on"],
            ["the grain export deal", "next spring's elections", "fuel prices for commuters", "the pension reform",
                "relations with the neighbours", "the fisheries agreement", "housing costs in the capital",
                "the rail privatisation plan", "the semiconductor supply chain", "the refugee quota", "public broadcasting",
                "the mining licences", "water rights upstream", "the judicial appointments", "the steel quota"],
        ],
        [Topic.Cooking] =
        [
            ["My sourdough starter", "This braised short rib", "The cast iron pan", "A lemon tart", "Slow roasted tomatoes",
                "The dumpling dough", "My grandmother's curry", "The pickled onions", "A mushroom risotto", "Homemade ramen broth",
                "The focaccia", "Brown butter cookies", "The chili oil"],
            ["turned out better with", "needs a lot more", "was ruined by", "finally works thanks to", "tastes great with",
                "is all about", "went sideways because of", "improved a lot after"],
            ["a longer rest in the fridge", "fresh thyme from the garden", "too much salt", "a hotter oven",
                "toasted sesame seeds", "a splash of fish sauce", "patience and low heat", "cheap supermarket flour",
                "smoked paprika", "a second proof overnight", "rice vinegar", "the wrong kind of butter"],
        ],
        [Topic.Gardening] =
        [
            ["The tomato seedlings", "My raspberry canes", "The compost heap", "A clay-heavy bed", "The new apple tree",
                "These dahlias", "The courgette plants", "My balcony herbs", "The lawn by the fence", "Blueberry bushes"],
            ["are struggling with", "loved", "got hit hard by", "recovered after", "need protection from", "thrive on"],
            ["the late frost", "aphids on every leaf", "the dry August", "a mulch of wood chips", "slugs at night",
                "too much shade", "coffee grounds", "a proper pruning", "the sandy soil", "rainwater from the barrel"],
        ],
        [Topic.Travel] =
        [
            ["The night train to the coast", "Our hostel in the old town", "The mountain pass", "A ferry to the islands",
                "The street market", "The budget airline", "Our rental car", "The hiking trail"],
            ["was worth it for", "fell apart because of", "is best known for", "surprised us with", "needs planning around"],
            ["the sunrise over the bay", "a three hour delay", "cheap local wine", "the crowds in July",
                "the view from the ridge", "hidden luggage fees", "a tiny family restaurant", "the ticket machines"],
        ],
        [Topic.Art] =
        [
            ["This watercolour study", "The linocut print", "A charcoal portrait", "The mural downtown", "My sketchbook",
                "The ceramic glaze", "This gouache landscape", "The paper collage"],
            ["came alive with", "was inspired by", "took weeks because of", "works best with", "plays with"],
            ["muted autumn colours", "a single light source", "cheap student paper", "bold black outlines",
                "the harbour at dusk", "layers of transparent ink", "a limited palette", "negative space"],
        ],
    };

    private static readonly string[] Openers =
    [
        "", "", "", "Honestly, ", "I think ", "From what I read, ", "Not sure anyone noticed, but ", "Update: ",
        "Hot take: ", "As someone who follows this, ", "Quick question: ", "Funny enough, ",
    ];

    private static readonly string[] Closers =
    [
        "", "", "Thoughts?", "Would love other opinions.", "Anyone else seeing this?", "Curious where this goes.",
        "That is my two cents.", "Sources in the comments.",
    ];

    /// <summary>One sentence on the topic.</summary>
    public static string Sentence(Random random, Topic topic)
    {
        var g = Grammar[topic];
        var opener = Openers[random.Next(Openers.Length)];
        var subject = g[0][random.Next(g[0].Length)];
        var body = $"{subject} {g[1][random.Next(g[1].Length)]} {g[2][random.Next(g[2].Length)]}";
        if (opener.Length > 0)
        {
            body = opener + char.ToLowerInvariant(body[0]) + body[1..];
        }

        var tail = random.Next(4) switch
        {
            0 => $", roughly {random.Next(3, 97)} percent of it",
            1 => $" after {random.Next(2, 14)} weeks",
            _ => string.Empty,
        };
        return body + tail + ".";
    }

    /// <summary>A short text of a few sentences on the topic.</summary>
    public static string Paragraph(Random random, Topic topic, int minSentences = 2, int maxSentences = 4)
    {
        var n = random.Next(minSentences, maxSentences + 1);
        var parts = new List<string>(n + 1);
        for (var i = 0; i < n; i++)
        {
            parts.Add(Sentence(random, topic));
        }

        var closer = Closers[random.Next(Closers.Length)];
        if (closer.Length > 0)
        {
            parts.Add(closer);
        }

        return string.Join(' ', parts);
    }

    /// <summary>A title: one shortened sentence without the final period.</summary>
    public static string Title(Random random, Topic topic)
    {
        var g = Grammar[topic];
        return $"{g[0][random.Next(g[0].Length)]} {g[1][random.Next(g[1].Length)]} {g[2][random.Next(g[2].Length)]}";
    }

    /// <summary>Chinese-language everyday posts (food and family), the repurposed accounts' first life.</summary>
    public static readonly string[] ChineseDailyLife =
    [
        "今天做了红烧肉，颜色很漂亮，家里人都说好吃。",
        "周末去菜市场买了新鲜的鱼，晚上清蒸，味道特别鲜。",
        "分享一个简单的西红柿炒鸡蛋做法，先炒蛋再炒西红柿。",
        "早上喝豆浆吃油条，这是小时候的味道。",
        "包饺子的时候馅里加一点虾仁，会更香。",
        "今天下雨，在家煮了一锅排骨汤，很暖和。",
        "第一次做麻婆豆腐，花椒放多了，有点麻。",
        "妈妈教我做的葱油饼，外酥里软，大家可以试试。",
        "中秋节快到了，自己做了几个月饼，样子不太好看。",
        "凉拌黄瓜加点蒜末和香醋，夏天最开胃。",
        "周日和朋友去吃火锅，点了很多羊肉卷。",
        "试着做了酸菜鱼，酸菜要先炒一下才好吃。",
    ];

    /// <summary>English politics as the repurposed and shift-working accounts write it (campaign talking points).</summary>
    public static readonly string[] CampaignTalkingPoints =
    [
        "Western media keep repeating the same story without any evidence, ordinary people can see the double standard.",
        "The so called think tank report was paid by weapon makers, why nobody ask who funds them?",
        "Development and stability is what people in the region want, not lectures from outside.",
        "Every year the same politicians use human rights as a tool to contain other countries economy.",
        "Look at the facts: infrastructure, jobs, poverty reduction. The smear campaign cannot hide this.",
        "Foreign interference in internal affairs only bring chaos, history has proved it many times.",
        "The fugitive Lin Haodong cheated his own followers and now pretends to be a democracy fighter.",
        "Sanctions hurt the common people first, the politicians who push them never pay the price.",
    ];
}
