using Collector.Model;
using Collector.Parsers.Layers;

namespace Collector.Parsers.Platforms.Medium;

/// <summary>Where each Medium reader takes each field (for <c>collector parse --explain</c>; see <see cref="FieldPaths"/>).</summary>
internal static class MediumFieldPaths
{
    /// <summary><see cref="MediumApolloReader"/>: a Post entry of the Apollo cache (references resolved, both shapes).</summary>
    public static FieldPaths Article { get; } = new(ParseLayers.StateJson, "window.__APOLLO_STATE__ → Post:<id>", new Dictionary<string, string>
    {
        ["url"] = "mediumUrl | id",
        ["author.id"] = "creator → User:<id>.id",
        ["author.handle"] = "creator → User:<id>.username",
        ["author.name"] = "creator → User:<id>.name",
        ["publishedAt"] = "firstPublishedAt | latestPublishedAt",
        ["title"] = "title | the first H1-H3 paragraph",
        ["text"] = "content({}).bodyModel.paragraphs[].text | previewContent → bodyModel.paragraphs[].text | previewContent.subtitle",
        ["language"] = "<html lang> | detected from title + text",
        ["community"] = "collection → Collection:<id>.(slug | name)",
        ["hashtags"] = "tags[] → Tag:<name>",
        ["metrics.likes"] = "clapCount",
        ["metrics.comments"] = "postResponses.count | responsesCount",
    });

    public static FieldPaths Profile { get; } = new(ParseLayers.StateJson, "window.__APOLLO_STATE__ → User:<id>", new Dictionary<string, string>
    {
        ["url"] = "username",
        ["author.id"] = "id",
        ["author.handle"] = "username",
        ["author.name"] = "name",
        ["title"] = "name",
        ["text"] = "bio",
    });

    /// <summary><see cref="MediumMarkupReader"/>: meta (content= or react-helmet value=), the JSON-LD article, the &lt;article&gt; text.</summary>
    private static readonly Dictionary<string, string> Markup = new()
    {
        ["url"] = "meta[og:url] | link[rel=canonical] | the page URL",
        ["author.handle"] = "meta[article:author] | JSON-LD author.url (/@handle) | meta[twitter:creator]",
        ["author.name"] = "meta[author] | JSON-LD author.name",
        ["publishedAt"] = "JSON-LD datePublished | meta[article:published_time] (or .pw-published-date when earlier)",
        ["title"] = "meta[og:title] | JSON-LD headline",
        ["text"] = "article p, h1-h4, blockquote, pre, li | meta[og:description]",
        ["language"] = "article[lang] | <html lang> | detected from title + text",
        ["links"] = "article a[href] (off medium.com)",
    };

    public static ParseResult RecordApollo(ParseResult result) =>
        Article.Record(Profile.Record(result, p => p.Kind == PostKinds.Profile), p => p.Kind != PostKinds.Profile);

    /// <summary>The markup reader's post, under the layer it was read from ("json-ld: …", "dom: …", "meta: …").</summary>
    public static ParseResult RecordMarkup(ParseResult result, string layer) =>
        new FieldPaths(ParseLayers.LayerOf(layer), "Medium article markup", Markup).Record(result);
}
