using AngleSharp.Dom;
using Collector.Model;
using Collector.Parsers.Common;

namespace Collector.Parsers.Platforms.Facebook;

/// <summary>
/// Facebook's mobile/basic HTML (m.facebook.com, mbasic.facebook.com): page posts, group feeds and story permalinks.
/// Each story carries escaped JSON in <c>data-ft</c> (<c>top_level_post_id</c>, <c>content_owner_id_new</c>,
/// <c>original_content_id</c> for shares, <c>page_insights…publish_time</c>); comments are <c>[data-sigil=comment]</c> whose
/// <c>data-store</c> token is "postId_commentId". Visible times are human text only ("12 mths"), so comments carry no time.
/// </summary>
public sealed class FacebookParser : PlatformParser
{
    private static readonly string[] NextPageTexts = ["See more posts", "See More Posts", "See more stories", "See More Stories", "Show more"];

    public override string Platform => PlatformKeys.Facebook;

    public override bool Handles(Uri url) => Hosts.IsAny(url, "facebook.com", "fb.com", "fb.watch");

    protected override IReadOnlyList<string> CanonicalOrigins { get; } = ["https://www.facebook.com", "https://m.facebook.com"];

    protected override ParseResult ParseCore(PageInput page)
    {
        var html = page.Body;
        var subject = Subject(page.Url) ?? (Uri.TryCreate(MetaTags.Read(html).Link("canonical"), UriKind.Absolute, out var canonical) ? Subject(canonical) : null);
        if (!html.Contains("top_level_post_id", StringComparison.Ordinal) && !html.Contains("data-sigil=\"comment\"", StringComparison.Ordinal))
        {
            return Classify(page, subject);
        }

        var document = HtmlPage.Parse(html);
        var posts = new List<Post>();
        var next = new List<FollowLink>();
        foreach (var story in Stories(document))
        {
            if (FacebookStoryReader.Read(story, page.Url) is { } post && posts.All(p => p.Id != post.Id))
            {
                posts.Add(post);
                if (post.Key != subject && post.Url is not null && Uri.TryCreate(post.Url, UriKind.Absolute, out var permalink))
                {
                    next.Add(new FollowLink(permalink, FollowKind.Item));
                }
            }
        }

        foreach (var comment in document.QuerySelectorAll("[data-sigil=comment]"))
        {
            if (FacebookStoryReader.ReadComment(comment) is { } post && posts.All(p => p.Id != post.Id))
            {
                posts.Add(post);
            }
        }

        foreach (var a in document.QuerySelectorAll("a[href]"))
        {
            var text = a.Text();
            var href = a.GetAttribute("href")!;
            if (text is not null && NextPageTexts.Any(t => text.StartsWith(t, StringComparison.Ordinal)) && Urls.Resolve(page.Url, href) is { } more)
            {
                next.Add(new FollowLink(more, FollowKind.NextPage));
            }
            else if (href.Contains("/ajax/ufi.php", StringComparison.Ordinal) || text?.StartsWith("View more comments", StringComparison.Ordinal) == true
                || text?.StartsWith("View previous comments", StringComparison.Ordinal) == true)
            {
                if (subject is not null && Urls.Resolve(page.Url, href) is { } comments && href.Contains(subject.Value.Id, StringComparison.Ordinal))
                {
                    next.Add(new FollowLink(comments, FollowKind.Comments));
                }
            }
        }

        if (posts.Count == 0)
        {
            return Classified(PageOutcome.Unrecognized, "story markers present but no story with top_level_post_id could be read", subject);
        }

        return FacebookFieldPaths.Record(Found(posts, next, subject));
    }

    /// <summary>Story containers: elements whose data-ft names a top-level post, outermost only (a share nests its original).</summary>
    private static IEnumerable<IElement> Stories(IDocument document)
    {
        var all = document.QuerySelectorAll("[data-ft*=top_level_post_id], article[data-store*=top_level_post_id]");
        foreach (var element in all)
        {
            var ancestor = element.ParentElement;
            var nested = false;
            while (ancestor is not null)
            {
                if ((ancestor.GetAttribute("data-ft")?.Contains("top_level_post_id", StringComparison.Ordinal) ?? false)
                    || (ancestor.LocalName == "article" && (ancestor.GetAttribute("data-store")?.Contains("top_level_post_id", StringComparison.Ordinal) ?? false)))
                {
                    nested = true;
                    break;
                }

                ancestor = ancestor.ParentElement;
            }

            if (!nested)
            {
                yield return element;
            }
        }
    }

    private ParseResult Classify(PageInput page, PostKey? subject)
    {
        var body = page.Body;
        if (body.Contains("content isn't available", StringComparison.OrdinalIgnoreCase) || body.Contains("content isn’t available", StringComparison.OrdinalIgnoreCase)
            || body.Contains("This content isn't available", StringComparison.Ordinal))
        {
            return Classified(PageOutcome.Removed, "\"content isn't available\"", subject);
        }

        if (body.Contains("id=\"login_form\"", StringComparison.Ordinal) || body.Contains("You must log in", StringComparison.Ordinal)
            || body.Contains("Log in to continue", StringComparison.OrdinalIgnoreCase) || page.Url.AbsolutePath.StartsWith("/login", StringComparison.Ordinal))
        {
            return Classified(PageOutcome.LoginWall, "Facebook login form", subject);
        }

        if (PageSignals.Detect(page) is { } signal)
        {
            return Classified(signal.Outcome, signal.Reason, subject);
        }

        return Classified(PageOutcome.Unrecognized, "no story (data-ft top_level_post_id) or comment markup", subject);
    }

    /// <summary>story.php?story_fbid=…, /permalink.php?story_fbid=…, /groups/…/permalink/ID/, /PAGE/posts/ID, /PAGE/posts/slug/ID, /PAGE/videos/ID.</summary>
    private static PostKey? Subject(Uri url)
    {
        if (Urls.Query(url, "story_fbid") is { Length: > 0 } story && story.All(char.IsAsciiDigit))
        {
            return new PostKey(PlatformKeys.Facebook, story);
        }

        var segments = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var i = Array.FindIndex(segments, s => s is "permalink" or "posts" or "videos");
        var id = i < 0 ? null : segments.Skip(i + 1).Take(2).FirstOrDefault(s => s.Length > 0 && s.All(char.IsAsciiDigit));
        return id is null ? null : new PostKey(PlatformKeys.Facebook, id);
    }
}
