using Collector.Model;
using Collector.Parsers.Platforms.Generic;
using Collector.Parsers.Platforms.Reddit;
using Microsoft.Extensions.DependencyInjection;

namespace Collector.Parsers.Tests;

public class ParserRegistryTests
{
    private static ParserRegistry CreateSut() => ParserRegistry.CreateDefault();

    [Theory]
    [InlineData("https://www.reddit.com/r/x/", "reddit")]
    [InlineData("https://old.reddit.com/r/x/", "reddit")]
    [InlineData("https://www.quora.com/Why", "quora")]
    [InlineData("https://es.quora.com/Por-que", "quora")]
    [InlineData("https://www.pinterest.com/pin/1/", "pinterest")]
    [InlineData("https://ru.pinterest.com/ann/", "pinterest")]
    [InlineData("https://t.me/s/channel", "telegram")]
    [InlineData("https://forum.example.org/t/1", "generic")]
    [InlineData("https://notreddit.com/r/x/", "generic")]
    public void ForUrl_Host_PicksPlatform(string url, string platform) =>
        Assert.Equal(platform, CreateSut().ForUrl(new Uri(url)).Platform);

    [Fact]
    public void Select_NamedPlatform_WinsOverHost() =>
        Assert.Equal("reddit", CreateSut().Select(new Uri("http://127.0.0.1:5000/r/x/.json"), "reddit").Platform);

    [Fact]
    public void Select_UnknownPlatformName_FallsBackToHost() =>
        Assert.Equal("telegram", CreateSut().Select(new Uri("https://t.me/s/x"), "myspace").Platform);

    [Fact]
    public void Constructor_DuplicatePlatform_Throws() =>
        Assert.Throws<ArgumentException>(() => new ParserRegistry([new RedditParser(), new RedditParser(), new GenericParser()]));

    [Fact]
    public void Constructor_NoGeneric_Throws() =>
        Assert.Throws<ArgumentException>(() => new ParserRegistry([new RedditParser()]));

    [Fact]
    public void BuiltInParsers_EveryParserHasAKnownDistinctPlatform()
    {
        var parsers = BuiltInParsers.Create();
        Assert.All(parsers, p => Assert.True(Collector.Model.Platforms.IsKnown(p.Platform), p.Platform));
        Assert.Equal(parsers.Count, parsers.Select(p => p.Platform).Distinct().Count());
        Assert.Equal("generic", parsers[^1].Platform);
    }

    [Fact]
    public void AddCollectorParsers_ResolvesRegistryWithEveryParser()
    {
        using var provider = new ServiceCollection().AddCollectorParsers().BuildServiceProvider();
        var registry = provider.GetRequiredService<ParserRegistry>();
        Assert.Equal(BuiltInParsers.Create().Count, registry.Parsers.Count);
        Assert.Equal(PageOutcome.Content, registry.Parse(new PageInput
        {
            Url = new Uri("https://www.reddit.com/r/x/new.json"),
            Body = """{"kind":"Listing","data":{"children":[{"kind":"t3","data":{"name":"t3_a","title":"hi","created_utc":1700000000}}]}}""",
        }).Classification);
    }
}
