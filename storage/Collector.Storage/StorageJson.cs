using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Collector.Model;

namespace Collector.Storage;

/// <summary>
/// <see cref="CollectorJson"/>'s shape for the archive's run records, from compile-time metadata:
/// the same bytes as reflection writes (a test holds them to it), without building each type's metadata at run time.
/// A crawl saves its run record before its first request, so that cost stood in front of every crawl's first page.
/// </summary>
public static class StorageJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T? Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options);

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(CollectorJson.Options)
        {
            TypeInfoResolver = JsonTypeInfoResolver.Combine(StorageJsonContext.Default, CollectorJson.Options.TypeInfoResolver),
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

[JsonSerializable(typeof(RunRecord))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
