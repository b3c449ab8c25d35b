using System.Net;
using Collector.Model;
using Collector.Parsers.Common;
using Collector.Parsers.Layers;

namespace Collector.Parsers.Platforms.Bluesky;

/// <summary>The noscript summary bsky.app serves with every post/profile page (<c>#bsky_post_text</c>, <c>#bsky_handle</c>, …).</summary>
internal static class BlueskyPageReader
{
    public static ParseResult Read(PageInput page, BlueskyParser parser)
    {
        var html = page.Body;
        var meta = MetaTags.Read(html);
        var handle = Field(html, "bsky_handle");
        var did = Field(html, "bsky_did");
        var name = Field(html, "bsky_display_name");
        var author = handle is null && did is null ? null : new Author { Id = did, Handle = handle, Name = name, Url = $"https://bsky.app/profile/{handle ?? did}" };
        var atUri = meta.Links("alternate").FirstOrDefault(l => l.StartsWith("at://", StringComparison.Ordinal));
        var segments = page.Url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var rkey = segments.Length >= 4 && segments[2] == "post" ? segments[3] : null;
        if (atUri is null && did is not null && rkey is not null)
        {
            atUri = $"at://{did}/app.bsky.feed.post/{rkey}";
        }

        var text = Field(html, "bsky_post_text");
        if (atUri is not null && (text is not null || html.Contains("bsky_post_summary", StringComparison.Ordinal)))
        {
            var post = PostEnricher.Enrich(new Post
            {
                Platform = PlatformKeys.Bluesky,
                Id = atUri,
                Url = BlueskyParser.PostUrl(handle, atUri),
                Author = author,
                PublishedAt = Times.Parse(Field(html, "bsky_post_indexedat")) ?? Times.Parse(PostedAt(meta)),
                Text = text,
                Media = meta.GetAll("og:image").Where(i => !i.Contains("/avatar/", StringComparison.Ordinal)).Select(i => new Media { Type = "image", Url = i }).ToList(),
            });
            var thread = html.Contains(BlueskyThreadDomReader.Marker, StringComparison.Ordinal) ? BlueskyThreadDomReader.Read(html, page.Url) : [];
            var replies = thread.Where(p => p.Id != post.Id && !(p.Url == post.Url)).Select(p => p.RootId is null ? p : p with { RootId = post.Id }).ToList();
            return BlueskyFieldPaths.RecordPage(
                parser.Result([post, .. replies], [], post.Key)
                    .ReadBy(p => p == post ? ParseLayers.At(ParseLayers.Dom, "noscript #bsky_post_text") : ParseLayers.At(ParseLayers.Dom, "[data-testid^=postThreadItem-by-]")),
                post.Id);
        }

        if (html.Contains(BlueskyThreadDomReader.Marker, StringComparison.Ordinal) && BlueskyThreadDomReader.Read(html, page.Url) is { Count: > 0 } rendered)
        {
            return BlueskyFieldPaths.RecordPage(parser.Result(rendered, [], rendered[0].RootId is null ? rendered[0].Key : null).ReadBy(ParseLayers.At(ParseLayers.Dom, "[data-testid^=postThreadItem-by-]")), null);
        }

        if (did is not null && html.Contains("bsky_profile_summary", StringComparison.Ordinal))
        {
            var bio = Field(html, "bsky_profile_description");
            var profile = PostEnricher.Enrich(new Post
            {
                Platform = PlatformKeys.Bluesky,
                Id = did,
                Url = $"https://bsky.app/profile/{handle ?? did}",
                Kind = PostKinds.Profile,
                Author = author,
                Title = name,
                Text = bio,
            });
            return BlueskyFieldPaths.RecordPage(parser.Result([profile], [], profile.Key), null);
        }

        // The head's AT URI (with the DID the full page keys the post by) when the page has one, else the URL's handle form.
        PostKey? subject = atUri is not null && rkey is not null && atUri.EndsWith("/" + rkey, StringComparison.Ordinal) ? new PostKey(PlatformKeys.Bluesky, atUri)
            : rkey is not null && segments.Length > 1 ? new PostKey(PlatformKeys.Bluesky, $"at://{segments[1]}/app.bsky.feed.post/{rkey}") : null;
        if (PageSignals.Detect(page) is { } signal)
        {
            return parser.Result(signal.Outcome, signal.Reason, subject);
        }

        return PageSignals.IsScriptShell(html) && !html.Contains("<noscript", StringComparison.OrdinalIgnoreCase)
            ? new ParseResult { Classification = PageOutcome.Empty, NeedsBrowser = true, Reason = "JavaScript shell without a noscript summary", Platform = parser.Platform, Subject = subject }
            : parser.Result(PageOutcome.Unrecognized, "no bsky_post_summary/bsky_profile_summary in the page", subject);
    }

    private static string? PostedAt(MetaTags meta)
    {
        for (var i = 1; i <= 4; i++)
        {
            if (meta.Get($"twitter:label{i}") == "Posted At")
            {
                return meta.Get($"twitter:value{i}");
            }
        }

        return null;
    }

    /// <summary>The text of the element with the id (<c>&lt;p id="bsky_handle"&gt;…&lt;/p&gt;</c>), entities decoded.</summary>
    private static string? Field(string html, string id)
    {
        var at = html.IndexOf("id=\"" + id + "\"", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var start = html.IndexOf('>', at);
        var end = start < 0 ? -1 : html.IndexOf("</", start, StringComparison.Ordinal);
        return start < 0 || end < 0 ? null : TextNormalizer.Normalize(WebUtility.HtmlDecode(html[(start + 1)..end]));
    }
}
