using Collector.Model;
using Collector.Parsers.Common;

namespace Collector.Parsers.Platforms.Generic;

/// <summary>
/// Any site: schema.org JSON-LD (read by scanning, no DOM), then microdata, then OpenGraph/Twitter-card meta with a
/// readability-style main text. A page with none of these is <c>empty</c> (a listing) and offers its rel=next links and
/// ItemList item URLs; a JavaScript shell is flagged <see cref="ParseResult.NeedsBrowser"/>.
/// </summary>
public sealed class GenericParser : PlatformParser
{
    public override string Platform => PlatformKeys.Generic;

    public override bool Handles(Uri url) => true;

    protected override ParseResult ParseCore(PageInput page)
    {
        if (page.LooksLikeJson)
        {
            return ReadJsonBody(page);
        }

        var html = page.Body;
        var meta = MetaTags.Read(html);
        var ld = PageJsonLd.Of(page);
        var next = new List<FollowLink>();
        next.AddRange(RelLinks.Find(html, page.Url, "next").Select(u => new FollowLink(u, FollowKind.NextPage)));
        next.AddRange(ld.Items);

        IReadOnlyList<Post> posts = ld.Posts;
        var subjectCount = ld.TopLevelPosts;
        var reader = Layers.ParseLayers.JsonLd;
        if (posts.Count == 0 && !page.Rendered && PageSignals.Detect(page) is { } blocked)
        {
            return Classified(blocked.Outcome, blocked.Reason);
        }

        if (posts.Count == 0)
        {
            var document = HtmlPage.Parse(html);
            if (MicrodataReader.MayHave(html))
            {
                posts = MicrodataReader.Read(document, page.Url);
                reader = Layers.ParseLayers.Microdata;
                subjectCount = posts.Count(p => p.ParentId is null);
            }

            if (posts.Count == 0)
            {
                posts = ArticleReader.Read(document, page.Url, meta);
                reader = Layers.ParseLayers.Dom;
                subjectCount = posts.Count > 0 ? 1 : 0;
            }
        }

        if (posts.Count == 0)
        {
            if (PageSignals.Detect(page) is { } signal)
            {
                return Classified(signal.Outcome, signal.Reason);
            }

            var shell = PageSignals.IsScriptShell(html) && !page.Rendered;
            return Found([], next, reason: shell ? "script shell: no content without a browser" : "no structured data or main text") with
            {
                NeedsBrowser = shell,
            };
        }

        var enriched = PostEnricher.EnrichAll(posts, meta.DeclaredLanguage);
        PostKey? subject = subjectCount == 1 ? enriched.First(p => p.ParentId is null).Key : null;
        return GenericFieldPaths.Record(Found(enriched, next, subject), reader);
    }

    private ParseResult ReadJsonBody(PageInput page)
    {
        var ld = JsonLdReader.Read($"<script type=\"application/ld+json\">{page.Body}</script>", page.Url);
        if (ld.Blocks == 0)
        {
            return Classified(PageOutcome.Unrecognized, "JSON body that is not valid JSON");
        }

        return ld.Posts.Count == 0
            ? Classified(PageOutcome.Unrecognized, "JSON body without schema.org posts")
            : GenericFieldPaths.Record(Found(PostEnricher.EnrichAll(ld.Posts), ld.Items), Layers.ParseLayers.JsonLd);
    }
}
