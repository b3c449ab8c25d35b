using System.Net;
using System.Text.RegularExpressions;
using Collector.Model;
using Collector.Parsers.Common;

namespace Collector.Parsers.Platforms.Bluesky;

/// <summary>
/// A browser-rendered bsky.app thread: every post is a <c>[data-testid="postThreadItem-by-HANDLE"]</c> with its permalink
/// (<c>/profile/HANDLE/post/RKEY</c>), the author's DID in the avatar URL, the text in <c>div[data-word-wrap]</c> and the
/// counts in <c>likeCount</c>/<c>repostCount</c>/"Reply (N replies)". Times are browser-local text only, so none is read;
/// the nesting of replies is not in the markup, so replies name the thread's root, not their parent. Scanned as text, no DOM.
/// </summary>
internal static partial class BlueskyThreadDomReader
{
    public const string Marker = "data-testid=\"postThreadItem-by-";

    public static List<Post> Read(string html, Uri page)
    {
        var posts = new List<Post>();
        var starts = new List<int>();
        for (var i = html.IndexOf(Marker, StringComparison.Ordinal); i >= 0; i = html.IndexOf(Marker, i + Marker.Length, StringComparison.Ordinal))
        {
            starts.Add(i);
        }

        var segments = page.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var pageRkey = segments.Length >= 4 && segments[2] == "post" ? segments[3] : null;
        string? root = null;
        for (var n = 0; n < starts.Count; n++)
        {
            var end = n + 1 < starts.Count ? starts[n + 1] : Math.Min(html.Length, starts[n] + 200_000);
            var item = html[starts[n]..end];
            var quote = item.IndexOf('"', Marker.Length);
            if (quote < 0)
            {
                break; // the page is cut off inside this item's tag
            }

            var handle = item[Marker.Length..quote];
            var rkey = Permalink().Match(item) is { Success: true } p && p.Groups["handle"].Value == handle ? p.Groups["rkey"].Value : null;
            if (rkey is null && n == 0 && segments.Length >= 2 && segments[1] == handle)
            {
                rkey = pageRkey; // the focal post does not link to itself
            }

            if (rkey is null)
            {
                continue;
            }

            var did = Did().Match(item) is { Success: true } d ? d.Value : null;
            var id = $"at://{did ?? handle}/app.bsky.feed.post/{rkey}";
            if (posts.Any(p => p.Id == id))
            {
                continue; // a saved DOM can hold an item twice (virtualized lists re-rendered while saving)
            }

            root ??= rkey == pageRkey || n == 0 ? id : null;
            var text = Text().Match(item) is { Success: true } t ? HtmlText.ToPlainText(t.Groups[1].Value) : null;
            posts.Add(PostEnricher.Enrich(new Post
            {
                Platform = PlatformKeys.Bluesky,
                Id = id,
                Url = $"https://bsky.app/profile/{handle}/post/{rkey}",
                Kind = id == root ? PostKinds.Post : PostKinds.Comment,
                Author = new Author { Id = did, Handle = handle, Name = Name().Match(item) is { Success: true } nm ? TextNormalizer.OneLine(WebUtility.HtmlDecode(nm.Groups[1].Value).Trim('\u202A', '\u202C', ' ')) : null, Url = $"https://bsky.app/profile/{handle}" },
                Text = text,
                RootId = id == root ? null : root,
                Metrics = new Metrics
                {
                    Likes = Count(item, "likeCount"),
                    Shares = Count(item, "repostCount"),
                    Comments = Replies().Match(item) is { Success: true } r ? Counts.Parse(r.Groups[1].Value) : null,
                },
            }));
        }

        return posts;
    }

    private static long? Count(string item, string testId)
    {
        var at = item.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal);
        var gt = at < 0 ? -1 : item.IndexOf('>', at);
        var lt = gt < 0 ? -1 : item.IndexOf('<', gt);
        return lt < 0 ? null : Counts.Parse(item[(gt + 1)..lt]);
    }

    [GeneratedRegex("""href="/profile/(?<handle>[^"/]+)/post/(?<rkey>[a-z0-9]+)"[^>]*data-tooltip""", RegexOptions.CultureInvariant)]
    private static partial Regex Permalink();

    [GeneratedRegex(@"did:plc:[a-z0-9]{10,40}", RegexOptions.CultureInvariant)]
    private static partial Regex Did();

    [GeneratedRegex("""data-word-wrap="1"[^>]*>(.*?)</div>""", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Text();

    [GeneratedRegex("""aria-label="View profile"[^>]*>([^<@]+)</a>""", RegexOptions.CultureInvariant)]
    private static partial Regex Name();

    [GeneratedRegex(@"aria-label=""Reply \(([\d.,KM]+) repl", RegexOptions.CultureInvariant)]
    private static partial Regex Replies();
}
