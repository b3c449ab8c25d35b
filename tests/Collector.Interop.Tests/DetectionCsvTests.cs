using System.Text.Json;

namespace Collector.Interop.Tests;

/// <summary>DuckDB reads the CSVs `collector detect` writes (the same CSV writer as the exports) with one row per item of the JSON.</summary>
[Collection(CollectedArchiveCollection.Name)]
public sealed class DetectionCsvTests(CollectedArchive collected)
{
    [Fact]
    public async Task DetectCsvs_ReadByDuckDb_HaveAHeaderAndOneRowPerItem()
    {
        using var chains = JsonDocument.Parse(File.ReadAllText(Path.Combine(collected.Report, "chains.json")));
        using var accounts = JsonDocument.Parse(File.ReadAllText(Path.Combine(collected.Report, "accounts.json")));
        var chainPosts = chains.RootElement.GetProperty("chains").EnumerateArray().Sum(c => c.GetProperty("posts").GetArrayLength());
        var accountCount = accounts.RootElement.GetProperty("accounts").GetArrayLength();
        var edgeCount = System.Xml.Linq.XDocument.Load(Path.Combine(collected.Report, "network.graphml")).Descendants("{http://graphml.graphdrawing.org/xmlns}edge").Count();
        string Csv(string name) => DuckDb.Csv(Path.Combine(collected.Report, name)).Replace(")", ", header=true, all_varchar=true)", StringComparison.Ordinal);

        var rows = await DuckDb.QueryAsync(
            $"select count(*) n from {Csv("chains.csv")}",
            $"select count(*) n from {Csv("accounts.csv")}",
            $"select column_name from (describe select * from {Csv("chains.csv")})",
            $"select count(*) n from {Csv("edges.csv")}");

        Assert.Equal(chainPosts.ToString(System.Globalization.CultureInfo.InvariantCulture), rows[0][0]!["n"]!.ToString());
        Assert.Equal(accountCount.ToString(System.Globalization.CultureInfo.InvariantCulture), rows[1][0]!["n"]!.ToString());
        Assert.Equal(edgeCount.ToString(System.Globalization.CultureInfo.InvariantCulture), rows[3][0]!["n"]!.ToString());
        Assert.True(chainPosts > 0, "the collected world has repost chains, so the counts mean something");
        Assert.Equal(["chain_id", "position", "role", "platform", "post_id", "published_at"], rows[2].Take(6).Select(r => r!["column_name"]!.GetValue<string>()));
    }
}
