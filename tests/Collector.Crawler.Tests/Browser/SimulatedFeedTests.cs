using System.Text.Json;
using System.Text.RegularExpressions;
using Collector.Crawler.Fetching;
using Collector.Model;
using Collector.Simulator;
using Collector.Simulator.Sites.Pinterest;
using Collector.Simulator.Sites.Quora;

namespace Collector.Crawler.Tests.Browser;

/// <summary>The simulated platforms' script-rendered, infinitely scrolling feeds, read in full through the browser fetcher.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class SimulatedFeedTests(BrowserFixture fixture)
{
    private CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FetchAsync_QuoraQuestion_ScrollsUntilEveryAnswerIsLoadedAndHandsOverTheGraphqlPages()
    {
        await using var sim = await SimulatedPlatforms.StartAsync(new SimulationOptions { Seed = 7 }, Cancel);
        await using var browser = fixture.CreateFetcher();
        var state = sim.World.State;
        var question = state.On(SimPlatform.Quora).Where(p => p.Kind == PostKinds.Question)
            .OrderByDescending(q => QuoraSite.LiveAnswers(state, q).Count).First();
        var answers = QuoraSite.LiveAnswers(state, question);
        Assert.True(answers.Count > QuoraSite.InlineAnswers, "the test needs a question whose answers do not all fit in the first page");

        var result = await browser.Fetcher.FetchAsync(new FetchRequest
        {
            Url = sim.Url(SimPlatform.Quora, QuoraJson.QuestionPath(question)),
            WaitFor = "#mainContent[data-rendered=\"1\"]",
            Scroll = new ScrollPlan { Times = 60, ItemSelector = ".dom_annotate_question_answer_item", StopAfterNoGrowth = 2, Budget = TimeSpan.FromMinutes(2) },
        }, Cancel);

        Assert.Null(result.Error);
        Assert.Equal(answers.Count, AnswerItem().Count(result.RenderedDom!));
        var pages = result.Network.Where(n => n.Url.Contains("/graphql/", StringComparison.Ordinal)).ToList();
        Assert.All(pages, p => Assert.Equal(200, p.Status));
        // every answer beyond the inline ones came in a captured response: the parser can read the feed from them alone
        var graphql = result.Exchanges.Where(e => e.Url.Contains("/graphql/", StringComparison.Ordinal)).ToList();
        Assert.True(answers.Count - QuoraSite.InlineAnswers == pages.Sum(Edges),
            $"edges {string.Join(",", pages.Select(Edges))}; exchanges {string.Join(" | ", graphql.Select(e => $"{e.Method} {e.Status} {e.ContentType} {e.BodySha256 is not null}"))}");
    }

    [Fact]
    public async Task FetchAsync_PinterestBoard_ScrollsUntilEveryPinIsLoaded()
    {
        await using var sim = await SimulatedPlatforms.StartAsync(new SimulationOptions { Seed = 7 }, Cancel);
        await using var browser = fixture.CreateFetcher();
        var state = sim.World.State;
        var board = state.Communities(SimPlatform.Pinterest).OrderByDescending(b => PinterestSite.Pins(state, b).Count).First();
        var pins = PinterestSite.Pins(state, board);
        Assert.True(pins.Count > sim.Options.PageSize, "the test needs a board longer than one page");

        var result = await browser.Fetcher.FetchAsync(new FetchRequest
        {
            Url = sim.Url(SimPlatform.Pinterest, PinterestJson.BoardUrl(board)),
            Scroll = new ScrollPlan { Times = 60, ItemSelector = "[data-test-id=pin]", StopAfterNoGrowth = 2, Budget = TimeSpan.FromMinutes(2) },
        }, Cancel);

        Assert.Null(result.Error);
        var loaded = PinItem().Matches(result.RenderedDom!).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.Equal(pins.Count, loaded.Count);
        Assert.Contains(result.Network, n => n.Url.Contains("/resource/BoardFeedResource/get/", StringComparison.Ordinal));
        Assert.NotNull(result.Screenshot);
    }

    private static int Edges(CapturedResponse response)
    {
        using var json = JsonDocument.Parse(response.Body);
        return json.RootElement.GetProperty("data").GetProperty("question").GetProperty("pagedListDataConnection").GetProperty("edges").GetArrayLength();
    }

    [GeneratedRegex("dom_annotate_question_answer_item\"")]
    private static partial Regex AnswerItem();

    [GeneratedRegex("data-test-pin-id=\"([0-9]+)\"")]
    private static partial Regex PinItem();
}
