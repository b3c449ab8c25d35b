using System.Globalization;
using System.Text;
using Collector.Model;
using Collector.Simulator.Hosting;
using Collector.Simulator.World;
using static System.Net.WebUtility;

namespace Collector.Simulator.Sites.Reddit;

/// <summary>
/// New Reddit (shreddit) server HTML: a subreddit feed of <c>&lt;shreddit-post&gt;</c> cards whose last card carries
/// <c>more-posts-cursor</c> (base64 of the last fullname) and a lazy <c>faceplate-partial</c> for the next page; a post page
/// with <c>&lt;shreddit-post&gt;</c>, its body in <c>div#t3_&lt;id&gt;-post-rtjson-content</c>, and a
/// <c>shreddit-comment-tree</c> of nested <c>&lt;shreddit-comment&gt;</c> elements.
/// </summary>
public static class RedditHtml
{
    public static string Cursor(SimPost post) => Convert.ToBase64String(Encoding.UTF8.GetBytes("t3_" + post.Id));

    public static string? DecodeCursor(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            return text.StartsWith("t3_", StringComparison.Ordinal) ? text[3..] : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static string Feed(SimContext sim, string sub, IReadOnlyList<SimPost> page, bool more)
    {
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<shreddit-feed reload-url=\"/svc/shreddit/community-more-posts/new/?name={sub}\" class=\"nd:visible\">\n");
        body.Append(FeedItems(sim, sub, page, more, 0));
        body.Append("</shreddit-feed>\n");
        return Page($"r/{sub}", sim.Url(SimPlatform.Reddit, $"/r/{sub}/"), body.ToString());
    }

