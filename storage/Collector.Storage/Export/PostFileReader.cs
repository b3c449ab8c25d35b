using System.Globalization;
using System.Text.Json;
using Collector.Model;

namespace Collector.Storage.Export;

/// <summary>
/// Reads normalized posts from another tool's file: JSONL (one post object per line, Collector's JSON shape; extra
/// fields such as firstSeen are ignored) or CSV with a header (<see cref="PostCsvRecord"/>). Bad records are skipped
/// and described in <see cref="Errors"/>, never silently.
/// </summary>
public sealed class PostFileReader
{
    private readonly string path;
    private const int MaxErrors = 1000;
    private readonly List<string> errors = [];

    public PostFileReader(string path)
    {
        this.path = path;
        Format = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".jsonl" or ".ndjson" or ".json" => "jsonl",
            ".csv" => "csv",
            var ext => throw new ArgumentException($"cannot import '{path}': unknown file type '{ext}' (use .jsonl or .csv)", nameof(path)),
        };
    }

    public string Format { get; }

    /// <summary>Records that could not be read ("line N: why"), filled while <see cref="Read"/> is enumerated.</summary>
    public IReadOnlyList<string> Errors => errors;

    public int Rejected { get; private set; }

    public IEnumerable<Post> Read() => Format == "csv" ? ReadCsv() : ReadJsonl();

    private IEnumerable<Post> ReadJsonl()
    {
        using var reader = new StreamReader(path);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            Post? post;
            try
            {
                post = CollectorJson.Deserialize<Post>(line);
            }
            catch (JsonException ex)
            {
                Reject(lineNumber, MissingFields(ex.Message) is { } missing ? missing + ": missing" : Field(ex.Path) + ": " + Why(ex.Message));
                continue;
            }

            if (post is null || string.IsNullOrWhiteSpace(post.Platform) || string.IsNullOrWhiteSpace(post.Id))
            {
                Reject(lineNumber, post is null ? "post: not a JSON object" : string.IsNullOrWhiteSpace(post.Platform) ? "platform: missing" : "id: missing");
                continue;
            }

            yield return post with { Platform = post.Platform.ToLowerInvariant() };
        }
    }

    private IEnumerable<Post> ReadCsv()
    {
        using var reader = new StreamReader(path);
        string[]? header = null;
        var record = 0;
        foreach (var fields in CsvReader.Read(reader))
        {
            record++;
            if (header is null)
            {
                header = fields.Select(PostCsvRecord.Key).ToArray();
                continue;
            }

            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue;
            }

            Post post;
            try
            {
                var map = new Dictionary<string, string>(StringComparer.Ordinal);
                for (var i = 0; i < header.Length && i < fields.Count; i++)
                {
                    map[header[i]] = fields[i];
                }

                post = PostCsvRecord.FromRecord(map);
            }
            catch (Exception ex) when (ex is FormatException or JsonException or OverflowException)
            {
                Reject(record, ex.Message);
                continue;
            }

            yield return post;
        }
    }

    /// <summary>The JSON path the serializer was reading ($.metrics.likes → metrics.likes), or "line" when it names none.</summary>
    private static string Field(string? path) => string.IsNullOrEmpty(path) || path == "$" ? "line" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

    /// <summary>The required fields the serializer found missing ("id", "platform, id"), or null.</summary>
    private static string? MissingFields(string message)
    {
        const string marker = "missing required properties including: ";
        var at = message.IndexOf(marker, StringComparison.Ordinal);
        return at < 0 ? null : string.Join(", ", message[(at + marker.Length)..].TrimEnd('.').Split(',').Select(f => f.Trim().Trim('\'')));
    }

    /// <summary>The serializer's message without the location it appends (the line number is given separately).</summary>
    private static string Why(string message)
    {
        var at = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return (at > 0 ? message[..at] : message).TrimEnd('.');
    }

    private void Reject(int where, string why)
    {
        Rejected++;
        if (errors.Count < MaxErrors)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{(Format == "csv" ? "record" : "line")} {where}: {why}"));
        }
    }
}
