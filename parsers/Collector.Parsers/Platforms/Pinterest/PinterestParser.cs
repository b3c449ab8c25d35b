using System.Text.RegularExpressions;
using Collector.Model;
using Collector.Parsers.Common;

namespace Collector.Parsers.Platforms.Pinterest;

/// <summary>
/// Pinterest pin pages (image, video and story pins), profiles and boards: the embedded JSON state first (no DOM), then
/// the page's meta tags. Media come from pinimg.com. The pin is named by its data, not the canonical link, which can
/// name another pin.
/// </summary>
public sealed partial class PinterestParser : PlatformParser
{
    public override string Platform => PlatformKeys.Pinterest;

    public override bool Handles(Uri url) => Hosts.IsAny(url, "pinterest.com", "pin.it", "pinimg.com")
        || url.Host.Contains(".pinterest.", StringComparison.OrdinalIgnoreCase) || url.Host.StartsWith("pinterest.", StringComparison.OrdinalIgnoreCase);

    protected override IReadOnlyList<string> CanonicalOrigins { get; } = ["https://www.pinterest.com"];

    protected override ParseResult ParseCore(PageInput page)
    {
        var html = page.Body;
        var state = PinterestStateReader.Read(html, page.Url);
        var urlPin = PinIdOf(page.Url.AbsolutePath);
        var meta = MetaTags.Read(html);
        // The app deep links (ios-app://…/pin/<id>) name the pin whose data the page carries, which the URL may not.
        var appPin = meta.Links("alternate").Where(l => l.Contains("-app://", StringComparison.Ordinal)).Select(PinIdOf).FirstOrDefault(id => id is not null);
        var posts = state.Posts;
        var reason = "embedded JSON state";
        if (posts.Count == 0 && urlPin is not null && meta.Get("og:image") is { } image && image.Contains("pinimg.com", StringComparison.Ordinal))
        {
            posts = [FromMeta(appPin ?? urlPin, meta, image)];
            reason = "meta tags only (no embedded state)";
        }

        var pagePin = state.PagePinId ?? appPin ?? urlPin;
        PostKey? subject = pagePin is null ? null : new PostKey(PlatformKeys.Pinterest, pagePin);
        if (posts.Count == 0)
        {
            if (PageSignals.Detect(page) is { } signal)
            {
                return Classified(signal.Outcome, signal.Reason, subject);
            }

            if (state.SawState)
            {
                return urlPin is not null
                    ? Classified(PageOutcome.NotFound, "pin page whose state holds no pin", subject)
                    : Found([], state.Next, reason: "profile or board without pins in its state");
            }

            return Classified(PageOutcome.Unrecognized, "no relay responses, __PWS state or pin meta", subject) with
            {
                NeedsBrowser = !page.Rendered && PageSignals.IsScriptShell(html),
            };
        }

        var canonical = PinIdOf(meta.Link("canonical") ?? string.Empty);
        if (canonical is not null && pagePin is not null && canonical != pagePin)
        {
            reason += $"; canonical link names pin {canonical}, the data is pin {pagePin}";
        }

        // A pin page may also carry related pins: the page's own pin goes first.
        if (pagePin is not null && posts.FindIndex(p => p.Id == pagePin) is > 0 and var at)
        {
            var own = posts[at];
            posts.RemoveAt(at);
            posts.Insert(0, own);
        }

        // <html lang> is the interface language of the Pinterest domain (ru.pinterest.com), not the pin's: detect instead.
        var found = Found(PostEnricher.EnrichAll(posts), state.Next, urlPin is null ? null : subject, reason);
        return state.Posts.Count == 0 ? PinterestFieldPaths.Meta.Record(found) : PinterestFieldPaths.State.Apply(found);
    }

    private static Post FromMeta(string id, MetaTags meta, string image) => new()
    {
        Platform = PlatformKeys.Pinterest,
        Id = id,
        Url = $"https://www.pinterest.com/pin/{id}/",
        Kind = PostKinds.Pin,
        Title = TextNormalizer.OneLine(meta.Get("og:title")),
        Text = TextNormalizer.Normalize(meta.Get("og:description") ?? meta.Get("description")),
        Media = [new Media { Type = meta.Get("og:video") is not null ? "video" : "image", Url = meta.Get("og:video") ?? image }],
        Links = meta.Get("og:see_also") is { } link ? [link] : [],
    };

    /// <summary>The numeric pin id at the end of /pin/&lt;slug--&gt;&lt;id&gt;/.</summary>
    internal static string? PinIdOf(string path)
    {
        var match = PinPath().Match(path);
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex(@"/pin/(?:[^/]*--)?(\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex PinPath();
}
