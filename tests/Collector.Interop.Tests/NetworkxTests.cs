using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Collector.Interop.Tests;

/// <summary>networkx (Debian's python3-networkx 2.8) reads network.graphml, the graph file the README names for it.</summary>
[Collection(CollectedArchiveCollection.Name)]
public sealed class NetworkxTests(CollectedArchive collected)
{
    private const string Python = "/usr/bin/python3";

    [Fact]
    public async Task NetworkGraphml_ReadByNetworkx_HasEveryNodeEdgeAndTypedAttribute()
    {
        var gexf = XDocument.Load(Path.Combine(collected.Report, "network.gexf"));
        XNamespace g = "http://gexf.net/1.3";

        var (code, output) = await ReadAsync(Path.Combine(collected.Report, "network.graphml"));

        Assert.True(code == 0, output);
        var graph = JsonNode.Parse(output)!;
        Assert.Equal(gexf.Descendants(g + "node").Count(), graph["nodes"]!.GetValue<int>());
        Assert.Equal(gexf.Descendants(g + "edge").Count(), graph["edges"]!.GetValue<int>());
        Assert.False(graph["directed"]!.GetValue<bool>());
        Assert.True(graph["nodes"]!.GetValue<int>() > 0, "the collected world has coordinated accounts, so the graph is not empty");
        if (graph["nodes"]!.GetValue<int>() > 0)
        {
            var nodeAttributes = graph["nodeAttributes"]!.AsArray().Select(a => a!.ToJsonString()).ToList();
            Assert.Contains("""["community","int"]""", nodeAttributes);
            Assert.Contains("""["platform","str"]""", nodeAttributes);
        }

        if (graph["edges"]!.GetValue<int>() > 0)
        {
            Assert.Contains("""["weight","float"]""", graph["edgeAttributes"]!.AsArray().Select(a => a!.ToJsonString()));
        }
    }

    [Fact]
    public async Task Networkx_GraphmlWithAValueOfTheWrongType_FailsToRead()
    {
        using var dir = new TempDir();
        var broken = Path.Combine(dir.Path, "broken.graphml");
        await File.WriteAllTextAsync(broken, """
            <?xml version="1.0" encoding="utf-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
              <key id="community" for="node" attr.name="community" attr.type="int"/>
              <graph edgedefault="undirected"><node id="a"><data key="community">not a number</data></node></graph>
            </graphml>
            """, TestContext.Current.CancellationToken);

        var (code, output) = await ReadAsync(broken);

        Assert.NotEqual(0, code);
        Assert.Contains("ValueError", output, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output)> ReadAsync(string graphml)
    {
        Assert.SkipWhen(!File.Exists(Python), $"{Python} is missing: run tests/run.sh (apt python3-networkx)");
        var (probe, _) = await ThirdPartyTools.RunAsync(Python, "-c", "import networkx");
        Assert.SkipWhen(probe != 0, "networkx is not installed for Debian's python3: run tests/run.sh (apt python3-networkx)");
        return await ThirdPartyTools.RunAsync(Python, Path.Combine(AppContext.BaseDirectory, "checks", "graphml.py"), graphml);
    }
}
