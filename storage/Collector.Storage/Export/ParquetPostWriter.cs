using Collector.Model;
using Parquet.Schema;
using Parquet.Serialization;

namespace Collector.Storage.Export;

/// <summary>
/// Writes the post table (<see cref="PostColumns"/>) as Parquet with logical types: UTC timestamps, nullable INT64
/// metrics, LIST columns, through Parquet.Net's schema-first (untyped) serializer.
/// </summary>
/// <remarks>
/// Timestamps are TIMESTAMP(MILLIS, isAdjustedToUTC=true), not MICROS: Parquet.Net 6.1.0 writes a MICROS column's
/// min/max statistics in milliseconds, and DuckDB, trusting them to skip row groups, then answers
/// <c>WHERE published_at &gt; TIMESTAMPTZ '…'</c> with no rows. The interop tests run exactly that query.
/// </remarks>
public static class ParquetPostWriter
{
    public static readonly ParquetSchema Schema = new(PostColumns.All.Select(Field));

    public static async Task WriteAsync(IReadOnlyCollection<ArchivedPost> posts, Stream output, CancellationToken cancellationToken)
    {
        var rows = posts.Select(Row).ToList();
        await ParquetSerializer.SerializeUntypedAsync(rows, Schema, output, cancellationToken: cancellationToken);
    }

    private static Field Field(PostColumn c) => c.Type switch
    {
        ColumnType.Text => new DataField(c.Name, typeof(string), isNullable: c.Nullable),
        ColumnType.Timestamp => new DateTimeDataField(c.Name, DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Millis, isNullable: c.Nullable),
        ColumnType.Integer => new DataField(c.Name, typeof(long), isNullable: c.Nullable),
        ColumnType.Boolean => new DataField(c.Name, typeof(bool), isNullable: c.Nullable),
        ColumnType.TextList => new ListField(c.Name, new DataField("element", typeof(string), isNullable: false)),
        ColumnType.MediaList => new ListField(c.Name, new StructField("element",
            new DataField("type", typeof(string), isNullable: false), new DataField("url", typeof(string), isNullable: false))),
        _ => throw new ArgumentOutOfRangeException(nameof(c), c.Type, "no Parquet type for this column type"),
    };

    private static IDictionary<string, object?> Row(ArchivedPost post)
    {
        var row = new Dictionary<string, object?>(PostColumns.All.Count, StringComparer.Ordinal);
        foreach (var c in PostColumns.All)
        {
            row[c.Name] = c.Value(post) switch
            {
                DateTimeOffset t => t.UtcDateTime,
                IReadOnlyList<string> list => list.Select(s => s.AsMemory()).ToList(),
                IReadOnlyList<Media> media => media.Select(m => new Dictionary<string, object?> { ["type"] = m.Type, ["url"] = m.Url }).ToList(),
                var v => v,
            };
        }

        return row;
    }
}
