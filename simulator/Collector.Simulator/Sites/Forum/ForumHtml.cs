using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Collector.Model;
using Collector.Simulator.Hosting;
using Collector.Simulator.World;
using static System.Net.WebUtility;

namespace Collector.Simulator.Sites.Forum;

/// <summary>
/// A generic forum and blog as the bench site (gen_site.py) builds them: listing pages of <c>a.post-link</c> with
/// <c>a[rel=next]</c>; post pages carrying schema.org DiscussionForumPosting / BlogPosting JSON-LD with the comments as a
/// JSON-LD <c>comment</c> array, and the same facts in the visible article.
/// </summary>
public static class ForumHtml
{
    public static string PostPath(SimPost post) => post.Community == "blog" ? $"/blog/{post.Id}.html" : $"/t/{post.Id}.html";

    public static string ListingPath(string section, int page) =>
        (section == "blog" ? "/blog/" : $"/forum/{section}/") + (page > 1 ? $"page/{page}/" : string.Empty);

    public static string Listing(SimContext sim, string section, IReadOnlyList<SimPost> items, int page, bool more, bool withPrivateLink)
    {
        var sb = new StringBuilder();
        sb.Append("<main><ol class=\"listing\">\n");
        foreach (var post in items)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<li><a class=\"post-link\" href=\"{PostPath(post)}\">{HtmlEncode(post.Title)}</a> <span class=\"byline\">by {HtmlEncode(post.AuthorHandle)}</span></li>\n");
        }

        if (withPrivateLink)
        {
            sb.Append("<li><a class=\"post-link\" href=\"/private/members-only.html\">Members only: moderators' notes</a></li>\n");
        }

        sb.Append("</ol>\n");
        if (more)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<a rel=\"next\" href=\"{ListingPath(section, page + 1)}\">next</a>\n");
        }

        sb.Append("</main>");
        var title = section == "blog" ? "East and West Review blog" : $"Forum: {section} (page {page})";
        return Document(title, sim.Url(SimPlatform.Forum, ListingPath(section, page)), null, sb.ToString());
    }

    public static string PostPage(SimContext sim, WorldState state, SimPost post)
    {
        var comments = state.Replies(SimPlatform.Forum, post.Id).Where(c => c.IsLive).ToList();
        var url = sim.Url(SimPlatform.Forum, PostPath(post));
        var ld = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = post.Kind == PostKinds.Article ? "BlogPosting" : "DiscussionForumPosting",
            ["identifier"] = post.Id,
            ["url"] = url,
            ["headline"] = post.Title,
            ["text"] = post.Text,
            ["inLanguage"] = post.Language,
            ["datePublished"] = Iso(post.PublishedAt),
            ["author"] = Person(sim, post.AuthorHandle),
            ["commentCount"] = comments.Count,
            ["comment"] = new JsonArray([.. comments.Select(c => (JsonNode)new JsonObject
            {
                ["@type"] = "Comment",
                ["identifier"] = c.Id,
                ["text"] = c.Text,
                ["datePublished"] = Iso(c.PublishedAt),
                ["author"] = Person(sim, c.AuthorHandle),
            })]),
        };
        if (post.EditedAt is { } edited)
        {
            ld["dateModified"] = Iso(edited);
        }

        if (post.ImageId is { } image)
        {
            ld["image"] = sim.ImageUrl(image);
        }

        if (post.Link is { } link)
        {
            ld["isBasedOn"] = link;
        }

        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<main id=\"app\"><article data-post-id=\"{post.Id}\">\n<h1>{HtmlEncode(post.Title)}</h1>\n");
        sb.Append(CultureInfo.InvariantCulture, $"<a class=\"author\" href=\"/user/{HtmlEncode(post.AuthorHandle)}\">{HtmlEncode(post.AuthorHandle)}</a>\n<time datetime=\"{Iso(post.PublishedAt)}\">{post.PublishedAt.UtcDateTime:d MMM yyyy HH:mm}</time>\n");
        if (post.ImageId is { } img)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<figure><img src=\"{HtmlEncode(sim.ImageUrl(img))}\" alt=\"{HtmlEncode(post.Title)}\"></figure>\n");
        }

        sb.Append(CultureInfo.InvariantCulture, $"<div class=\"body\">{HtmlEncode(post.Text)}</div>\n<section class=\"comments\">\n");
        foreach (var c in comments)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<div class=\"comment\" data-id=\"{c.Id}\"><b>{HtmlEncode(c.AuthorHandle)}</b> <time datetime=\"{Iso(c.PublishedAt)}\"></time><p>{HtmlEncode(c.Text)}</p></div>\n");
        }

        sb.Append("</section>\n</article></main>");
        var ldText = ld.ToJsonString().Replace("</", "<\\/", StringComparison.Ordinal);
        return Document(post.Title ?? post.Id, url, ldText, sb.ToString());
    }

    public static string Gone(SimContext sim, string path) =>
        Document("Topic not found", sim.Url(SimPlatform.Forum, path), null,
            "<main><h1>Oops! That page doesn't exist or is private.</h1><p>This topic has been deleted.</p></main>");

    private static JsonObject Person(SimContext sim, string handle) =>
        new() { ["@type"] = "Person", ["name"] = handle, ["url"] = sim.Url(SimPlatform.Forum, "/user/" + handle) };

    private static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Document(string title, string canonical, string? jsonLd, string main)
    {
        var ld = jsonLd is null ? string.Empty : $"<script type=\"application/ld+json\">{jsonLd}</script>";
        return $"""
            <!doctype html><html lang="en"><head><meta charset="utf-8">
            <title>{HtmlEncode(title)}</title>
            <link rel="canonical" href="{HtmlEncode(canonical)}">
            <meta property="og:title" content="{HtmlEncode(title)}"><meta property="og:type" content="article">
            {ld}
            </head><body>
            <header><nav><a href="/forum/politics/">Politics</a> <a href="/forum/hobbies/">Hobbies</a> <a href="/blog/">Blog</a></nav></header>
            {main}
            </body></html>
            """;
    }
}
