using Collector.Model;
using Collector.Parsers.Common;

namespace Collector.Parsers.Platforms.Quora;

/// <summary>
/// Quora question pages, profile answer tabs and the older answer feeds. The server sends its data as inline query
/// payloads (read by scanning, no DOM); rendered captures are read from their answer cards. Answers are
/// <c>kind: answer</c> with the question as parent.
/// </summary>
public sealed class QuoraParser : PlatformParser
{
    public override string Platform => PlatformKeys.Quora;

    public override bool Handles(Uri url) => Hosts.IsAny(url, "quora.com");

    protected override IReadOnlyList<string> CanonicalOrigins { get; } = ["https://www.quora.com"];

    protected override ParseResult ParseCore(PageInput page)
    {
        var html = page.Body;
        var posts = QuoraPayloadReader.Read(QuoraInlinePayloads.Find(html), page.Url);
        var source = "inline query payloads";
        var fromCards = new HashSet<string>(StringComparer.Ordinal);
        if (!posts.Any(p => p.Kind == PostKinds.Answer)
            && (html.Contains("spacing_log_answer", StringComparison.Ordinal) || html.Contains("answer_permalink", StringComparison.Ordinal)))
        {
            var cards = QuoraCardReader.Read(HtmlPage.Parse(html), page.Url);
            var added = cards.Where(c => posts.All(p => p.Id != c.Id)).ToList();
            posts.AddRange(added);
            fromCards.UnionWith(added.Select(c => c.Id));
            source = "rendered answer cards";
        }

        var subject = Subject(page.Url, posts);
        if (posts.Count == 0)
        {
            if (PageSignals.Detect(page) is { } signal)
            {
                return Classified(signal.Outcome, signal.Reason, subject);
            }

            if (html.Contains("ansFrontendGlobals", StringComparison.Ordinal))
            {
                return html.Contains("no answers yet", StringComparison.OrdinalIgnoreCase)
                    ? Found([], [], subject, "question without answers")
                    : Classified(PageOutcome.Unrecognized, "Quora page without answer payloads or answer cards", subject) with { NeedsBrowser = !page.Rendered };
            }

            return Classified(PageOutcome.Unrecognized, "no Quora payloads or answer markup", subject);
        }

        return QuoraFieldPaths.Record(Found(PostEnricher.EnrichAll(posts, HostLanguage(page.Url)), [], subject, "from " + source), fromCards);
    }

    private static PostKey? Subject(Uri url, List<Post> posts)
    {
        var path = QuoraIds.PathId(url.AbsoluteUri);
        if (path is null || path.StartsWith("profile/", StringComparison.Ordinal) || path.StartsWith("topic/", StringComparison.Ordinal))
        {
            return null;
        }

        return posts.Any(p => p.Id == path) || path.Contains("/answer", StringComparison.Ordinal) || !path.Contains('/', StringComparison.Ordinal)
            ? new PostKey(PlatformKeys.Quora, path)
            : null;
    }

    /// <summary>Quora's language sites (es.quora.com ...); jp.quora.com is Japanese.</summary>
    private static string? HostLanguage(Uri url)
    {
        var first = url.Host.Split('.')[0];
        return first switch
        {
            "www" or "quora" => null,
            "jp" => "ja",
            _ when first.Length == 2 => first,
            _ => null,
        };
    }
}
