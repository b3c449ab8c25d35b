using Collector.Model;
using Collector.Parsers.Layers;

namespace Collector.Parsers.Platforms.Quora;

/// <summary>Where each Quora reader takes each field (for <c>collector parse --explain</c>; see <see cref="FieldPaths"/>).</summary>
internal static class QuoraFieldPaths
{
    /// <summary><see cref="QuoraPayloadReader"/>: Question and Answer objects anywhere in the inline relay query payloads.</summary>
    public static FieldPaths Answer { get; } = new(ParseLayers.StateJson, "inline query payloads → {__typename: Answer}", new Dictionary<string, string>
    {
        ["url"] = "permaUrl | url | aid",
        ["author.id"] = "author.uid",
        ["author.handle"] = "author.profileUrl",
        ["author.name"] = "author.names[0].(givenName familyName)",
        ["publishedAt"] = "creationTime",
        ["title"] = "question.title",
        ["text"] = "content (rich-text JSON)",
        ["parentId"] = "question.(url | qid)",
        ["rootId"] = "question.(url | qid)",
        ["links"] = "content's link spans",
        ["metrics.likes"] = "numUpvotes",
        ["metrics.views"] = "numViews",
        ["metrics.shares"] = "numShares",
        ["metrics.comments"] = "numDisplayComments",
    });

    public static FieldPaths Question { get; } = new(ParseLayers.StateJson, "inline query payloads → {__typename: Question}", new Dictionary<string, string>
    {
        ["url"] = "url | qid",
        ["title"] = "title (rich-text JSON)",
        ["publishedAt"] = "creationTime",
        ["metrics.comments"] = "answerCount",
    });

    /// <summary><see cref="QuoraCardReader"/>: rendered answer cards, modern (spacing_log hooks) or pre-2017 (feed items).</summary>
    public static FieldPaths Card { get; } = new(ParseLayers.Dom, ".spacing_log_answer_header's card | .feed_item / .AnswerBase / .pagedlist_item", new Dictionary<string, string>
    {
        ["url"] = "header a[href] /answer/ | a.answer_permalink[href]",
        ["author.handle"] = "header a[href*='/profile/'] | a.user[href]",
        ["author.name"] = "header a[href*='/profile/'] | a.user",
        ["publishedAt"] = "the permalink's \"Answered Month d, yyyy\"",
        ["title"] = "a[href] holding .rendered_qtext | a.question_link .rendered_qtext",
        ["text"] = ".spacing_log_answer_content .rendered_qtext | .answer_content .rendered_qtext (last)",
        ["parentId"] = "the question link's path | the answer path's question",
        ["rootId"] = "the question link's path | the answer path's question",
        ["links"] = "the answer body's a[href] (off quora.com)",
    });

    /// <summary>Records each post's paths: card posts (<paramref name="fromCards"/>) by the card reader, the rest by the payload reader.</summary>
    public static ParseResult Record(ParseResult result, IReadOnlySet<string> fromCards)
    {
        result = Card.Record(result, p => fromCards.Contains(p.Id));
        result = Question.Apply(result, p => p.Kind == PostKinds.Question && !fromCards.Contains(p.Id));
        return Answer.Apply(result, p => !fromCards.Contains(p.Id));
    }
}
