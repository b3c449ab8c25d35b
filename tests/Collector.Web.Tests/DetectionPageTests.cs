using System.Net;

namespace Collector.Web.Tests;

/// <summary>Detection results from --detect-dir: chains, accounts and network, each evidence post linked to its page; account pages.</summary>
public sealed class DetectionPageTests(DetectionFixture fixture) : IClassFixture<DetectionFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Detect_Index_ListsChainAccountAndEdgeWithLinks()
    {
        using var client = fixture.Client();

        var html = await client.GetStringAsync("/detect", Ct);

        Assert.Contains("1 chains, 1 flagged accounts, 1 network edges", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/chain/chain-1\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/account/reddit/handle_p1\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/account/reddit/handle_p3\"", html, StringComparison.Ordinal);
        Assert.Contains("language-switch", html, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<svg class=\"network\"[\\s\\S]*?<line "));
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(html, "<circle cx="));
    }

    [Fact]
    public async Task Chain_EvidencePost_LeadsToItsPageAndCapture()
    {
        using var client = fixture.Client();

        var chain = await client.GetStringAsync("/chain/chain-1", Ct);
        Assert.Contains("class=\"evidence\" href=\"/post/reddit/p3\"", chain, StringComparison.Ordinal);
        Assert.Contains("Export a case bundle for this chain", chain, StringComparison.Ordinal);

        var post = await client.GetStringAsync("/post/reddit/p3", Ct);
        Assert.Contains("href=\"/capture/c1\"", post, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chain_Bundle_ExportedAndVerified()
    {
        using var client = fixture.Client();

        using var response = await client.PostAsync("/bundle", new FormUrlEncodedContent([new("chain", "chain-1")]), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<p>2 posts,", html, StringComparison.Ordinal);
        Assert.Contains("verdict ok", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Account_Page_DrawsWeekLanguagesAndEvidence()
    {
        using var client = fixture.Client();

        var html = await client.GetStringAsync("/account/reddit/handle_p1", Ct);

        Assert.Contains("1 posts in the archive", html, StringComparison.Ordinal);
        Assert.Equal(168, System.Text.RegularExpressions.Regex.Count(html, "<rect class=\"cell\""));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "data-n=\"1\""));
        Assert.Contains("es → en", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/post/reddit/p1\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_Flagged_ShowsOnlyEvidencePosts()
    {
        using var client = fixture.Client();

        var html = await client.GetStringAsync("/?flagged=1", Ct);

        Assert.Contains(">reddit:p1<", html, StringComparison.Ordinal);
        Assert.Contains(">reddit:p3<", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">reddit:p2<", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chain_Unknown_404()
    {
        using var client = fixture.Client();

        using var response = await client.GetAsync("/chain/nope", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
