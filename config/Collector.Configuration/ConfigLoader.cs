using System.Collections;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Collector.Configuration;

/// <summary>A configuration read, checked and ready: the options, where they came from and their hash (for the custody log).</summary>
public sealed record LoadedConfig(CollectorOptions Options, string? Path, string Hash);

/// <summary>
/// Reads config/collector.json-style files: JSON (comments and trailing commas allowed), then environment overrides
/// (COLLECTOR__SECTION__KEY, COLLECTOR__SOURCES__0__SCHEDULE), then checks for unknown keys, wrong types and bad values,
/// reporting every problem with its JSON path at once.
/// </summary>
public static class ConfigLoader
{
    public const string EnvironmentPrefix = "COLLECTOR__";

    internal static JsonSerializerOptions JsonOptions { get; } = CreateJsonOptions();

    public static LoadedConfig LoadFile(string path, IReadOnlyDictionary<string, string?>? environment = null)
    {
        if (!File.Exists(path))
        {
            throw new ConfigException([new ConfigError("$", $"configuration file '{path}' does not exist")]);
        }

        return Load(File.ReadAllText(path), path, environment);
    }

    /// <summary>Loads from JSON text; <paramref name="environment"/> defaults to the process environment.</summary>
    public static LoadedConfig Load(string json, string? path = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, AllowDuplicateProperties = false });
        }
        catch (JsonException ex)
        {
            throw new ConfigException([new ConfigError("$", $"not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}): {FirstSentence(ex.Message)}")]);
        }

        if (root is not JsonObject rootObject)
        {
            throw new ConfigException([new ConfigError("$", "the configuration must be a JSON object")]);
        }

        var errors = new List<ConfigError>();
        ApplyEnvironment(rootObject, environment ?? ReadProcessEnvironment(), errors);
        CheckKeys(rootObject, typeof(CollectorOptions), "$", errors);
        var options = Bind(rootObject, errors);
        errors.AddRange(CollectorOptionsValidator.Check(options, errors));
        if (errors.Count > 0)
        {
            throw new ConfigException(errors);
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(rootObject.ToJsonString())));
        return new LoadedConfig(options, path, hash);
    }

    /// <summary>Options with defaults only (one-off commands without --config), with environment overrides applied.</summary>
    public static LoadedConfig Defaults(IReadOnlyDictionary<string, string?>? environment = null) => Load("{}", null, environment);

    private static CollectorOptions Bind(JsonObject root, List<ConfigError> errors)
    {
        var options = new CollectorOptions();
        foreach (var property in typeof(CollectorOptions).GetProperties())
        {
            var name = JsonOptions.PropertyNamingPolicy!.ConvertName(property.Name);
            var node = FindCaseInsensitive(root, name);
            if (node is null)
            {
                continue;
            }

            if (property.Name == nameof(CollectorOptions.Sources) && node is JsonArray sources)
            {
                for (var i = 0; i < sources.Count; i++)
                {
                    if (sources[i] is not JsonObject)
                    {
                        errors.Add(new ConfigError($"$.sources[{i}]", "must be a source object"));
                        continue;
                    }

                    var source = Deserialize<SourceOptions>(sources[i], $"$.sources[{i}]", errors);
                    if (source is not null)
                    {
                        options.Sources.Add(source);
                    }
                }

                continue;
            }

            var value = Deserialize(node, property.PropertyType, "$." + name, errors);
            if (value is not null)
            {
                property.SetValue(options, value);
            }
        }

        return options;
    }

    private static T? Deserialize<T>(JsonNode? node, string path, List<ConfigError> errors) where T : class =>
        Deserialize(node, typeof(T), path, errors) as T;

    private static object? Deserialize(JsonNode? node, Type type, string path, List<ConfigError> errors)
    {
        try
        {
            return node.Deserialize(type, JsonOptions);
        }
        catch (JsonException ex)
        {
            var at = ex.Path is null or "$" ? path : path + ex.Path.TrimStart('$');
            errors.Add(new ConfigError(at, $"wrong type or value: {FirstSentence(ex.Message)}"));
            return null;
        }
    }

    private static void CheckKeys(JsonNode? node, Type type, string path, List<ConfigError> errors)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (node is JsonObject obj && IsOptionsClass(type))
        {
            var known = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
            foreach (var (key, value) in obj)
            {
                if (key == "$schema" && path == "$")
                {
                    continue;
                }

                if (!known.TryGetValue(key, out var property))
                {
                    var hint = known.Keys.FirstOrDefault(k => k.StartsWith(key[..Math.Min(3, key.Length)], StringComparison.OrdinalIgnoreCase));
                    errors.Add(new ConfigError($"{path}.{key}", $"unknown key '{key}'" + (hint is null ? "" : $" (did you mean '{JsonOptions.PropertyNamingPolicy!.ConvertName(hint)}'?)")));
                    continue;
                }

                CheckKeys(value, property.PropertyType, $"{path}.{key}", errors);
            }
        }
        else if (node is JsonArray array && type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            var element = type.GetGenericArguments()[0];
            for (var i = 0; i < array.Count; i++)
            {
                CheckKeys(array[i], element, $"{path}[{i}]", errors);
            }
        }
    }

    private static bool IsOptionsClass(Type type) =>
        type.IsClass && type != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(type) && type.Namespace == typeof(CollectorOptions).Namespace;

    private static void ApplyEnvironment(JsonObject root, IReadOnlyDictionary<string, string?> environment, List<ConfigError> errors)
    {
        foreach (var (key, value) in environment.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (!key.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase) || value is null)
            {
                continue;
            }

            var segments = key[EnvironmentPrefix.Length..].Split("__", StringSplitOptions.RemoveEmptyEntries);
            if (segments.Length == 0)
            {
                continue;
            }

            JsonNode current = root;
            for (var i = 0; i < segments.Length; i++)
            {
                var last = i == segments.Length - 1;
                var leaf = ParseScalar(value);
                if (current is JsonObject obj)
                {
                    var name = ExistingKey(obj, segments[i]) ?? char.ToLowerInvariant(segments[i][0]) + segments[i][1..];
                    if (last)
                    {
                        obj[name] = leaf;
                    }
                    else
                    {
                        var next = obj[name] ?? (int.TryParse(segments[i + 1], out _) ? new JsonArray() : new JsonObject());
                        obj[name] = next;
                        current = next;
                    }
                }
                else if (current is JsonArray array && int.TryParse(segments[i], out var index) && index >= 0)
                {
                    while (array.Count <= index)
                    {
                        array.Add(last ? null : new JsonObject());
                    }

                    if (last)
                    {
                        array[index] = leaf;
                    }
                    else
                    {
                        current = array[index] ??= new JsonObject();
                    }
                }
                else
                {
                    errors.Add(new ConfigError("$", $"environment variable {key} does not fit the configuration's shape"));
                    break;
                }
            }
        }
    }

    private static JsonNode? ParseScalar(string value)
    {
        if (bool.TryParse(value, out var b))
        {
            return JsonValue.Create(b);
        }

        if (long.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n))
        {
            return JsonValue.Create(n);
        }

        var trimmed = value.TrimStart();
        if (trimmed.StartsWith('[') || trimmed.StartsWith('{'))
        {
            try
            {
                return JsonNode.Parse(value);
            }
            catch (JsonException)
            {
                // not JSON after all: keep it as a string
            }
        }

        return JsonValue.Create(value);
    }

    private static string? ExistingKey(JsonObject obj, string key) =>
        obj.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));

    private static JsonNode? FindCaseInsensitive(JsonObject obj, string key) =>
        ExistingKey(obj, key) is { } existing ? obj[existing] : null;

    private static Dictionary<string, string?> ReadProcessEnvironment() =>
        Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => e.Value as string, StringComparer.Ordinal);

    private static string FirstSentence(string message)
    {
        var i = message.IndexOf(". ", StringComparison.Ordinal);
        return i > 0 ? message[..i] : message;
    }

    private static JsonSerializerOptions CreateJsonOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            WriteIndented = true,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.Converters.Add(new FlexibleTimeSpanConverter());
        options.Converters.Add(new FlexibleNullableTimeSpanConverter());
        return options;
    }
}
