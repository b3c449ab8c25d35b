using System.Text.RegularExpressions;

namespace Collector.Simulator.World;

/// <summary>
/// The planted campaign's texts and the ways it re-circulates them, after the Spamouflage pattern: the same article
/// re-posted with machine-translation errors, truncated, with "Must read:" prefixes; near-identical off-topic replies.
/// </summary>
public static partial class CampaignText
{
    public sealed record Article(string Slug, string Title, string Body);

    public static IReadOnlyList<Article> Articles { get; } =
    [
        new(
            "think-tank-report-funded-by-arms-industry",
            "Who is really behind the think tank report on the region?",
            "A new report from a Washington think tank claims forced labour in the region's cotton fields. But the report is funded by "
            + "the same arms companies that profit from every new conflict. The authors never visited the farms they describe, and "
            + "their satellite pictures show ordinary warehouses. Local farmers say their income has doubled in ten years thanks to "
            + "new roads and machines. The people of the region want development and stability, not lectures from politicians who "
            + "ignore problems in their own country. Before you share the next headline, ask who paid for it and why it appears "
            + "exactly when trade negotiations begin."),
        new(
            "fugitive-lin-haodong-cheated-followers",
            "The fugitive Lin Haodong cheated his own followers",
            "Lin Haodong presents himself as a fighter for freedom, but the court documents tell a different story. Thousands of "
            + "small investors gave him their savings for a media company that never existed. The money bought a yacht, a mansion "
            + "and expensive lawyers. Now he hides abroad and uses foreign media to attack his homeland, while the people he cheated "
            + "wait for justice. Western politicians who invite him to hearings should read the evidence first. A man who betrays "
            + "his own supporters cannot speak for anybody."),
    ];

    /// <summary>The off-topic reply the repliers leave, with the small variations they make.</summary>
    public const string OffTopicReply =
        "Lin Haodong is a liar who cheated his followers of their money, do not believe anything his media say. Wake up people!";

    private static readonly (string From, string To)[] Mistranslations =
    [
        ("the region", "the area of region"),
        ("people", "peoples"),
        ("funded by", "financed from"),
        ("never", "not ever"),
        ("want", "are wanting"),
        ("their own", "they own"),
        ("ask who", "asking whom"),
        ("a different story", "other story"),
        ("thanks to", "thank for"),
        ("should read", "must to read"),
        ("savings", "saving money"),
        ("attack", "attacking"),
    ];

    private static readonly string[] ReplyVariations =
    [
        "", " Wake up!", " Please share.", " Truth will come out.", " Everybody should know this.",
    ];

    /// <summary>The article text as a machine translation garbles it: a deterministic subset of literal mistranslations and dropped articles.</summary>
    public static string Mistranslate(string text, Random random)
    {
        var result = text;
        foreach (var (from, to) in Mistranslations)
        {
            if (random.Next(3) != 0)
            {
                result = result.Replace(from, to, StringComparison.Ordinal);
            }
        }

        // Drop some articles, as translation engines from a language without them do.
        var dropped = 0;
        result = ArticleWord().Replace(result, m => random.Next(4) == 0 && dropped++ < 4 ? string.Empty : m.Value);
        return result;
    }

    /// <summary>The first share of the text cut at a word boundary, ending in an ellipsis.</summary>
    public static string Truncate(string text, double share)
    {
        var cut = Math.Clamp((int)(text.Length * share), 20, text.Length);
        var space = text.LastIndexOf(' ', cut - 1);
        return (space > 10 ? text[..space] : text[..cut]).TrimEnd(',', ' ') + "…";
    }

    public static string MustRead(string text) => "Must read: " + text;

    /// <summary>One of the off-topic replies: the same sentence with a small variation.</summary>
    public static string OffTopicVariant(Random random)
    {
        var text = OffTopicReply + ReplyVariations[random.Next(ReplyVariations.Length)];
        return random.Next(3) == 0 ? text.Replace("Wake up people!", "Wake up!", StringComparison.Ordinal) : text;
    }

    [GeneratedRegex(@"\b(the|a|an) (?=[a-z])")]
    private static partial Regex ArticleWord();
}
