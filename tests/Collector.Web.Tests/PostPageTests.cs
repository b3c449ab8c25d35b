using System.Net;
using System.Text.RegularExpressions;
using Collector.Web.Pages;

namespace Collector.Web.Tests;

/// <summary>A post's life on its page: versions with a word diff, tombstone and proof, metrics, thread, captures.</summary>
public sealed partial class PostPageTests(ServeFixture fixture) : IClassFixture<ServeFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Post_TwoVersions_ShowsWordDiffOfTheEdit()
    {
        using var client = fixture.Client();

        var html = await client.GetStringAsync("/post/reddit/p1", Ct);

        Assert.Contains("Versions (2)", html, StringComparison.Ordinal);
        Assert.Matches(@"<del>brown\s*</del>", html);
        Assert.Matches(@"<ins>red\s*</ins>", html);
        Assert.Matches(@"<del>jumps\s*</del>", html);
        Assert.DoesNotMatch(@"<del>[^<]*quick", html);
    }

    [Fact]
    public async Task Post_Tombstoned_ShowsReasonAndLinksTheProvingCapture()
    {
        using var client = fixture.Client();

        var html = await client.GetStringAsync("/post/reddit/p2", Ct);

        Assert.Contains("class=\"tag gone\">removed", html, StringComparison.Ordinal);
        Assert.Contains("class=\"proof\" href=\"/capture/c3\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Observations_DrawnOnePointPerObservation()
    {
        using var client = fixture.Client();

        var html = await client.GetStringAsync("/post/reddit/p1", Ct);

        var likes = LikesLine().Match(html);
        Assert.True(likes.Success, "a likes line");
        Assert.Equal(2, likes.Groups["points"].Value.Split(' ').Length);
    }

    [Fact]
    public async Task Post_Thread_LinksParentAndReplies()
    {
        using var client = fixture.Client();

        var reply = await client.GetStringAsync("/post/reddit/p3", Ct);
        var parent = await client.GetStringAsync("/post/reddit/p1", Ct);

        Assert.Contains("class=\"parent\" href=\"/post/reddit/p1\"", reply, StringComparison.Ordinal);
        Assert.Contains("class=\"reply\" href=\"/post/reddit/p3\"", parent, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ListsEveryCaptureThatSawIt()
    {
        using var client = fixture.Client();

        var html = await client.GetStringAsync("/post/reddit/p1", Ct);

        Assert.Contains("href=\"/capture/c1\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/capture/c2\"", html, StringComparison.Ordinal);
        Assert.Contains("Captures that saw it (2)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Unknown_404()
    {
        using var client = fixture.Client();

        using var response = await client.GetAsync("/post/reddit/nope", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void WordDiff_MarkupInText_EncodedInsideDelAndIns()
    {
        var html = WordDiff.Render("say <b>hi</b> now", "say <i>bye</i> now").Value;

        Assert.Contains("<del>&lt;b&gt;hi&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<ins>&lt;i&gt;bye&lt;/i&gt;", html, StringComparison.Ordinal);
        Assert.StartsWith("say ", html, StringComparison.Ordinal);
        Assert.EndsWith("now", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("<polyline class=\"metric likes\"[^>]*points=\"(?<points>[^\"]+)\"")]
    private static partial Regex LikesLine();
}
