using System.Runtime.CompilerServices;

namespace Collector.Parsers.Platforms.Generic;

/// <summary>
/// A page's JSON-LD, read once: the generic parser reads it for the page's posts, and the layer completion reads it again
/// to fill the subject's empty fields (for every platform). A page is immutable (a changed copy is a new instance), so
/// what was read for an instance holds for it; the readers only read the result.
/// </summary>
internal static class PageJsonLd
{
    private static readonly ConditionalWeakTable<PageInput, JsonLdReader> Read = [];

    public static JsonLdReader Of(PageInput page) => Read.GetValue(page, static p => JsonLdReader.Read(p.Body, p.Url));
}
