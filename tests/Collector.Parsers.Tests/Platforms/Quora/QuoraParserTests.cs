using System.Text.Json;
using Collector.Model;
using Collector.Parsers.Platforms.Quora;

namespace Collector.Parsers.Tests.Platforms.Quora;

public class QuoraParserTests
{
    public static TheoryData<string> Fixtures => ExpectedPageCheck.Files("Quora");

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Parse_RealCapture_MatchesHandReadExpectations(string expected) =>
        ExpectedPageCheck.Run(new QuoraParser(), "Quora", expected);

    private static ParseResult Parse(string url, string html) => new QuoraParser().Parse(new PageInput { Url = new Uri(url), Body = html });

    /// <summary>A question page as Quora's server sends it: the query result pushed as a JSON string literal.</summary>
    private static string QuestionPage(bool withAnswers)
    {
        const string answer = """
            [{"node":{"answer":{"__typename":"Answer","aid":111,"permaUrl":"/Is-it-safe/answer/Ann-Lee-3","creationTime":1700000000000000,
             "numUpvotes":12,"numViews":3400,"isDeleted":false,"content":"{\"sections\":[{\"type\":\"plain\",\"spans\":[{\"text\":\"Yes, mostly. See \"},{\"text\":\"this\",\"modifiers\":{\"link\":{\"url\":\"https://example.org/study\"}}}]}]}",
             "author":{"uid":7,"profileUrl":"/profile/Ann-Lee-3","names":[{"givenName":"Ann","familyName":"Lee"}]},
             "question":{"__typename":"Question","qid":55,"url":"/Is-it-safe","title":"{\"sections\":[{\"spans\":[{\"text\":\"Is it safe?\"}]}]}"}}}}]
            """;
        var answers = withAnswers ? answer : "[]";
        var payload = "{\"data\":{\"question\":{\"__typename\":\"Question\",\"qid\":55,\"url\":\"/Is-it-safe\",\"answerCount\":1,"
            + "\"title\":\"{\\\"sections\\\":[{\\\"spans\\\":[{\\\"text\\\":\\\"Is it safe?\\\"}]}]}\",\"answers\":{\"edges\":" + answers + "}}}}";
        var literal = JsonSerializer.Serialize(payload);
        return "<html><head><title>Is it safe? - Quora</title></head><body><div id='root'></div><script>window.ansFrontendGlobals = window.ansFrontendGlobals || {};"
            + "window.ansFrontendGlobals.data.inlineQueryResults.results[\"ab12\"].push(" + literal + ");</script></body></html>";
    }

    [Fact]
    public void Parse_InlinePayloadQuestionPage_AnswerIsChildOfQuestion()
    {
        var result = Parse("https://www.quora.com/Is-it-safe", QuestionPage(withAnswers: true));

        Assert.Equal(PageOutcome.Content, result.Classification);
        Assert.Equal(new PostKey("quora", "Is-it-safe"), result.Subject);
        var question = result.Posts.Single(p => p.Kind == PostKinds.Question);
        Assert.Equal(("Is-it-safe", "Is it safe?", 1L), (question.Id, question.Title, question.Metrics.Comments!.Value));
        var answer = result.Posts.Single(p => p.Kind == PostKinds.Answer);
        Assert.Equal("Is-it-safe/answer/Ann-Lee-3", answer.Id);
        Assert.Equal(("Is-it-safe", "Is-it-safe"), (answer.ParentId, answer.RootId));
        Assert.Equal(("Ann-Lee-3", "Ann Lee"), (answer.Author!.Handle, answer.Author.Name));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), answer.PublishedAt);
        Assert.Equal("Yes, mostly. See this", answer.Text);
        Assert.Equal(["https://example.org/study"], answer.Links);
        Assert.Equal((12L, 3400L), (answer.Metrics.Likes!.Value, answer.Metrics.Views!.Value));
    }

    [Fact]
    public void Parse_QuestionWithoutAnswers_IsContentWithTheQuestionOnly()
    {
        var result = Parse("https://www.quora.com/Is-it-safe", QuestionPage(withAnswers: false));
        Assert.Equal(PageOutcome.Content, result.Classification);
        Assert.DoesNotContain(result.Posts, p => p.Kind == PostKinds.Answer);
    }

    [Fact]
    public void Parse_AppShellWithoutPayloadsOrCards_IsUnrecognizedAndAsksForBrowser()
    {
        var html = "<html><body><div id='root'></div><script>window.ansFrontendGlobals = {};window.ansFrontendGlobals.data = {\"inlineQueryResults\": {}};</script>"
            + new string(' ', 300) + "</body></html>";
        var result = Parse("https://www.quora.com/Some-question", html);
        Assert.Equal(PageOutcome.Unrecognized, result.Classification);
        Assert.True(result.NeedsBrowser);
    }

    [Fact]
    public void Parse_RenderedProfileCards_ReadsSemanticHooks()
    {
        const string html = """
            <html><body><div class="q-box"><div class="q-box">
              <div class="q-box spacing_log_answer_header">
                <a href="/profile/Ann-Lee-3"><img src="x.jpg"></a>
                <span><a class="q-box" href="/profile/Ann-Lee-3">Ann Lee</a></span>
                <a class="q-box" href="/Why-is-the-sky-blue/answer/Ann-Lee-3">Answered March 2, 2019</a>
              </div>
              <div class="q-flex"><a href="/Why-is-the-sky-blue"><span class="rendered_qtext">Why is the sky blue?</span></a></div>
              <div class="q-relative spacing_log_answer_content"><span class="rendered_qtext">Rayleigh scattering, mostly. (more)</span></div>
            </div></div></body></html>
            """;
        var answer = Assert.Single(Parse("https://www.quora.com/profile/Ann-Lee-3", html).Posts);
        Assert.Equal(("Why-is-the-sky-blue/answer/Ann-Lee-3", "Why is the sky blue?", "Why-is-the-sky-blue"), (answer.Id, answer.Title, answer.ParentId));
        Assert.Equal("Rayleigh scattering, mostly.", answer.Text);
        Assert.Equal(new DateTimeOffset(2019, 3, 2, 0, 0, 0, TimeSpan.Zero), answer.PublishedAt);
    }

    [Theory]
    [InlineData("Answered November 28, 2017", "2017-11-28")]
    [InlineData("Updated May 27, 2018", null)]
    [InlineData("Written Nov 18", null)]
    [InlineData("Answered 2y", null)]
    public void DateOf_CardDates_OnlyAnsweredWithYear(string text, string? expected) =>
        Assert.Equal(expected, QuoraCardReader.DateOf(text)?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
}
