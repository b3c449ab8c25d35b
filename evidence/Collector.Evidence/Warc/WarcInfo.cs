using System.Text;

namespace Collector.Evidence.Warc;

/// <summary>The warcinfo record that opens every WARC Collector writes: which tool and version, for what, when.</summary>
public static class WarcInfo
{
    public static string ToolVersion { get; } =
        typeof(WarcInfo).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public static string Software => "Collector " + ToolVersion;

    public static WarcRecord Build(string filename, DateTimeOffset at, string description, IReadOnlyList<KeyValuePair<string, string>>? extra = null)
    {
        var text = new StringBuilder();
        text.Append("software: ").Append(Software).Append("\r\n");
        text.Append("format: WARC File Format 1.1\r\n");
        text.Append("conformsTo: http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n");
        text.Append("description: ").Append(description.Replace("\r", " ").Replace("\n", " ")).Append("\r\n");
        foreach (var (name, value) in extra ?? [])
        {
            text.Append(name).Append(": ").Append(value.Replace("\r", " ").Replace("\n", " ")).Append("\r\n");
        }

        return new WarcRecord
        {
            Type = WarcTypes.Warcinfo,
            RecordId = WarcRecordIds.For(filename, "warcinfo/" + WarcDates.ToWarcDate(at)),
            Date = at,
            Fields = [new("WARC-Filename", filename)],
            ContentType = "application/warc-fields",
            Block = Encoding.UTF8.GetBytes(text.ToString()),
        };
    }
}
