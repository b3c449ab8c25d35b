using System.Text;
using System.Text.Json.Nodes;
using Collector.Simulator.Hosting;
using Collector.Simulator.World;

namespace Collector.Simulator.Sites.Quora;

/// <summary>
/// Quora's GraphQL shapes as its pages embed them: answers with <c>aid</c>, <c>content</c> and question <c>title</c> as
/// JSON-encoded "sections" documents, <c>creationTime</c> in microseconds, authors with <c>names[]</c> and <c>profileUrl</c>;
/// a question's answers as <c>pagedListDataConnection</c> edges with a <c>pageInfo</c> cursor.
/// </summary>
public static class QuoraJson
{
    public const string QuestionQueryHash = "4f1c0ad6b2c44c7f84b0f3e0b8d9e9c6a1e4d7d3b0f5a2c9e8d7b6a5f4e3d2c1";
    public const string AnswerQueryHash = "9b2e1f0d3c4a5b6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6";
    public const string PaginationQuery = "QuestionPagedListPaginationQuery";

    public static string Slug(SimPost question) => StableHash.QuoraSlug(question.Title ?? question.Text);

    public static string QuestionPath(SimPost question) => "/" + Slug(question);

    public static string AnswerPath(SimPost question, SimPost answer) => $"/{Slug(question)}/answer/{answer.AuthorHandle}";

    public static string Sections(string text) => new JsonObject
    {
        ["sections"] = new JsonArray([.. text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(p => (JsonNode)new JsonObject
        {
            ["spans"] = new JsonArray(new JsonObject { ["text"] = p, ["modifiers"] = new JsonObject() }),
            ["indent"] = 0,
            ["quoted"] = false,
            ["type"] = "plain",
            ["is_rtl"] = false,
        })]),
    }.ToJsonString();

    /// <summary>The question with one page of its answers: {"data":{"question":{…,"pagedListDataConnection":{…}}}}.</summary>
    public static JsonObject QuestionPage(WorldState state, SimPost question, IReadOnlyList<SimPost> page, int offset, bool hasNext)
    {
        var edges = new JsonArray();
        for (var i = 0; i < page.Count; i++)
        {
            edges.Add(new JsonObject
            {
                ["node"] = new JsonObject { ["__typename"] = "QuestionAnswerItem2", ["answer"] = Answer(state, question, page[i]) },
                ["cursor"] = (offset + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["__typename"] = "QuestionPagedListEdge",
            });
        }

        var q = QuestionNode(question);
        q["answerCount"] = state.InCommunity(SimPlatform.Quora, question.Id).Count(a => a.IsLive);
        q["pagedListDataConnection"] = new JsonObject
        {
            ["__typename"] = "QuestionPagedListConnection",
            ["edges"] = edges,
            ["pageInfo"] = new JsonObject
            {
                ["hasNextPage"] = hasNext,
                ["endCursor"] = (offset + page.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
        };
        return new JsonObject { ["data"] = new JsonObject { ["question"] = q } };
    }

    public static JsonObject AnswerPage(WorldState state, SimPost question, SimPost answer) =>
        new() { ["data"] = new JsonObject { ["answer"] = Answer(state, question, answer) } };

    public static JsonObject Answer(WorldState state, SimPost question, SimPost answer)
    {
        var author = state.Account(SimPlatform.Quora, answer.AuthorHandle);
        var names = (author?.DisplayName ?? answer.AuthorHandle).Split(' ', 2);
        return new JsonObject
        {
            ["id"] = Base64($"Answer@0:{answer.Id}"),
            ["__typename"] = "Answer",
            ["aid"] = long.Parse(answer.Id, System.Globalization.CultureInfo.InvariantCulture),
            ["permaUrl"] = AnswerPath(question, answer),
            ["isDeleted"] = false,
            ["content"] = Sections(answer.Text),
            ["question"] = QuestionNode(question),
            ["author"] = new JsonObject
            {
                ["id"] = Base64($"User@0:{author?.AccountId}"),
                ["__typename"] = "User",
                ["uid"] = long.Parse(author?.AccountId ?? "0", System.Globalization.CultureInfo.InvariantCulture),
                ["isAnon"] = false,
                ["profileUrl"] = "/profile/" + answer.AuthorHandle,
                ["names"] = new JsonArray(new JsonObject
                {
                    ["__typename"] = "UserName",
                    ["givenName"] = names[0],
                    ["familyName"] = names.Length > 1 ? names[1] : string.Empty,
                    ["scriptCode"] = "LATN",
                }),
            },
            ["isTranslated"] = false,
            ["updatedTime"] = Micros(answer.EditedAt ?? answer.PublishedAt),
            ["creationTime"] = Micros(answer.PublishedAt),
            ["numUpvotes"] = answer.Score,
            ["numViews"] = answer.Views,
            ["numComments"] = 0,
            ["shareUrl"] = AnswerPath(question, answer) + "/share",
        };
    }

    private static JsonObject QuestionNode(SimPost question) => new()
    {
        ["id"] = Base64($"Question@0:{question.Id}"),
        ["__typename"] = "Question",
        ["qid"] = long.Parse(question.Id, System.Globalization.CultureInfo.InvariantCulture),
        ["title"] = Sections(question.Title ?? question.Text),
        ["url"] = QuestionPath(question),
        ["creationTime"] = Micros(question.PublishedAt),
    };

    private static long Micros(DateTimeOffset t) => t.ToUnixTimeMilliseconds() * 1000;

    private static string Base64(string s) => Convert.ToBase64String(Encoding.UTF8.GetBytes(s));
}
