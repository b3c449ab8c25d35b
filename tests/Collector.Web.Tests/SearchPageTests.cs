using System.Net;

namespace Collector.Web.Tests;

/// <summary>The search page over HTTP: words, filters, bad input named, the next-page link.</summary>
public sealed class SearchPageTests(ServeFixture fixture) : IClassFixture<ServeFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Search_Words_FindLatestVersion()
    {
        using var client = fixture.Client();

        var red = await client.GetStringAsync("/?q=red+fox", Ct);
        var brown = await client.GetStringAsync("/?q=brown", Ct);

        Assert.Contains("reddit:p1", red, StringComparison.Ordinal);
        Assert.DoesNotContain("reddit:p1", brown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_DeletedFilter_ShowsOnlyTombstoned()
    {
        using var client = fixture.Client();

        var html = await client.GetStringAsync("/?deleted=yes", Ct);

        Assert.Contains("reddit:p2", html, StringComparison.Ordinal);
        Assert.DoesNotContain("reddit:p1<", html, StringComparison.Ordinal);
        Assert.Contains("tag gone", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_BadDateAndSort_400NamingEachField()
    {
        using var client = fixture.Client();

        using var response = await client.GetAsync("/?from=yesterday-ish&sort=random", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("from: &#x27;yesterday-ish&#x27; is not a date", html, StringComparison.Ordinal);
        Assert.Contains("sort: &#x27;random&#x27;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_Posts_FollowsNextToTheEnd()
    {
        using var client = fixture.Client();
        var keys = new List<string>();
        string? next = null;
        do
        {
            var json = System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync("/api/posts?sort=seen-asc" + (next is null ? "" : "&after=" + next), Ct))!;
            keys.AddRange(json["posts"]!.AsArray().Select(p => (string)p!["id"]!));
            next = (string?)json["next"];
        }
        while (next is not null);

        Assert.Equal(["p1", "p2", "p3"], keys.Order());
    }
}
