using System.Globalization;
using System.Text;
using System.Text.Json;
using Collector.Model;
using Collector.Simulator.Hosting;
using Collector.Simulator.World;
using Microsoft.AspNetCore.Http;
using static System.Net.WebUtility;

namespace Collector.Simulator.Sites.Quora;

/// <summary>
/// The simulated Quora host: question pages <c>/{Question-Slug}</c> whose raw HTML carries only the first
/// <see cref="InlineAnswers"/> answers (the rest come from <c>POST /graphql/gql_para_POST?q=QuestionPagedListPaginationQuery</c>
/// as the reader scrolls; a GET with <c>qid</c>, <c>after</c>, <c>first</c> query parameters answers the same),
/// answer pages <c>/{Question-Slug}/answer/{Author-Handle}</c> (404 once deleted), topic pages <c>/topic/{Topic}</c>.
/// </summary>
public sealed class QuoraSite(SimContext sim) : ISimSite
{
    public const int InlineAnswers = 3;

    public SimPlatform Platform => SimPlatform.Quora;

    public string Robots => "User-agent: *\nDisallow: /private/\nDisallow: /ajax/\nAllow: /\n";

    public async Task HandleAsync(HttpContext context)
    {
        var s = HttpWrite.Segments(context);
        var state = sim.World.State;
        var questions = state.On(SimPlatform.Quora).Where(p => p.Kind == PostKinds.Question).ToList();
        switch (s)
        {
            case ["graphql", "gql_para_POST"]:
                await PageAsync(context, state);
                return;
            case ["topic", var topic] when questions.Any(q => q.Community == topic):
                await HttpWrite.Html(context, TopicPage(topic, questions.Where(q => q.Community == topic)));
                return;
            case [var slug] when questions.FirstOrDefault(q => QuoraJson.Slug(q) == slug) is { } question:
            {
                var answers = LiveAnswers(state, question);
                var page = answers.Take(InlineAnswers).ToList();
                var result = QuoraJson.QuestionPage(state, question, page, 0, answers.Count > page.Count);
                await HttpWrite.Html(context, QuoraHtml.Page(question.Title!, sim.Url(SimPlatform.Quora, QuoraJson.QuestionPath(question)), QuoraJson.QuestionQueryHash, result, "QuestionPage", long.Parse(question.Id, CultureInfo.InvariantCulture), scroll: true));
                return;
            }

            case [var slug, "answer", var handle] when questions.FirstOrDefault(q => QuoraJson.Slug(q) == slug) is { } question:
            {
                var answer = LiveAnswers(state, question).FirstOrDefault(a => a.AuthorHandle == handle);
                if (answer is null)
                {
                    await HttpWrite.NotFoundHtml(context, "This page may have been moved, deleted, or is otherwise unavailable.");
                    return;
                }

                await HttpWrite.Html(context, QuoraHtml.Page(question.Title!, sim.Url(SimPlatform.Quora, QuoraJson.AnswerPath(question, answer)), QuoraJson.AnswerQueryHash, QuoraJson.AnswerPage(state, question, answer), "AnswerPage", null, scroll: false));
                return;
            }

            default:
                await HttpWrite.NotFoundHtml(context, "This page may have been moved, deleted, or is otherwise unavailable.");
                return;
        }
    }

    /// <summary>Live answers of a question, oldest first (the order Quora's pages keep stable while paging).</summary>
    public static List<SimPost> LiveAnswers(WorldState state, SimPost question) =>
        [.. state.InCommunity(SimPlatform.Quora, question.Id).Where(a => a.Kind == PostKinds.Answer && a.IsLive).OrderBy(a => a.PublishedAt).ThenBy(a => a.Id, StringComparer.Ordinal)];

    private async Task PageAsync(HttpContext context, WorldState state)
    {
        string? qid = context.Request.Query["qid"];
        string? after = context.Request.Query["after"];
        string? first = context.Request.Query["first"];
        if (HttpMethods.IsPost(context.Request.Method))
        {
            try
            {
                using var doc = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
                var v = doc.RootElement.GetProperty("variables");
                qid = v.GetProperty("qid").ToString();
                after = v.TryGetProperty("after", out var a) ? a.ToString() : null;
                first = v.TryGetProperty("first", out var f) ? f.ToString() : null;
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                await HttpWrite.Json(context, """{"errors":[{"message":"bad request"}]}""", StatusCodes.Status400BadRequest);
                return;
            }
        }

        if (qid is null || state.Find(SimPlatform.Quora, qid) is not { Kind: PostKinds.Question } question)
        {
            await HttpWrite.Json(context, """{"data":{"question":null}}""", StatusCodes.Status404NotFound);
            return;
        }

        var answers = LiveAnswers(state, question);
        var offset = int.TryParse(after, CultureInfo.InvariantCulture, out var last) ? last + 1 : 0;
        var count = int.TryParse(first, CultureInfo.InvariantCulture, out var n) ? Math.Clamp(n, 1, 20) : InlineAnswers;
        var page = answers.Skip(offset).Take(count).ToList();
        await HttpWrite.Json(context, QuoraJson.QuestionPage(state, question, page, offset, offset + page.Count < answers.Count).ToJsonString());
    }

    private string TopicPage(string topic, IEnumerable<SimPost> questions)
    {
        var sb = new StringBuilder();
        foreach (var q in questions)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<div class=\"q-box\"><a class=\"question_link\" href=\"{sim.Url(SimPlatform.Quora, QuoraJson.QuestionPath(q))}\"><span class=\"q-text\">{HtmlEncode(q.Title)}</span></a></div>\n");
        }

        return $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{HtmlEncode(topic)} - Quora</title></head><body><div id=\"root\"><h1>{HtmlEncode(topic.Replace('-', ' '))}</h1>\n{sb}</div></body></html>";
    }
}
