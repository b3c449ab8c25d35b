using Collector.Model;
using Collector.Parsers.Layers;

namespace Collector.Parsers.Platforms.Generic;

/// <summary>Where the generic readers take each field (for <c>collector parse --explain</c>; see <see cref="FieldPaths"/>).</summary>
internal static class GenericFieldPaths
{
    /// <summary><see cref="ArticleReader"/>: the page's article (or readability-style main block) and its meta.</summary>
    public static FieldPaths Article { get; } = new(ParseLayers.Dom, "article | the main text block", new Dictionary<string, string>
    {
        ["url"] = "link[rel=canonical] | meta[og:url] | the page URL",
        ["author.handle"] = "[rel=author] | a.author | .author a | [itemprop=author] (its href)",
        ["author.name"] = "[rel=author] | a.author | .author a | [itemprop=author] | meta[author | article:author | twitter:creator]",
        ["publishedAt"] = "meta[article:published_time] | time[datetime]",
        ["title"] = "h1 | meta[og:title | twitter:title] | <title>",
        ["text"] = ".body | .post-body | .entry-content | [itemprop=articleBody] | the block's text",
        ["media"] = "meta[og:image | twitter:image]",
        ["links"] = "a[href] in the block (off this site)",
        ["metrics.comments"] = "the number of .comment[data-id] | [data-comment-id]",
    });

    public static FieldPaths Comment { get; } = new(ParseLayers.Dom, ".comment[data-id] | [data-comment-id]", new Dictionary<string, string>
    {
        ["author.handle"] = ".author | b | strong | [data-author]",
        ["author.name"] = ".author | b | strong | [data-author]",
        ["publishedAt"] = "time[datetime]",
        ["text"] = "p | .text | .body",
        ["parentId"] = "the article",
        ["rootId"] = "the article",
    });

    /// <summary>The generic parser's posts, by the reader that found them.</summary>
    public static ParseResult Record(ParseResult result, string reader) => reader switch
    {
        ParseLayers.JsonLd => StandardFieldPaths.JsonLd.Record(result),
        ParseLayers.Microdata => StandardFieldPaths.Microdata.Record(result),
        _ => Article.Record(Comment.Record(result, p => p.Kind == PostKinds.Comment), p => p.Kind != PostKinds.Comment),
    };
}
