using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Collector.Model;

namespace Collector.Storage.Tests;

/// <summary>Run records from compile-time metadata are the bytes reflection writes (a stored run's JSON is sealed by its bytes).</summary>
public sealed class StorageJsonTests
{
    private static readonly JsonSerializerOptions Reflection = new(CollectorJson.Options) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    private static RunRecord Run() => new()
    {
        Id = "01m992923z1b172ks0pdt4djw5",
        Source = "forums \"eu\" 论坛",
        ScheduledAt = new DateTimeOffset(2026, 12, 7, 20, 0, 0, TimeSpan.FromHours(8)),
        StartedAt = new DateTimeOffset(2026, 12, 7, 12, 0, 0, 1, TimeSpan.Zero),
        EndedAt = null,
        Outcome = RunOutcomes.Partial,
        PagesByOutcome = new Dictionary<string, long> { ["content"] = 500, ["empty"] = 25 },
        PostsNew = 5069,
        PostsChanged = 1,
        Errors = ["https://a.example/x: HttpRequestException: reset", "line\nbreak"],
        Node = "node-1",
        ConfigHash = new string('f', 64),
        RobotsOverride = "Crawl-delay not obeyed: own site",
        Coalesced = new CoalescedFires(3, new DateTimeOffset(2026, 12, 7, 1, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 7, 3, 0, 0, TimeSpan.Zero)),
    };

    [Fact]
    public void Serialize_RunRecord_SameBytesAsReflection()
    {
        Assert.Equal(JsonSerializer.Serialize(Run(), Reflection), StorageJson.Serialize(Run()));
        Assert.Equal(JsonSerializer.Serialize(Run() with { Coalesced = null, PagesByOutcome = new Dictionary<string, long>() }, Reflection),
            StorageJson.Serialize(Run() with { Coalesced = null, PagesByOutcome = new Dictionary<string, long>() }));
    }

    [Fact]
    public void Deserialize_StoredRunRecord_RoundTripsToTheSameBytes()
    {
        var json = JsonSerializer.Serialize(Run(), Reflection);

        var back = StorageJson.Deserialize<RunRecord>(json)!;

        Assert.Equal(json, StorageJson.Serialize(back));
        Assert.True(back.Coalesced!.Covers(new DateTimeOffset(2026, 12, 7, 2, 0, 0, TimeSpan.Zero)));
    }
}
