using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Collector.Model;
using Collector.Model.Tables;

namespace Collector.Storage.Export;

/// <summary>
/// Writes archived posts as JSONL (the normalized post plus firstSeen, lastSeen, versionCount, tombstone, imported,
/// sources), CSV or Parquet (the one flat table of <see cref="PostColumns"/>), optionally pseudonymized.
/// </summary>
public static class PostExporter
{
    public static readonly IReadOnlyList<string> Formats = ["jsonl", "csv", "parquet"];

    /// <summary>Writes every post to <paramref name="output"/>; returns how many were written.</summary>
    public static async Task<long> WriteAsync(IAsyncEnumerable<ArchivedPost> posts, string format, Stream output, Pseudonymizer? pseudonymizer, CancellationToken cancellationToken = default)
    {
        var source = pseudonymizer is null ? posts : posts.Select(p => p with { Post = pseudonymizer.Apply(p.Post) });
        return format switch
        {
            "jsonl" => await WriteJsonlAsync(source, output, cancellationToken),
            "csv" => await WriteCsvAsync(source, output, cancellationToken),
            "parquet" => await WriteParquetAsync(source, output, cancellationToken),
            _ => throw new ArgumentException($"unknown export format '{format}' (use jsonl, csv or parquet)", nameof(format)),
        };
    }

    /// <summary>One JSONL line's object: the post's own fields at the top level, then what the archive knows.</summary>
    public static JsonObject ToJson(ArchivedPost a)
    {
        var o = JsonSerializer.SerializeToNode(a.Post, CollectorJson.Options)!.AsObject();
        o.Remove(PostJsonSchema.OmittedKey);
        foreach (var (name, value) in JsonSerializer.SerializeToNode(ArchiveFacts.Of(a), CollectorJson.Options)!.AsObject().ToList())
        {
            o[name] = value?.DeepClone();
        }

        return o;
    }

    private static async Task<long> WriteJsonlAsync(IAsyncEnumerable<ArchivedPost> posts, Stream output, CancellationToken ct)
    {
        long n = 0;
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        await foreach (var a in posts.WithCancellation(ct))
        {
            await writer.WriteLineAsync(ToJson(a).ToJsonString(CollectorJson.Options));
            n++;
        }

        return n;
    }

    private static async Task<long> WriteCsvAsync(IAsyncEnumerable<ArchivedPost> posts, Stream output, CancellationToken ct)
    {
        long n = 0;
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        var csv = new CsvWriter(writer);
        csv.WriteRow([.. PostColumns.Names]);
        await foreach (var a in posts.WithCancellation(ct))
        {
            csv.WriteRow(PostCsvRecord.Values(a));
            n++;
        }

        return n;
    }

    private static async Task<long> WriteParquetAsync(IAsyncEnumerable<ArchivedPost> posts, Stream output, CancellationToken ct)
    {
        var rows = await posts.ToListAsync(ct);
        await ParquetPostWriter.WriteAsync(rows, output, ct);
        return rows.Count;
    }
}
