using System.Text.Json;
using Collector.Model;
using Collector.Parsers.Common;

namespace Collector.Parsers.Platforms.Pixiv;

/// <summary>
/// pixiv: artwork pages (<c>meta#meta-preload-data</c>, entity-escaped JSON), the web ajax JSON (<c>{error, message, body}</c>:
/// illust, user, user profile, tag search) and the app API's user detail.
/// </summary>
public sealed class PixivParser : PlatformParser
{
    public override string Platform => PlatformKeys.Pixiv;

    public override bool Handles(Uri url) => Hosts.IsAny(url, "pixiv.net", "pximg.net");

    protected override IReadOnlyList<string> CanonicalOrigins { get; } = ["https://www.pixiv.net"];

    protected override ParseResult ParseCore(PageInput page)
    {
        if (page.LooksLikeJson)
        {
            using var document = JsonRead.TryParse(page.Body);
            return document is null
                ? Classified(PageOutcome.Unrecognized, "body is not valid JSON")
                : PixivFieldPaths.Ajax(PixivAjaxReader.Read(document.RootElement, page.Url, this));
        }

        var preload = PreloadData(page.Body);
        if (preload is null)
        {
            if (PageSignals.Detect(page) is { } signal)
            {
                return Classified(signal.Outcome, signal.Reason, ArtworkSubject(page.Url));
            }

            return page.Body.Contains("id=\"__NEXT_DATA__\"", StringComparison.Ordinal) || PageSignals.IsScriptShell(page.Body)
                ? new ParseResult { Classification = PageOutcome.Empty, NeedsBrowser = true, Reason = "no preload data: the artwork loads by script", Platform = Platform, Subject = ArtworkSubject(page.Url) }
                : Classified(PageOutcome.Unrecognized, "no meta#meta-preload-data on the page", ArtworkSubject(page.Url));
        }

        using var preloadDocument = JsonRead.TryParse(preload);
        if (preloadDocument is null)
        {
            return Classified(PageOutcome.Unrecognized, "meta-preload-data is not valid JSON", ArtworkSubject(page.Url));
        }

        var root = preloadDocument.RootElement;
        var posts = new List<Post>();
        foreach (var illust in root.Properties("illust"))
        {
            if (PixivIllust.Read(illust.Value) is { } post)
            {
                posts.Add(post);
            }
        }

        foreach (var user in root.Properties("user"))
        {
            if (posts.Count == 0 && PixivIllust.Profile(user.Value) is { } profile)
            {
                posts.Add(profile);
            }
        }

        var subject = ArtworkSubject(page.Url) ?? (posts.Count == 1 ? posts[0].Key : null);
        return posts.Count == 0
            ? Classified(PageOutcome.Unrecognized, "preload data holds no illust or user", subject)
            : PixivFieldPaths.Preload(Found(posts, [], subject));
    }

    /// <summary>The decoded content of &lt;meta id="meta-preload-data" content='…'&gt;, scanned without a DOM.</summary>
    internal static string? PreloadData(string html)
    {
        var at = html.IndexOf("meta-preload-data", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var open = html.LastIndexOf("<meta", at, StringComparison.OrdinalIgnoreCase);
        var content = html.IndexOf("content=", open < 0 ? at : open, StringComparison.Ordinal);
        if (open < 0 || content < 0 || content + 9 >= html.Length)
        {
            return null;
        }

        var quote = html[content + 8];
        if (quote is not ('\'' or '"'))
        {
            return null;
        }

        var close = html.IndexOf(quote, content + 9);
        return close < 0 ? null : System.Net.WebUtility.HtmlDecode(html[(content + 9)..close]);
    }

    private static PostKey? ArtworkSubject(Uri url)
    {
        var segments = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var i = Array.FindIndex(segments, s => s is "artworks" or "illust");
        return i >= 0 && i + 1 < segments.Length && segments[i + 1].All(char.IsAsciiDigit)
            ? new PostKey(PlatformKeys.Pixiv, segments[i + 1])
            : null;
    }

    internal ParseResult Result(IReadOnlyList<Post> posts, IReadOnlyList<FollowLink> next, PostKey? subject) => Found(posts, next, subject);

    internal ParseResult Result(PageOutcome outcome, string reason, PostKey? subject = null) => Classified(outcome, reason, subject);
}
