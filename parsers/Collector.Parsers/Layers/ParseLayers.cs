namespace Collector.Parsers.Layers;

/// <summary>
/// The layers a page is read from, best first: a platform's own state JSON, its API JSON (embedded or served raw),
/// schema.org JSON-LD, microdata, the rendered DOM, and OpenGraph/meta for the page's subject as the last resort.
/// A <see cref="ParseResult.ParsedBy"/> value is one of these, optionally followed by ": " and where exactly
/// ("state-json: window._sharedData", "dom: article[data-testid=tweet]").
/// </summary>
public static class ParseLayers
{
    public const string StateJson = "state-json";
    public const string ApiJson = "api-json";
    public const string OEmbed = "oembed";
    public const string JsonLd = "json-ld";
    public const string Microdata = "microdata";
    public const string Dom = "dom";
    public const string Meta = "meta";

    /// <summary>An id a listing names without content (see <see cref="ParseResult.Stubs"/>).</summary>
    public const string Stub = "stub";

    /// <summary>A reader that has not said which layer it read (older readers): the page as the platform parser knows it.</summary>
    public const string Platform = "platform";

    /// <summary>"layer: where".</summary>
    public static string At(string layer, string where) => $"{layer}: {where}";

    /// <summary>The layer part of a <see cref="ParseResult.ParsedBy"/> value.</summary>
    public static string LayerOf(string parsedBy)
    {
        var colon = parsedBy.IndexOf(": ", StringComparison.Ordinal);
        return colon < 0 ? parsedBy : parsedBy[..colon];
    }
}
