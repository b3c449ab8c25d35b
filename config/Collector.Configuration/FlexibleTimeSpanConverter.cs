using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Collector.Configuration;

/// <summary>Reads durations as "30d", "6h", "15m", "10s", "500ms" or .NET's "1.02:03:04"; writes the .NET form.</summary>
public sealed class FlexibleTimeSpanConverter : JsonConverter<TimeSpan>
{
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return TimeSpan.FromSeconds(reader.GetDouble());
        }

        var text = reader.GetString() ?? "";
        return TryParse(text, out var value) ? value : throw new JsonException($"'{text}' is not a duration (use 30d, 6h, 15m, 10s or 1.02:03:04)");
    }

    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString("c", CultureInfo.InvariantCulture));

    public static bool TryParse(string text, out TimeSpan value)
    {
        text = text.Trim();
        value = default;
        var units = new (string Suffix, Func<double, TimeSpan> Make)[]
        {
            ("ms", TimeSpan.FromMilliseconds), ("d", TimeSpan.FromDays), ("h", TimeSpan.FromHours),
            ("m", TimeSpan.FromMinutes), ("s", TimeSpan.FromSeconds),
        };
        foreach (var (suffix, make) in units)
        {
            if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && double.TryParse(text[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n >= 0)
            {
                value = make(n);
                return true;
            }
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value);
    }
}

/// <summary>Nullable companion of <see cref="FlexibleTimeSpanConverter"/>.</summary>
public sealed class FlexibleNullableTimeSpanConverter : JsonConverter<TimeSpan?>
{
    private static readonly FlexibleTimeSpanConverter Inner = new();

    public override TimeSpan? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? null : Inner.Read(ref reader, typeof(TimeSpan), options);

    public override void Write(Utf8JsonWriter writer, TimeSpan? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            Inner.Write(writer, value.Value, options);
        }
    }
}
