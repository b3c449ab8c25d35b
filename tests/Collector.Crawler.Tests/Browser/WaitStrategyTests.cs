using Collector.Crawler.Browser;
using Microsoft.Playwright;

namespace Collector.Crawler.Tests.Browser;

public sealed class WaitStrategyTests
{
    [Theory]
    [InlineData(null, WaitKind.Settle)]
    [InlineData("", WaitKind.Settle)]
    [InlineData("networkidle", WaitKind.NetworkIdle)]
    [InlineData("NetworkIdle", WaitKind.NetworkIdle)]
    [InlineData("load", WaitKind.Load)]
    [InlineData("domcontentloaded", WaitKind.DomContentLoaded)]
    [InlineData("1500ms", WaitKind.Delay)]
    [InlineData("2s", WaitKind.Delay)]
    [InlineData("article[data-rendered=\"1\"]", WaitKind.Selector)]
    [InlineData("div.loaded", WaitKind.Selector)]
    public void Parse_Text_Kind(string? text, WaitKind expected) => Assert.Equal(expected, WaitStrategy.Parse(text).Kind);

    [Fact]
    public void Parse_Delay_Duration()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(1500), WaitStrategy.Parse("1500ms").Delay);
        Assert.Equal(TimeSpan.FromSeconds(2.5), WaitStrategy.Parse("2.5s").Delay);
    }

    [Fact]
    public void Parse_Selector_KeptVerbatimAndNavigatesToDomContentLoaded()
    {
        var strategy = WaitStrategy.Parse("  article[data-rendered=\"1\"] ");

        Assert.Equal("article[data-rendered=\"1\"]", strategy.Selector);
        Assert.Equal(WaitUntilState.DOMContentLoaded, strategy.NavigationWaitUntil);
        Assert.True(strategy.WaitsInPage);
    }

    [Fact]
    public void Parse_NetworkIdle_LeftToNavigation()
    {
        var strategy = WaitStrategy.Parse("networkidle");

        Assert.Equal(WaitUntilState.NetworkIdle, strategy.NavigationWaitUntil);
        Assert.False(strategy.WaitsInPage);
    }
}
