using System.Text.Json;
using System.Text.Json.Nodes;

namespace Collector.Interop.Tests;

/// <summary>SQL run by DuckDB (npm @duckdb/node-api) in a node child process; rows come back in DuckDB's JSON form.</summary>
internal static class DuckDb
{
    public const string Package = "@duckdb/node-api";

    /// <summary>Each statement's rows; a statement DuckDB refuses throws with DuckDB's message.</summary>
    public static async Task<List<JsonArray>> QueryAsync(params string[] sql)
    {
        var file = Path.Combine(Path.GetTempPath(), $"duckdb-{Guid.NewGuid():n}.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(sql), TestContext.Current.CancellationToken);
        try
        {
            var (code, output) = await ThirdPartyTools.NodeCheckAsync(Package, "duckdb.mjs", file);
            Assert.True(code == 0, output);
            var results = JsonNode.Parse(output)!.AsArray();
            return [.. results.Select((r, i) => r!["error"] is { } error
                ? throw new InvalidOperationException($"DuckDB refused `{sql[i]}`: {error}")
                : r["rows"]!.AsArray())];
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>column name → DuckDB type, in file order.</summary>
    public static async Task<List<(string Name, string Type)>> DescribeAsync(string from) =>
        [.. (await QueryAsync($"describe select * from {from}"))[0].Select(r => (r!["column_name"]!.GetValue<string>(), r["column_type"]!.GetValue<string>()))];

    public static string Csv(string path) => $"read_csv('{path}')";

    public static string Parquet(string path) => $"read_parquet('{path}')";

    public static string Jsonl(string path) => $"read_json('{path}', format='newline_delimited')";
}
