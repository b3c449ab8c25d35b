using System.Text.Json.Serialization;

namespace Collector.Evidence.Wacz;

/// <summary>One line of pages/pages.jsonl (json-pages-1.0): a capture shown as a page.</summary>
public sealed record WaczPage
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("url")] public required string Url { get; init; }
    [JsonPropertyName("ts")] public required string Ts { get; init; }
    [JsonPropertyName("title")] public string? Title { get; init; }
}
