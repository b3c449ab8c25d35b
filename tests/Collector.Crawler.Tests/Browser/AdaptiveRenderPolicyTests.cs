using System.Text;
using Collector.Crawler.Browser;
using Collector.Crawler.Fetching;
using Collector.Model;
using Collector.Parsers;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Collector.Crawler.Tests.Browser;

public sealed class AdaptiveRenderPolicyTests
{
    private static readonly Uri Post1 = new("https://app.test/post/1001");
    private static readonly Uri Post2 = new("https://app.test/post/1002");

    [Fact]
    public void ShouldRender_JavaScriptShell_RendersAndLaterPagesOfPatternGoToBrowser()
    {
        var policy = CreateSut();

        var render = policy.ShouldRender("src", Post1, Html(), Parsed(PageOutcome.Empty) with { NeedsBrowser = true });

        Assert.True(render);
        Assert.Equal(RenderMode.Browser, policy.Choose("src", Post2));
        Assert.Equal(RenderMode.Http, policy.Choose("other-source", Post2));
        Assert.Equal(RenderMode.Http, policy.Choose("src", new Uri("https://app.test/list/1")));
        var decision = Assert.Single(policy.Decisions);
        Assert.Equal("app.test/post/{id}", decision.Pattern);
    }

    [Fact]
    public void ShouldRender_Content_NotRendered()
    {
        var policy = CreateSut();

        Assert.False(policy.ShouldRender("src", Post1, Html(), Parsed(PageOutcome.Content)));
        Assert.Equal(RenderMode.Http, policy.Choose("src", Post2));
    }

    [Fact]
    public void ShouldRender_EmptyOnNewPattern_RenderedAndRemembered()
    {
        var policy = CreateSut();

        Assert.True(policy.ShouldRender("src", Post1, Html(), Parsed(PageOutcome.Empty)));
        Assert.Equal(RenderMode.Browser, policy.Choose("src", Post2));
    }

    [Fact]
    public void ShouldRender_EmptyWherePatternGaveContentOverHttp_NotRendered()
    {
        var policy = CreateSut();
        policy.ShouldRender("src", Post1, Html(), Parsed(PageOutcome.Content));

        Assert.False(policy.ShouldRender("src", Post2, Html(), Parsed(PageOutcome.Empty)));
        Assert.Equal(RenderMode.Http, policy.Choose("src", Post2));
    }

    [Fact]
    public void ShouldRender_UnrecognizedWherePatternGaveContent_RenderedButNotRemembered()
    {
        var policy = CreateSut();
        policy.ShouldRender("src", Post1, Html(), Parsed(PageOutcome.Content));

        Assert.True(policy.ShouldRender("src", Post2, Html(), Parsed(PageOutcome.Unrecognized)));
        Assert.Equal(RenderMode.Http, policy.Choose("src", Post1));
    }

    [Theory]
    [InlineData(PageOutcome.LoginWall)]
    [InlineData(PageOutcome.Captcha)]
    [InlineData(PageOutcome.RateLimited)]
    [InlineData(PageOutcome.NotFound)]
    [InlineData(PageOutcome.Removed)]
    public void ShouldRender_BlockedOrGone_NotRendered(PageOutcome outcome)
    {
        var policy = CreateSut();

        Assert.False(policy.ShouldRender("src", Post1, Html(), Parsed(outcome)));
        Assert.Empty(policy.Decisions);
    }

    [Fact]
    public void ShouldRender_JsonOrErrorOrAlreadyRendered_NotRendered()
    {
        var policy = CreateSut();
        var shell = Parsed(PageOutcome.Unrecognized) with { NeedsBrowser = true };

        Assert.False(policy.ShouldRender("src", Post1, Html() with { ContentType = "application/json" }, shell));
        Assert.False(policy.ShouldRender("src", Post1, Html() with { Error = FetchError.Retry("503") }, shell));
        Assert.False(policy.ShouldRender("src", Post1, Html() with { Status = 404 }, shell));
        Assert.False(policy.ShouldRender("src", Post1, Html() with { Rendered = true }, shell));
        Assert.Empty(policy.Decisions);
    }

    private static AdaptiveRenderPolicy CreateSut() =>
        new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero)), NullLogger<AdaptiveRenderPolicy>.Instance);

    private static FetchResult Html() => new()
    {
        RequestUrl = Post1,
        FinalUrl = Post1,
        Status = 200,
        ContentType = "text/html",
        Body = Encoding.UTF8.GetBytes("<html></html>"),
        Text = "<html></html>",
    };

    private static ParseResult Parsed(PageOutcome outcome) => ParseResult.Classified(outcome, "test");
}
