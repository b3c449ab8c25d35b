using Collector.Detection.Text;

namespace Collector.Detection.Tests;

public sealed class TextMatchingTests
{
    private const string Article =
        "The western media keeps spreading lies about our development while ignoring the real crisis of hegemony and interference in their own backyard every single day this year";

    [Fact]
    public void Normalize_FullWidthCaseUrlsMentions_AreRemovedOrFolded()
    {
        var text = TextNormalizer.Normalize("ＡＢＣ Hello @someone see https://t.co/xyz?a=1 NOW");
        Assert.Equal("abc hello   see   now", text);
    }

    [Theory]
    [InlineData("Must read: " + Article)]
    [InlineData("THE WESTERN MEDIA keeps spreading lies about our development, while ignoring the real crisis of hegemony and interference in their own backyard every single day this year!!! https://x.example/1 @bot")]
    [InlineData("The western media keeps spreadng lies about our development while ignoring the real crisis of hegemony and interfernce in their own backyard every single day this year")]
    [InlineData("The western media keeps spreading lies about our development while ignoring the real crisis of hegemony and…")]
    public void Group_CopiesWithPrefixCaseTyposOrTruncation_MatchTheOriginal(string copy)
    {
        var groups = TextMatching.Group([Article, copy]);
        Assert.True(groups[0] >= 0);
        Assert.Equal(groups[0], groups[1]);
    }

    [Theory]
    // four slips in 27 words: a swapped pair, a dropped letter, a doubled letter, two words run together
    [InlineData("The wsetern media keeps spreading lies about our development while ignorng the real crisis of hegemony and interference in their own backyard every single day thiss yearr")]
    [InlineData("The western media keeps spreadinglies about our development while ignoring the real crisis of hegemony and interfrence in their ownbackyard every single day this yaer")]
    public void Group_CopyWithATypoEveryFewWords_MatchesByCharacterShingles(string copy)
    {
        // word pairs lose two shingles a slip (Jaccard near 0.6 here); character trigrams lose three characters' worth
        var words = new DetectionOptions();
        var shingles = (string t) => new TextFeaturizer(words).Featurize(null, t);
        Assert.True(ShingleSimilarity.Jaccard(shingles(Article).Shingles, shingles(copy).Shingles) < words.JaccardThreshold, "word shingles alone miss it");

        var groups = TextMatching.Group([Article, copy]);

        Assert.True(groups[0] >= 0);
        Assert.Equal(groups[0], groups[1]);
    }

    [Fact]
    public void Group_TwoTextsOfOneVocabularyInAnotherOrder_StayApart()
    {
        // the same words shuffled share most character trigrams at word level but not across word boundaries
        var random = new Random(3);
        var words = Article.Split(' ');
        var shuffled = string.Join(' ', words.OrderBy(_ => random.Next()));

        var groups = TextMatching.Group([Article, shuffled]);

        Assert.NotEqual(groups[0], groups[1]);
    }

    [Fact]
    public void Group_UnrelatedTextsOnTheSameTopic_StayApart()
    {
        var other = "The western media reported on the development of a new bridge in our city and the crisis of traffic every single morning";
        var groups = TextMatching.Group([Article, other]);
        Assert.NotEqual(groups[0], groups[1]);
    }

    [Fact]
    public void Group_TooShortTexts_NeverMatch()
    {
        var groups = TextMatching.Group(["Great post, thanks!", "Great post, thanks!"]);
        Assert.Equal(-1, groups[0]);
        Assert.Equal(-1, groups[1]);
    }

    [Fact]
    public void Group_ChineseWithOneCharacterChanged_MatchesByCharacterShingles()
    {
        const string original = "西方媒体一直在散布关于我们发展的谎言，却无视他们自己国家的真正危机和霸权干涉。";
        const string edited = "西方媒体一直在散布关于我们发展的谎話，却无视他们自己国家的真正危机和霸权干涉。";
        const string unrelated = "今天天气很好，我们一起去公园散步，然后在湖边喝咖啡聊天，看看美丽的风景和花朵。";
        var groups = TextMatching.Group([original, edited, unrelated]);
        Assert.Equal(groups[0], groups[1]);
        Assert.NotEqual(groups[0], groups[2]);
    }

    [Fact]
    public void Group_ManyTexts_FindsWhatTheExhaustiveSearchFinds()
    {
        var texts = new List<string?>();
        for (var i = 0; i < 400; i++)
        {
            texts.Add(TestPosts.Filler(i) + " " + TestPosts.Filler(i + 1000));
        }

        for (var i = 0; i < 40; i++)
        {
            texts.Add("Must read: " + texts[i]);
            texts.Add(texts[i]![..(texts[i]!.Length * 3 / 4)]);
        }

        var groups = TextMatching.Group(texts);
        var pairs = TextMatching.ExhaustivePairs(texts);
        Assert.True(pairs.Count >= 80);
        var recalled = pairs.Count(p => groups[p.A] == groups[p.B]);
        Assert.True(recalled >= pairs.Count * 0.95, $"{recalled} of {pairs.Count}");
    }
}
