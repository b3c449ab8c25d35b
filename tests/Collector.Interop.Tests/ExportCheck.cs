using System.Globalization;
using System.Text.Json.Nodes;
using Collector.Model.Tables;
using Collector.Storage.Export;

namespace Collector.Interop.Tests;

/// <summary>
/// What DuckDB must find in a CSV, Parquet and JSONL export of the same posts: the table's column names in CSV and
/// Parquet, UTC timestamps and typed lists and counts in Parquet, the same row count in all three, and the same rows
/// for the same query (text compared after the CSV's documented formula apostrophe), unicode intact against the JSONL.
/// Returns every problem found (empty when the exports hold).
/// </summary>
internal static class ExportCheck
{
    private const string Columns = "platform, id, author_handle, published_at, text";

    public static async Task<List<string>> ProblemsAsync(string csv, string parquet, string jsonl)
    {
        var problems = new List<string>();
        var pq = await DuckDb.DescribeAsync(DuckDb.Parquet(parquet));
        var cs = await DuckDb.DescribeAsync(DuckDb.Csv(csv));
        Expect(problems, "parquet columns", PostColumns.Names, pq.Select(c => c.Name));
        Expect(problems, "csv columns", PostColumns.Names, cs.Select(c => c.Name));
        var types = pq.ToDictionary(c => c.Name, c => c.Type);
        foreach (var column in PostColumns.All)
        {
            var expected = column.Type switch
            {
                ColumnType.Text => "VARCHAR",
                ColumnType.Timestamp => "TIMESTAMP WITH TIME ZONE",
                ColumnType.Integer => "BIGINT",
                ColumnType.Boolean => "BOOLEAN",
                ColumnType.TextList => "VARCHAR[]",
                _ => "STRUCT(\"type\" VARCHAR, url VARCHAR)[]",
            };
            if (types.GetValueOrDefault(column.Name) != expected)
            {
                problems.Add($"parquet {column.Name} is {types.GetValueOrDefault(column.Name) ?? "missing"}, not {expected}");
            }
        }

        if (cs.FirstOrDefault(c => c.Name == "published_at").Type is { } csvTime && csvTime != "TIMESTAMP WITH TIME ZONE")
        {
            problems.Add($"csv published_at is read as {csvTime}");
        }

        var counts = await DuckDb.QueryAsync(
            $"select (select count(*) from {DuckDb.Parquet(parquet)}) p, (select count(*) from {DuckDb.Csv(csv)}) c, (select count(*) from {DuckDb.Jsonl(jsonl)}) j");
        var n = counts[0][0]!;
        if (n["p"]!.ToJsonString() != n["c"]!.ToJsonString() || n["c"]!.ToJsonString() != n["j"]!.ToJsonString())
        {
            problems.Add($"row counts differ: {n.ToJsonString()}");
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        var cutoff = (await DuckDb.QueryAsync($"select quantile_disc(published_at, 0.5)::varchar t from {DuckDb.Parquet(parquet)}"))[0][0]!["t"]?.GetValue<string>() ?? "1970-01-01 00:00:00+00";
        string Query(string from) => $"select {Columns} from {from} where published_at > TIMESTAMPTZ '{cutoff}' order by platform, id";
        string AllText(string from) => $"select platform, id, text from {from} order by platform, id";
        var rows = await DuckDb.QueryAsync(Query(DuckDb.Parquet(parquet)), Query(DuckDb.Csv(csv)),
            AllText(DuckDb.Jsonl(jsonl)), AllText(DuckDb.Parquet(parquet)), AllText(DuckDb.Csv(csv)));
        var fromCsv = rows[1].Select(r => Restored(r!)).ToList();
        if (rows[0].Count == 0 || rows[0].Count != fromCsv.Count)
        {
            problems.Add($"the same query gave {rows[0].Count} rows from Parquet, {fromCsv.Count} from CSV");
        }

        for (var i = 0; i < Math.Min(rows[0].Count, fromCsv.Count); i++)
        {
            if (rows[0][i]!.ToJsonString() != fromCsv[i].ToJsonString())
            {
                problems.Add($"row {i.ToString(CultureInfo.InvariantCulture)}: parquet {rows[0][i]!.ToJsonString()} csv {fromCsv[i].ToJsonString()}");
            }
        }

        var jsonText = rows[2].Select(r => r!.ToJsonString()).ToList();
        var parquetText = rows[3].Select(r => r!.ToJsonString()).ToList();
        var csvText = rows[4].Select(r => Restored(r!).ToJsonString()).ToList();
        problems.AddRange(jsonText.Except(parquetText).Take(5).Select(r => "JSONL text not in Parquet: " + r));
        problems.AddRange(csvText.Except(parquetText).Take(5).Select(r => "CSV text not in Parquet: " + r));
        return problems;
    }

    /// <summary>A CSV row with the formula apostrophe taken off its text cells, as the README says import does.</summary>
    private static JsonObject Restored(JsonNode row)
    {
        var copy = row.DeepClone().AsObject();
        foreach (var name in new[] { "platform", "id", "author_handle", "text" })
        {
            if (copy[name] is JsonValue v && v.TryGetValue<string>(out var s))
            {
                copy[name] = CsvWriter.Restore(s);
            }
        }

        return copy;
    }

    private static void Expect(List<string> problems, string what, IEnumerable<string> expected, IEnumerable<string> actual)
    {
        if (!expected.SequenceEqual(actual))
        {
            problems.Add($"{what}: {string.Join(",", actual)}");
        }
    }
}
