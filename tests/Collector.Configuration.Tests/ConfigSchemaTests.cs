using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Collector.Configuration.Tests;

/// <summary>
/// config/collector.schema.json against the code: the same keys with compatible types as the options classes, every
/// config the loader accepts validates, and every config it rejects is rejected by the schema too, at the same place.
/// </summary>
public sealed class ConfigSchemaTests
{
    private static readonly Dictionary<string, string?> NoEnvironment = [];

    private static readonly string SchemaPath = Path.Combine(ConfigLoaderTests.RepoRoot(), "config", "collector.schema.json");

    /// <summary>What the loader checks and a JSON Schema cannot: cron syntax, the time-zone database, unique names, files on disk.</summary>
    private static readonly string[] BeyondASchema = [".schedule", ".timeZone", ".name", ".cookies"];

    public static TheoryData<string> AcceptedConfigs() =>
    [
        File.ReadAllText(Path.Combine(ConfigLoaderTests.RepoRoot(), "config", "collector.json")),
        """
        { "storage": { "uri": "sqlite:./archive/collector.db" },
          "sources": [ { "name": "forum", "platform": "generic", "targets": ["http://127.0.0.1:8000/list/1.html"],
                         "schedule": "0 */6 * * *", "render": "auto", "follow": ["a.post-link", "a[rel=next]"], "maxPages": 500 } ] }
        """,
        """
        { "$schema": "./collector.schema.json", "scheduler": { "cluster": "Host=db;Username=collector;Password=x;Database=collector", "maxBackoff": "6h" },
          "sources": [ { "name": "worldnews", "platform": "reddit", "targets": ["https://www.reddit.com/r/worldnews/new.json?limit=100"],
                         "schedule": "0 */6 * * *", "timeZone": "Asia/Shanghai", "watchWindow": "30d", "jitter": "5m", "render": "http" } ] }
        """,
        """
        { "crawler": { "contact": "lab@example.org", "requestTimeout": 45, "platformRates": { "reddit": 0.5 }, "browser": { "navigationTimeout": "00:00:30" } },
          "evidence": { "timestampAuthorities": ["https://tsa.example/tsr"] },
          "sources": [ { "name": "a", "targets": ["HTTPS://a.example/"], "jitter": null, "watchWindow": "1.12:00:00",
                         "robots": { "obey": false, "overrideReason": "the lab's own test site" }, "proxies": ["socks5://127.0.0.1:1080"] } ] }
        """,
    ];

    public static TheoryData<string> RejectedConfigs() =>
    [
        """{ "sources": [ { "name": "a", "platform": "reddit", "target": "not a url", "schedule": "every tuesday", "bogusKey": 1 } ] }""",
        """
        { "sources": [ { "name": "a", "targets": ["https://a.example/"], "maxPages": "many" },
                       { "name": "b", "targets": ["https://b.example/"], "render": "teleport" } ] }
        """,
        """
        { "crawler": { "maxConcurrency": 0, "perHostConcurrency": 0, "maxConnectionsPerHost": 0 },
          "sources": [ { "name": "a", "targets": ["https://a.example/"] } ] }
        """,
        """
        { "storage": { "uri": "postgres://x" },
          "sources": [ { "name": "a", "targets": ["ftp://files.example/x"], "timeZone": "Mars/Olympus", "robots": { "obey": false } },
                       { "name": "a", "targets": ["https://ok.example/"] } ] }
        """,
        """{ "crawler": { "requestsPerSecond": 0, "platformRates": { "myspace": 1 }, "contact": "two\nlines" }, "sources": [] }""",
        """{ "evidence": { "timestampAuthorities": ["ldap://tsa.example"] }, "sources": [ { "name": " ", "targets": [], "platform": "friendster", "scroll": -1, "concurrency": 0 } ] }""",
        """{ "sources": [ { "name": "a", "targets": ["https://a.example/"], "proxies": ["gopher://p"], "watchWindow": "a fortnight" } ] }""",
    ];

