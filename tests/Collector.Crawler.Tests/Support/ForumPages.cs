using System.Globalization;
using System.Text.Json;

namespace Collector.Crawler.Tests.Support;

/// <summary>Pages of a small JSON-LD forum (what the generic parser reads): listings of post links and post permalinks.</summary>
public static class ForumPages
{
    public static readonly DateTimeOffset Epoch = new(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);

    public static string Title(int id) => $"Post number {id} about the harbour";

    public static string Author(int id) => $"user{id % 7}";

    public static DateTimeOffset Published(int id) => Epoch.AddHours(id);

    public static string Post(int id)
    {
        var ld = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "DiscussionForumPosting",
            ["identifier"] = $"p{id}",
            ["url"] = $"/post/{id}",
            ["headline"] = Title(id),
            ["text"] = $"Body of post {id}. The harbour was quiet today.",
            ["datePublished"] = Published(id).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["author"] = new Dictionary<string, object> { ["@type"] = "Person", ["name"] = Author(id), ["url"] = $"/user/{Author(id)}" },
        });
        return $"<!doctype html><html><head><meta charset=\"utf-8\"><title>{Title(id)}</title><script type=\"application/ld+json\">{ld}</script></head><body><h1>{Title(id)}</h1></body></html>";
    }

    /// <summary>Listing page <paramref name="page"/> of <paramref name="pages"/>, linking posts page*per+1 .. (page+1)*per.</summary>
    public static string Listing(int page, int pages, int perPage, string postPrefix = "/post/")
    {
        var items = string.Concat(Enumerable.Range((page * perPage) + 1, perPage).Select(i => $"<li><a class=\"post-link\" href=\"{postPrefix}{i}\">{Title(i)}</a></li>"));
        var next = page + 1 < pages ? $"<a rel=\"next\" href=\"/list/{page + 1}\">next</a>" : "";
        return $"<!doctype html><html><head><meta charset=\"utf-8\"><title>Listing {page}</title></head><body><ol>{items}</ol>{next}</body></html>";
    }
}
