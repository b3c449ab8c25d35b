using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization;
using Collector.Model;

namespace Collector.Storage.Export;

/// <summary>What the archive adds to a post on a JSONL line (<see cref="PostExporter.ToJson"/>).</summary>
public sealed record ArchiveFacts(DateTimeOffset FirstSeen, DateTimeOffset LastSeen, int VersionCount, Tombstone? Tombstone, bool Imported, IReadOnlyList<string> Sources)
{
    public static ArchiveFacts Of(ArchivedPost a) => new(a.FirstSeen, a.LastSeen, a.VersionCount, a.Tombstone, a.Imported, a.Sources);
}

/// <summary>
/// The JSON Schema (2020-12) of the normalized post as JSONL exports write it, generated from the types themselves
/// (<see cref="Post"/> and <see cref="ArchiveFacts"/> through System.Text.Json's schema exporter with Collector's JSON
/// options), with what the types cannot say added: UTC times, the text's whitespace form, lower-case platform keys.
/// <c>model/post.schema.json</c> is this schema; a test keeps the file equal to it.
/// </summary>
public static class PostJsonSchema
{
    public const string Id = "https://collector.example/model/post.schema.json";

    /// <summary>JSONL leaves the computed <see cref="Post.Key"/> out (platform and id are already there).</summary>
    public const string OmittedKey = "key";

    public static JsonObject Generate()
    {
        var options = new JsonSerializerOptions(CollectorJson.Options) { RespectNullableAnnotations = true, NumberHandling = JsonNumberHandling.Strict };
        var exporter = new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true, TransformSchemaNode = Refine };
        var post = JsonSchemaExporter.GetJsonSchemaAsNode(options, typeof(Post), exporter).AsObject();
        var facts = JsonSchemaExporter.GetJsonSchemaAsNode(options, typeof(ArchiveFacts), exporter).AsObject();

        var properties = post["properties"]!.AsObject();
        properties.Remove(OmittedKey);
        foreach (var (name, schema) in facts["properties"]!.AsObject().ToList())
        {
            properties[name] = schema!.DeepClone();
        }

        var schemaRoot = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = Id,
            ["title"] = "Collector normalized post (one JSONL export line)",
            ["description"] = "A post as every parser produces it (camelCase; unknown values null, never 0 or empty), plus what the archive knows of it "
                + "(firstSeen, lastSeen, versionCount, tombstone, imported, sources), present on export lines. Generated from the code: "
                + "storage/Collector.Storage/Export/PostJsonSchema.cs.",
            ["type"] = "object",
            ["properties"] = properties.DeepClone(),
            ["required"] = post["required"]?.DeepClone() ?? new JsonArray("platform", "id"),
            ["additionalProperties"] = false,
        };
        return schemaRoot;
    }

    public static string GenerateText() =>
        Generate().ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";

    private static JsonNode Refine(JsonSchemaExporterContext context, JsonNode schema)
    {
        var type = context.TypeInfo.Type;
        var property = context.PropertyInfo?.Name;
        if (type == typeof(DateTimeOffset) || type == typeof(DateTimeOffset?))
        {
            var time = new JsonObject { ["type"] = "string", ["format"] = "date-time", ["pattern"] = "Z$", ["description"] = "UTC, ISO-8601, ending in Z" };
            return type == typeof(DateTimeOffset) ? time : Nullable(time);
        }

        if (schema is JsonObject o && context.PropertyInfo is { DeclaringType: var declaring } && declaring == typeof(Post))
        {
            switch (property)
            {
                case "platform":
                    o["pattern"] = "^[a-z0-9][a-z0-9-]*$";
                    o["description"] = "lower-case platform key: " + string.Join(", ", Platforms.All) + " (imports may bring others)";
                    break;
                case "id":
                    o["minLength"] = 1;
                    break;
                case "kind":
                    o["description"] = "one of " + string.Join(", ", PostKinds.All) + " (imports may bring others)";
                    break;
                case "text":
                    o["pattern"] = PostText.Pattern;
                    o["description"] = "whitespace-normalized: paragraphs apart by exactly one blank line (\\n\\n), line breaks inside a paragraph \\n, "
                        + "every other whitespace run one space, nothing leading or trailing";
                    break;
            }
        }

        if (schema is JsonObject obj && obj["properties"] is JsonObject && type != typeof(Post) && type != typeof(ArchiveFacts))
        {
            obj["additionalProperties"] = false;
        }

        return schema;
    }

    private static JsonObject Nullable(JsonObject schema)
    {
        schema["type"] = new JsonArray("string", "null");
        return schema;
    }
}