    /// <summary>The cards of one feed page (also the body of the community-more-posts partial).</summary>
    public static string FeedItems(SimContext sim, string sub, IReadOnlyList<SimPost> page, bool more, int feedIndex)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < page.Count; i++)
        {
            var cursor = more && i == page.Count - 1 ? Cursor(page[i]) : null;
            sb.Append(CultureInfo.InvariantCulture, $"<article class=\"w-full m-0\" aria-label=\"{HtmlEncode(page[i].Title)}\">\n");
            sb.Append(PostElement(sim, page[i], "SubredditFeed", feedIndex + i, cursor));
            sb.Append("</article>\n<hr class=\"border-0 border-b-sm border-solid border-b-neutral-border-weak\" />\n");
        }

        if (more && page.Count > 0)
        {
            var src = HtmlEncode($"/svc/shreddit/community-more-posts/new/?after={Cursor(page[^1])}&name={sub}&feedLength={feedIndex + page.Count}");
            sb.Append(CultureInfo.InvariantCulture, $"<faceplate-partial loading=\"lazy\" src=\"{src}\" name=\"community-more-posts\"><span slot=\"loading\">Loading more posts</span></faceplate-partial>\n");
        }

        return sb.ToString();
    }

    public static string PostPage(SimContext sim, WorldState state, SimPost post)
    {
        var sb = new StringBuilder();
        sb.Append("<main id=\"main-content\">\n");
        sb.Append(PostElement(sim, post, "CommentsPage", null, null));
        var total = state.CountDescendants(SimPlatform.Reddit, post.Id);
        sb.Append(CultureInfo.InvariantCulture, $"<shreddit-comment-tree id=\"comment-tree\" post-id=\"t3_{post.Id}\" totalcomments=\"{total}\" permalink=\"{RedditFormat.Permalink(post)}\">\n");
        foreach (var comment in state.Replies(SimPlatform.Reddit, post.Id))
        {
            AppendComment(sb, state, post, comment, 0);
        }

        sb.Append("</shreddit-comment-tree>\n</main>\n");
        return Page($"{post.Title} : r/{post.Community}", sim.Url(SimPlatform.Reddit, RedditFormat.Permalink(post)), sb.ToString());
    }

    /// <summary>The comment tree alone, as /svc/shreddit/comments/… serves it to the page's script.</summary>
    public static string CommentTreePartial(WorldState state, SimPost post)
    {
        var sb = new StringBuilder();
        foreach (var comment in state.Replies(SimPlatform.Reddit, post.Id))
        {
            AppendComment(sb, state, post, comment, 0);
        }

        return sb.ToString();
    }

    private static string PostElement(SimContext sim, SimPost post, string viewContext, int? feedIndex, string? cursor)
    {
        var state = sim.World.State;
        var account = state.Account(SimPlatform.Reddit, post.AuthorHandle);
        var image = RedditFormat.ImageUrl(sim, post);
        var permalink = RedditFormat.Permalink(post);
        var contentHref = image ?? sim.Url(SimPlatform.Reddit, permalink);
        var sb = new StringBuilder();
        sb.Append("<shreddit-post\n    class=\"block relative cursor-pointer bg-neutral-background xs:rounded-[16px] px-md py-2xs my-2xs nd:visible\"\n");
        sb.Append(CultureInfo.InvariantCulture, $"    permalink=\"{permalink}\" content-href=\"{HtmlEncode(contentHref)}\"\n");
        sb.Append(CultureInfo.InvariantCulture, $"    view-context=\"{viewContext}\" comment-count=\"{state.CountDescendants(SimPlatform.Reddit, post.Id)}\" vote-type=\"\"\n");
        if (feedIndex is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $"    feedIndex=\"{feedIndex}\"\n");
        }

        if (cursor is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $"    more-posts-cursor=\"{cursor}\"\n");
        }

        sb.Append(CultureInfo.InvariantCulture, $"    created-timestamp=\"{RedditFormat.ShredditTime(post.PublishedAt)}\" domain=\"{(image is null ? "self." + post.Community : new Uri(image).Authority)}\" id=\"t3_{post.Id}\"\n");
        sb.Append(CultureInfo.InvariantCulture, $"    post-title=\"{HtmlEncode(post.Title)}\" post-language=\"{post.Language}\"\n");
        sb.Append(CultureInfo.InvariantCulture, $"    post-type=\"{(image is null ? "text" : "image")}\" score=\"{post.Score}\"\n");
        sb.Append(CultureInfo.InvariantCulture, $"    subreddit-id=\"{RedditFormat.SubredditId(post.Community)}\" subreddit-prefixed-name=\"r/{post.Community}\"\n");
        sb.Append(CultureInfo.InvariantCulture, $"    author-id=\"{(post.IsLive ? account?.AccountId : string.Empty)}\" author=\"{HtmlEncode(RedditFormat.Author(post))}\"\n");
        sb.Append(CultureInfo.InvariantCulture, $"    subreddit-name=\"{post.Community}\"\n  >\n");
        sb.Append(CultureInfo.InvariantCulture, $"  <a slot=\"full-post-link\" href=\"{permalink}\"></a>\n");
        sb.Append(CultureInfo.InvariantCulture, $"  <a slot=\"title\" id=\"post-title-t3_{post.Id}\" href=\"{permalink}\">{HtmlEncode(post.Title)}</a>\n");
        if (image is not null && post.IsLive)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  <div slot=\"post-media-container\"><img class=\"media-lightbox-img\" src=\"{HtmlEncode(image)}\" alt=\"{HtmlEncode(post.Title)}\"></div>\n");
        }

        var text = post.State switch
        {
            SimPostState.Deleted => "Sorry, this post was deleted by the person who originally posted it.",
            SimPostState.Removed => $"Sorry, this post has been removed by the moderators of r/{post.Community}.",
            _ => post.Text,
        };
        if (text.Length > 0)
        {
            sb.Append("  <div class=\"text-neutral-content\" slot=\"text-body\">\n");
            sb.Append(CultureInfo.InvariantCulture, $"    <div id=\"t3_{post.Id}-post-rtjson-content\" class=\"md text-14\">{Paragraphs(text)}</div>\n  </div>\n");
        }

        sb.Append("</shreddit-post>\n");
        return sb.ToString();
    }

    private static void AppendComment(StringBuilder sb, WorldState state, SimPost post, SimPost comment, int depth)
    {
        var parent = depth == 0 ? string.Empty : $" parentid=\"t1_{comment.ParentId}\"";
        var time = RedditFormat.ShredditTime(comment.PublishedAt);
        sb.Append(CultureInfo.InvariantCulture, $"<shreddit-comment author=\"{HtmlEncode(RedditFormat.Author(comment))}\" thingid=\"t1_{comment.Id}\" depth=\"{depth}\"{parent} postid=\"t3_{post.Id}\" permalink=\"/r/{post.Community}/comments/{post.Id}/comment/{comment.Id}/\" score=\"{comment.Score}\" created=\"{time}\" content-type=\"text\">\n");
        sb.Append(CultureInfo.InvariantCulture, $"  <div slot=\"commentMeta\"><a href=\"/user/{HtmlEncode(RedditFormat.Author(comment))}/\">{HtmlEncode(RedditFormat.Author(comment))}</a> <faceplate-timeago ts=\"{comment.PublishedAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}\"><time datetime=\"{comment.PublishedAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}\"></time></faceplate-timeago></div>\n");
        sb.Append(CultureInfo.InvariantCulture, $"  <div id=\"t1_{comment.Id}-comment-rtjson-content\" slot=\"comment\" class=\"md\">{Paragraphs(RedditFormat.Body(comment))}</div>\n");
        foreach (var reply in state.Replies(SimPlatform.Reddit, comment.Id))
        {
            AppendComment(sb, state, post, reply, depth + 1);
        }

        sb.Append("</shreddit-comment>\n");
    }

    private static string Paragraphs(string text) =>
        string.Concat(text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(p => $"<p>{HtmlEncode(p)}</p>"));

    private static string Page(string title, string canonical, string body) => $$"""
        <!DOCTYPE html>
        <html lang="en-US" class="theme-beta">
        <head>
        <meta charset="utf-8">
        <title>{{HtmlEncode(title)}}</title>
        <link rel="canonical" href="{{HtmlEncode(canonical)}}">
        <meta property="og:site_name" content="Reddit">
        <meta property="og:title" content="{{HtmlEncode(title)}}">
        </head>
        <body>
        <shreddit-app routename="{{(body.Contains("CommentsPage", StringComparison.Ordinal) ? "post_page" : "community")}}" pagetype="{{(body.Contains("CommentsPage", StringComparison.Ordinal) ? "post_detail" : "community")}}">
        {{body}}
        </shreddit-app>
        <script>
        // faceplate-partial loading="lazy": fetch the next feed page when it scrolls into view and put it in its place.
        (function () {
          const load = p => fetch(p.getAttribute('src')).then(r => r.text()).then(html => {
            const t = document.createElement('template'); t.innerHTML = html; p.replaceWith(t.content); watch();
          });
          const io = new IntersectionObserver(es => es.forEach(e => { if (e.isIntersecting) { io.unobserve(e.target); load(e.target); } }));
          function watch() { document.querySelectorAll('faceplate-partial[loading=lazy]').forEach(p => io.observe(p)); }
          watch();
        })();
        </script>
        </body>
        </html>
        """;
}
