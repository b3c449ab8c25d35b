namespace Collector.Parsers.Layers;

/// <summary>Where the standard layers take each field (see <see cref="FieldPaths"/>): as SchemaOrgNode, MicrodataReader, OpenGraphSubject and OEmbed read them.</summary>
public static class StandardFieldPaths
{
    public static FieldPaths JsonLd { get; } = new(ParseLayers.JsonLd, "script[type=application/ld+json] posting node", new Dictionary<string, string>
    {
        ["url"] = "url | @id",
        ["author"] = "author | creator",
        ["author.handle"] = "author.alternateName | author.url's last segment",
        ["publishedAt"] = "datePublished | dateCreated | uploadDate",
        ["title"] = "headline | name",
        ["text"] = "articleBody | text | description",
        ["language"] = "inLanguage",
        ["parentId"] = "the node that holds it in comment[]",
        ["rootId"] = "the top posting node",
        ["metrics.comments"] = "commentCount | interactionStatistic[CommentAction]",
        ["metrics.likes"] = "interactionStatistic[LikeAction].userInteractionCount",
        ["metrics.shares"] = "interactionStatistic[ShareAction].userInteractionCount",
        ["metrics.views"] = "interactionStatistic[WatchAction|ViewAction].userInteractionCount",
        ["metrics.score"] = "upvoteCount",
        ["media"] = "image | video | associatedMedia",
    });

    public static FieldPaths Microdata { get; } = new(ParseLayers.Microdata, "[itemscope][itemtype] posting element", new Dictionary<string, string>
    {
        ["url"] = "[itemprop=url]",
        ["author"] = "[itemprop=author | creator]",
        ["publishedAt"] = "[itemprop=datePublished | dateCreated]",
        ["title"] = "[itemprop=headline | name]",
        ["text"] = "[itemprop=articleBody | text]",
        ["parentId"] = "the enclosing [itemscope] posting",
        ["rootId"] = "the top [itemscope] posting",
        ["metrics.comments"] = "[itemprop=commentCount]",
    });

    public static FieldPaths Meta { get; } = new(ParseLayers.Meta, null, new Dictionary<string, string>
    {
        ["url"] = "meta[og:url] | link[rel=canonical]",
        ["author.name"] = "meta[og:title | twitter:title] \"Name (@handle)\" | meta[article:author | author]",
        ["author.handle"] = "meta[og:title | twitter:title] \"Name (@handle)\"",
        ["publishedAt"] = "meta[article:published_time | og:published_time]",
        ["title"] = "meta[og:title | twitter:title]",
        ["text"] = "meta[og:description | twitter:description | description]",
        ["language"] = "html[lang] | meta[og:locale]",
        ["media"] = "meta[og:video | og:video:url] | meta[og:image]",
    });

    public static FieldPaths OEmbed { get; } = new(ParseLayers.OEmbed, "oEmbed response", new Dictionary<string, string>
    {
        ["url"] = "html blockquote[cite] | author_url + id",
        ["author.name"] = "author_name",
        ["author.handle"] = "author_url's last segment",
        ["author.url"] = "author_url",
        ["text"] = "title | html's first <p>",
        ["media"] = "thumbnail_url",
        ["publishedAt"] = "the id (no time in oEmbed)",
    });

    /// <summary>The standard layer's paths, by its <see cref="ParseLayers"/> name (null for a platform's own layer).</summary>
    public static FieldPaths? Of(string layer) => ParseLayers.LayerOf(layer) switch
    {
        ParseLayers.JsonLd => JsonLd,
        ParseLayers.Microdata => Microdata,
        ParseLayers.Meta => Meta,
        ParseLayers.OEmbed => OEmbed,
        _ => null,
    };
}