    [Fact]
    public void Schema_Keys_AreExactlyTheOptionsPropertiesWithCompatibleTypes()
    {
        var root = JsonNode.Parse(File.ReadAllText(SchemaPath))!.AsObject();
        var problems = new List<string>();

        Compare(typeof(CollectorOptions), root, root, "$", problems);

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(AcceptedConfigs))]
    public void AcceptedConfig_ValidatesAgainstTheSchema(string json)
    {
        ConfigLoader.Load(json, environment: NoEnvironment);

        var result = Validate(json);

        Assert.True(result.IsValid, string.Join("\n", Errors(result).Select(e => $"{e.Path}: {e.Message}")));
    }

    [Theory]
    [MemberData(nameof(RejectedConfigs))]
    public void RejectedConfig_IsRejectedByTheSchemaAtTheSamePlaces(string json)
    {
        var loader = Assert.Throws<ConfigException>(() => ConfigLoader.Load(json, environment: NoEnvironment));

        var result = Validate(json);

        Assert.False(result.IsValid);
        var schemaPaths = Errors(result).Select(e => e.Path).ToHashSet();
        var missed = loader.Errors.Select(e => e.Path)
            .Where(p => !BeyondASchema.Any(p.EndsWith) && !schemaPaths.Contains(p) && !schemaPaths.Contains(Parent(p)))
            .ToList();
        Assert.True(missed.Count == 0, $"the loader rejects {string.Join(", ", missed)}; the schema says only {string.Join(", ", schemaPaths)}");
    }

    [Fact]
    public void Schema_RobotsOffWithoutReason_IsRejected() =>
        Assert.False(Validate("""{ "sources": [ { "name": "a", "targets": ["https://a.example/"], "robots": { "obey": false } } ] }""").IsValid);

    private static EvaluationResults Validate(string json)
    {
        var schema = JsonSchema.FromText(File.ReadAllText(SchemaPath), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return schema.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
    }

    /// <summary>Every failed check as a loader-style path ($.sources[0].targets) and its message.</summary>
    private static IEnumerable<(string Path, string Message)> Errors(EvaluationResults result) =>
        (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .Select(d => (ToPath(d.InstanceLocation.ToString()), string.Join("; ", d.Errors!.Values)));

    private static string ToPath(string pointer)
    {
        var path = "$";
        foreach (var segment in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            path += int.TryParse(segment, out _) ? $"[{segment}]" : "." + segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
        }

        return path;
    }

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut > 0 ? path[..cut] : "$";
    }

    private static void Compare(Type type, JsonObject schema, JsonObject root, string path, List<string> problems)
    {
        var properties = schema["properties"]?.AsObject() ?? [];
        var names = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).ToDictionary(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name));
        foreach (var extra in properties.Select(p => p.Key).Where(k => !names.ContainsKey(k) && !(path == "$" && k == "$schema")))
        {
            problems.Add($"{path}.{extra}: in the schema, not in {type.Name}");
        }

        var nullability = new NullabilityInfoContext();
        foreach (var (name, property) in names)
        {
            var at = $"{path}.{name}";
            if (properties[name] is not JsonObject node)
            {
                problems.Add($"{at}: {type.Name}.{property.Name} is missing from the schema");
                continue;
            }

            var clr = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var allowed = Types(node, root);
            var nullable = Nullable.GetUnderlyingType(property.PropertyType) is not null || nullability.Create(property).ReadState == NullabilityState.Nullable;
            if (nullable != allowed.Contains("null"))
            {
                problems.Add($"{at}: the code {(nullable ? "accepts" : "refuses")} null, the schema {(allowed.Contains("null") ? "accepts" : "refuses")} it");
            }

            var expected = Expected(clr);
            if (!expected.Any(allowed.Contains))
            {
                problems.Add($"{at}: {clr.Name} in the code, {string.Join("/", allowed)} in the schema");
            }

            var element = clr.IsGenericType && clr.GetGenericTypeDefinition() == typeof(List<>) ? clr.GetGenericArguments()[0] : null;
            if (IsOptions(clr))
            {
                Compare(clr, node, root, at, problems);
            }
            else if (element is not null && node["items"] is JsonObject items)
            {
                if (IsOptions(element))
                {
                    Compare(element, items, root, at + "[]", problems);
                }
                else if (!Types(items, root).Contains("string"))
                {
                    problems.Add($"{at}[]: strings in the code, not in the schema");
                }
            }
            else if (clr.IsEnum)
            {
                var values = Resolve(node, root)["enum"]?.AsArray().Select(v => v!.GetValue<string>()).ToHashSet() ?? [];
                var names2 = Enum.GetNames(clr).Select(JsonNamingPolicy.KebabCaseLower.ConvertName).ToHashSet();
                if (!values.SetEquals(names2))
                {
                    problems.Add($"{at}: values {string.Join(",", names2)} in the code, {string.Join(",", values)} in the schema");
                }
            }
        }
    }

    private static string[] Expected(Type clr) => clr switch
    {
        _ when clr == typeof(int) || clr == typeof(long) => ["integer"],
        _ when clr == typeof(double) => ["number"],
        _ when clr == typeof(bool) => ["boolean"],
        _ when clr == typeof(string) || clr.IsEnum => ["string"],
        _ when clr == typeof(TimeSpan) => ["string", "number"],
        _ when clr.IsGenericType && clr.GetGenericTypeDefinition() == typeof(List<>) => ["array"],
        _ => ["object"],
    };

    private static bool IsOptions(Type type) => type.IsClass && type.Namespace == typeof(CollectorOptions).Namespace;

    private static JsonObject Resolve(JsonObject node, JsonObject root) =>
        node["$ref"]?.GetValue<string>() is { } reference && reference.StartsWith("#/$defs/", StringComparison.Ordinal)
            ? root["$defs"]![reference["#/$defs/".Length..]]!.AsObject()
            : node;

    /// <summary>The JSON types a schema node admits, through $ref, oneOf, anyOf, enum and const.</summary>
    private static HashSet<string> Types(JsonObject node, JsonObject root)
    {
        var types = new HashSet<string>();
        if (node["$ref"] is not null)
        {
            types.UnionWith(Types(Resolve(node, root), root));
        }

        switch (node["type"])
        {
            case JsonArray many:
                types.UnionWith(many.Select(t => t!.GetValue<string>()));
                break;
            case JsonValue one:
                types.Add(one.GetValue<string>());
                break;
        }

        foreach (var value in node["enum"]?.AsArray() ?? [])
        {
            types.Add(value is null ? "null" : value.GetValueKind() == JsonValueKind.String ? "string" : "other");
        }

        foreach (var branch in (node["oneOf"]?.AsArray() ?? []).Concat(node["anyOf"]?.AsArray() ?? []))
        {
            types.UnionWith(Types(branch!.AsObject(), root));
        }

        return types;
    }
}
