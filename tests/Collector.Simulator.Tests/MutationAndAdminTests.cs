using System.Net.Http.Json;
using System.Text.Json;
using Collector.Model;
using Collector.Simulator.Sites.Forum;
using Collector.Simulator.Sites.Reddit;
using Collector.Simulator.World;

namespace Collector.Simulator.Tests;

public sealed class MutationAndAdminTests : IAsyncLifetime
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private SimulatedPlatforms _sim = null!;

    public async ValueTask InitializeAsync() => _sim = await SimulatedPlatforms.StartAsync(new SimulationOptions { Seed = 5, PostsPerCommunity = 8 });

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _sim.DisposeAsync();
    }

    [Fact]
    public async Task AdvanceCycle_PagesShowEditsRemovalsAndNewPosts()
    {
        var report = _sim.AdvanceCycle();
        var state = _sim.World.State;

        var redditDeleted = state.Find(report.Deleted.First(k => k.Platform == Platforms.Reddit))!;
        var marker = redditDeleted.State == SimPostState.Removed ? "[removed]" : "[deleted]";
        if (redditDeleted.Kind == PostKinds.Post)
        {
            var link = await CommentsJsonPostAsync(redditDeleted);
            Assert.Equal(RedditFormat.Deleted, link.GetProperty("author").GetString());
            Assert.Equal(marker, link.GetProperty("selftext").GetString());
        }
        else
        {
            var root = state.Find(SimPlatform.Reddit, redditDeleted.RootId!)!;
            var thread = await _http.TextAsync(_sim.Url(SimPlatform.Reddit, $"/r/{root.Community}/comments/{root.Id}.json?limit=500"));
            var at = thread.IndexOf($"\"id\":\"{redditDeleted.Id}\"", StringComparison.Ordinal);
            Assert.True(at > 0);
            Assert.StartsWith($"\"id\":\"{redditDeleted.Id}\",\"author\":\"[deleted]\"", thread[at..], StringComparison.Ordinal);
            Assert.DoesNotContain(redditDeleted.Text, thread, StringComparison.Ordinal);
        }

        var removedCampaign = report.Deleted.Select(state.Find).FirstOrDefault(p => p?.ChainId is not null)!;
        Assert.Equal("[removed]", (await CommentsJsonPostAsync(removedCampaign)).GetProperty("selftext").GetString());
        var feed = await _http.TextAsync(_sim.Url(SimPlatform.Reddit, $"/r/{removedCampaign.Community}/new.json?limit=100"));
        Assert.DoesNotContain(removedCampaign.Id, feed, StringComparison.Ordinal);

        var forumGone = report.Deleted.Single(k => k.Platform == Platforms.Generic);
        var forumPost = state.Find(forumGone)!;
        if (forumPost.Kind != PostKinds.Comment)
        {
            Assert.Equal(404, await _http.StatusAsync(_sim.Url(SimPlatform.Forum, ForumHtml.PostPath(forumPost))));
        }

        var telegramGone = report.Deleted.Single(k => k.Platform == Platforms.Telegram).Id;
        var channel = await _http.TextAsync(_sim.Url(SimPlatform.Telegram, $"/{telegramGone}"));
        Assert.Contains("Post not found", channel, StringComparison.Ordinal);

        var telegramEdit = state.Find(report.Edited.Single(k => k.Platform == Platforms.Telegram))!;
        var single = Fetch.Html(await _http.TextAsync(_sim.Url(SimPlatform.Telegram, $"/{telegramEdit.Id}")));
        Assert.Equal(telegramEdit.Text, single.QuerySelector(".tgme_widget_message_text")!.TextContent);
        Assert.Contains("Edit:", telegramEdit.Text, StringComparison.Ordinal);

        var newest = report.Added.First(k => k.Platform == Platforms.Reddit);
        var newPost = state.Find(newest)!;
        Assert.Contains(newPost.Id, await _http.TextAsync(_sim.Url(SimPlatform.Reddit, $"/r/{newPost.Community}/new.json?limit=100")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_CycleTruthFaultsRequests_OverHttp()
    {
        var info = await _http.JsonAsync(_sim.AdminUrl.Combine("admin/"));
        Assert.Equal(5, info.GetProperty("seed").GetInt32());
        Assert.Equal(_sim.BaseUrl(SimPlatform.Reddit).AbsoluteUri, info.GetProperty("baseUrls").GetProperty("reddit").GetString());

        using var cycle = await _http.PostAsync(_sim.AdminUrl.Combine("admin/cycle"), null, TestContext.Current.CancellationToken);
        cycle.EnsureSuccessStatusCode();
        Assert.Equal(1, _sim.World.Cycle);

        var truth = await _http.JsonAsync(_sim.AdminUrl.Combine("admin/truth"));
        Assert.Equal(_sim.World.Truth.Chains.Count, truth.GetProperty("chains").GetArrayLength());
        Assert.Equal("shift-worker", truth.GetProperty("shiftWorkers")[0].GetProperty("role").GetString());

        using var add = await _http.PostAsJsonAsync(_sim.AdminUrl.Combine("admin/faults"), new { kind = "service-unavailable", platform = "telegram", count = 1 }, TestContext.Current.CancellationToken);
        Assert.Equal(201, (int)add.StatusCode);
        Assert.Equal(503, await _http.StatusAsync(_sim.Url(SimPlatform.Telegram, "/s/worldbrief")));
        using var bad = await _http.PostAsJsonAsync(_sim.AdminUrl.Combine("admin/faults"), new { kind = "rate-limit", platform = "myspace" }, TestContext.Current.CancellationToken);
        Assert.Equal(400, (int)bad.StatusCode);

        var requests = await _http.JsonAsync(_sim.AdminUrl.Combine("admin/requests?platform=telegram"));
        Assert.Equal(503, requests[0].GetProperty("status").GetInt32());

        using var robots = await _http.PutAsync(_sim.AdminUrl.Combine("admin/robots/reddit"), new StringContent("User-agent: *\nDisallow: /\n"), TestContext.Current.CancellationToken);
        Assert.Equal(204, (int)robots.StatusCode);
        Assert.Equal("User-agent: *\nDisallow: /\n", await _http.TextAsync(_sim.Url(SimPlatform.Reddit, "/robots.txt")));
    }

    [Fact]
    public async Task Start_BadOptions_ListsEveryProblem()
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => SimulatedPlatforms.StartAsync(new SimulationOptions { PostsPerCommunity = 1, PageSize = 0 }));
        Assert.Contains("PostsPerCommunity", e.Message, StringComparison.Ordinal);
        Assert.Contains("PageSize", e.Message, StringComparison.Ordinal);
    }

    private async Task<JsonElement> CommentsJsonPostAsync(SimPost post)
    {
        var json = await _http.JsonAsync(_sim.Url(SimPlatform.Reddit, $"/r/{post.Community}/comments/{post.Id}.json"));
        return json[0].GetProperty("data").GetProperty("children")[0].GetProperty("data");
    }
}

internal static class UriExtensions
{
    public static Uri Combine(this Uri baseUri, string relative) => new(baseUri, relative);
}
