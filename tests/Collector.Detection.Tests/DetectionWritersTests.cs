using System.Text.Json;
using System.Xml.Linq;
using Collector.Detection.Output;

namespace Collector.Detection.Tests;

public sealed class DetectionWritersTests(SmallWorldFixture fixture) : IClassFixture<SmallWorldFixture>
{
    [Fact]
    public void WriteAll_Always_WritesEveryFile()
    {
        foreach (var name in DetectionWriters.FileNames)
        {
            var path = Path.Combine(fixture.OutDir, name);
            Assert.True(File.Exists(path), name);
            Assert.True(new FileInfo(path).Length > 0, name);
        }
    }

    [Fact]
    public void ChainsJson_Shape_MatchesTheIssue()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(fixture.OutDir, "chains.json")));
        var chains = doc.RootElement.GetProperty("chains");
        Assert.Equal(fixture.Result.Chains.Count, chains.GetArrayLength());
        Assert.True(chains.GetArrayLength() > 0);
        foreach (var chain in chains.EnumerateArray())
        {
            Assert.StartsWith("chain-", chain.GetProperty("id").GetString(), StringComparison.Ordinal);
            var origin = chain.GetProperty("origin");
            var posts = chain.GetProperty("posts");
            var first = posts[0];
            Assert.Equal(origin.GetProperty("platform").GetString(), first.GetProperty("platform").GetString());
            Assert.Equal(origin.GetProperty("id").GetString(), first.GetProperty("id").GetString());
            Assert.Equal("origin", first.GetProperty("role").GetString());
            var previous = DateTimeOffset.MinValue;
            var platforms = new List<string>();
            foreach (var post in posts.EnumerateArray())
            {
                var at = post.GetProperty("publishedAt").GetDateTimeOffset();
                Assert.True(at >= previous, "posts are ordered by time");
                previous = at;
                Assert.EndsWith("Z", post.GetProperty("publishedAt").GetString(), StringComparison.Ordinal);
                Assert.Contains(post.GetProperty("role").GetString(), new[] { "origin", "repost" });
                var matchedBy = post.GetProperty("matchedBy").EnumerateArray().Select(m => m.GetString()).ToList();
                Assert.NotEmpty(matchedBy);
                Assert.All(matchedBy, m => Assert.Contains(m, new[] { "text", "link", "image", "repost", "link-to-post" }));
                Assert.True(post.TryGetProperty("author", out _));
                var platform = post.GetProperty("platform").GetString()!;
                if (!platforms.Contains(platform))
                {
                    platforms.Add(platform);
                }
            }

            Assert.Equal(platforms, chain.GetProperty("platforms").EnumerateArray().Select(p => p.GetString()!).ToList());
            Assert.Equal(platforms.Count > 1, chain.GetProperty("crossPlatform").GetBoolean());
            Assert.Equal((long)(previous - first.GetProperty("publishedAt").GetDateTimeOffset()).TotalSeconds, chain.GetProperty("spreadSeconds").GetInt64());
        }
    }

    [Fact]
    public void AccountsJson_Shape_HasFlagsAndEvidence()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(fixture.OutDir, "accounts.json")));
        var accounts = doc.RootElement.GetProperty("accounts");
        Assert.True(accounts.GetArrayLength() > 0);
        var flags = new HashSet<string>();
        foreach (var a in accounts.EnumerateArray())
        {
            Assert.False(string.IsNullOrEmpty(a.GetProperty("platform").GetString()));
            Assert.False(string.IsNullOrEmpty(a.GetProperty("handle").GetString()));
            var evidence = a.GetProperty("evidence");
            Assert.Equal(24, evidence.GetProperty("hourOfDay").GetArrayLength());
            foreach (var flag in a.GetProperty("flags").EnumerateArray().Select(f => f.GetString()!))
            {
                flags.Add(flag);
                var section = flag switch
                {
                    "shift-pattern" => "shift",
                    "language-switch" => "languageSwitch",
                    "off-topic-replies" => "offTopic",
                    _ => "coordination",
                };
                Assert.True(evidence.TryGetProperty(section, out var value) && value.ValueKind == JsonValueKind.Object, $"{flag} has evidence");
            }
        }

        Assert.Equal(4, flags.Count);
    }

    [Fact]
    public void NetworkFiles_Parse_WithEveryNodeAndEdge()
    {
        var gexf = XDocument.Load(Path.Combine(fixture.OutDir, "network.gexf"));
        XNamespace g = "http://gexf.net/1.3";
        Assert.Equal(fixture.Result.Network.Nodes.Count, gexf.Descendants(g + "node").Count());
        Assert.Equal(fixture.Result.Network.Edges.Count, gexf.Descendants(g + "edge").Count());
        Assert.True(fixture.Result.Network.Edges.Count > 0);

        var graphml = XDocument.Load(Path.Combine(fixture.OutDir, "network.graphml"));
        XNamespace m = "http://graphml.graphdrawing.org/xmlns";
        Assert.Equal(fixture.Result.Network.Nodes.Count, graphml.Descendants(m + "node").Count());
        Assert.Equal(fixture.Result.Network.Edges.Count, graphml.Descendants(m + "edge").Count());

        var edges = File.ReadAllLines(Path.Combine(fixture.OutDir, "edges.csv"));
        Assert.StartsWith("source,target,weight,weight_", edges[0], StringComparison.Ordinal);
        Assert.Equal(fixture.Result.Network.Edges.Count + 1, edges.Length);
    }

    [Fact]
    public void ChainsCsv_Rows_OnePerChainPost()
    {
        var lines = File.ReadAllLines(Path.Combine(fixture.OutDir, "chains.csv"));
        Assert.Equal(fixture.Result.Chains.Sum(c => c.Posts.Count) + 1, lines.Length);
        Assert.StartsWith("chain_id,position,role,platform,post_id", lines[0], StringComparison.Ordinal);
        var accounts = File.ReadAllLines(Path.Combine(fixture.OutDir, "accounts.csv"));
        Assert.Equal(fixture.Result.Accounts.Count + 1, accounts.Length);
    }

    [Fact]
    public void AccountsCsv_ShiftWorkers_CarryEvidenceAndConfidence()
    {
        var lines = File.ReadAllLines(Path.Combine(fixture.OutDir, "accounts.csv"));
        Assert.EndsWith(",shift_evidence,shift_confidence", lines[0], StringComparison.Ordinal);
        var shiftRows = lines.Skip(1).Where(l => l.Split(',')[2].Contains(AccountFlags.ShiftPattern, StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(shiftRows);
        Assert.All(shiftRows, row =>
        {
            var confidence = double.Parse(row.Split(',')[^1], System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(confidence, 0.95, 1.0); // flagged at 5% family-wise error
        });
    }
}
