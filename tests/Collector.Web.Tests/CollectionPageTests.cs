using Collector.Configuration;
using Collector.Storage;

namespace Collector.Web.Tests;

/// <summary>The collection page: sources with next fire, last outcome and backoff; runs with pages by outcome; the custody head.</summary>
public sealed class CollectionPageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Collection_FailingSourceAndRuns_ShowsBackoffPagesAndHead()
    {
        var data = SmallArchive.Open();
        await using var _ = data;
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 12, 3, 0, TimeSpan.Zero));
        var now = clock.GetUtcNow();
        var started = now.AddMinutes(-30);
        for (var i = 0; i < 3; i++)
        {
            await data.Archive.Runs.SaveAsync(new RunRecord
            {
                Id = "run-f" + i, Source = "forum", StartedAt = started.AddMinutes(i), EndedAt = started.AddMinutes(i).AddSeconds(5), Outcome = RunOutcomes.Failed,
                PagesByOutcome = new Dictionary<string, long> { ["failed"] = 4, ["content"] = 1 }, Errors = ["connection refused"],
            }, Ct);
        }

        var config = new CollectorOptions
        {
            Sources = [new SourceOptions { Name = "forum", Platform = "generic", Targets = ["http://127.0.0.1:1/"], Schedule = "*/10 * * * *" }],
        };
        var options = new ServeOptions { Listen = new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0), Collection = config };
        await using var host = await ServeHost.StartAsync(options, data.Archive, clock);
        await data.FillAsync(host.UiUrl.GetLeftPart(UriPartial.Authority), "http://127.0.0.1:9");
        using var client = new HttpClient { BaseAddress = host.UiUrl };

        var html = await client.GetStringAsync("/collection", Ct);

        var head = await data.Archive.Custody.HeadAsync(Ct);
        Assert.Contains(head!.Hash, html, StringComparison.Ordinal);
        Assert.Contains("3 in a row", html, StringComparison.Ordinal);
        Assert.Contains("2026-03-02 12:10:00Z", html, StringComparison.Ordinal); // next fire of */10 after 12:03
        Assert.Contains("00:20:00 (until", html, StringComparison.Ordinal); // two intervals of ten minutes after the third failure
        Assert.Contains("failed 4, content 1", html, StringComparison.Ordinal);
        Assert.Contains("connection refused", html, StringComparison.Ordinal);
    }
}
