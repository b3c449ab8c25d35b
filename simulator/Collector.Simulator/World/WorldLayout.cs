namespace Collector.Simulator.World;

/// <summary>The fixed shape of the simulated world: which communities exist on which platform and what they talk about.</summary>
public static class WorldLayout
{
    public static IReadOnlyList<(string Name, Topic Topic)> Subreddits { get; } =
        [("worldnews", Topic.Politics), ("geopolitics", Topic.Politics), ("cooking", Topic.Cooking)];

    /// <summary>The subreddit where the repurposed Reddit account posted in Chinese before going quiet.</summary>
    public const string RepurposedSubreddit = "chinesefood";

    /// <summary>Quora questions: topic slug, topic, title.</summary>
    public static IReadOnlyList<(string TopicSlug, Topic Topic, string Title)> QuoraQuestions { get; } =
    [
        ("Politics", Topic.Politics, "Why do trade negotiations between large economies take so long?"),
        ("Politics", Topic.Politics, "Are think tank reports about foreign countries reliable?"),
        ("International-Relations", Topic.Politics, "What will shape international relations in the next decade?"),
        ("Gardening", Topic.Gardening, "How do I protect tomato seedlings from a late frost?"),
        ("Cooking", Topic.Cooking, "What is the secret to a good sourdough crust?"),
    ];

    /// <summary>Ordinary Pinterest boards: slug, name, topic.</summary>
    public static IReadOnlyList<(string Slug, string Name, Topic Topic)> Boards { get; } =
        [("watercolour-ideas", "Watercolour ideas", Topic.Art), ("balcony-garden", "Balcony garden", Topic.Gardening)];

    public const string CampaignPinner = "eastwindart";
    public const string CampaignBoard = "world-cartoons";

    /// <summary>Ordinary Telegram channels and their topics.</summary>
    public static IReadOnlyList<(string Channel, string Title, Topic Topic)> Channels { get; } =
        [("worldbrief", "World Brief", Topic.Politics), ("kitchen_notes", "Kitchen Notes", Topic.Cooking)];

    public const string CampaignChannel = "eastwind_news";
    public const string RepurposedChannel = "huaxia_meishi";

    /// <summary>Forum sections (the blog is the section "blog").</summary>
    public static IReadOnlyList<(string Section, Topic[] Topics)> ForumSections { get; } =
    [
        ("politics", [Topic.Politics]),
        ("hobbies", [Topic.Cooking, Topic.Gardening, Topic.Travel, Topic.Art]),
        ("blog", [Topic.Politics, Topic.Travel]),
    ];

    /// <summary>The outside news site the campaign's articles claim to come from (the shared link of article chains).</summary>
    public const string ArticleSite = "https://eastwind-review.example";

    public static string ArticleUrl(string slug) => $"{ArticleSite}/2026/11/{slug}";
}
