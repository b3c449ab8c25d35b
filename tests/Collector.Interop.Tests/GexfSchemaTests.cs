namespace Collector.Interop.Tests;

/// <summary>
/// xmllint validates network.gexf against Gephi's GEXF 1.3 XML Schema. No Debian, npm or NuGet package ships that
/// schema, so it is not part of the default run: point COLLECTOR_GEXF_XSD at a gexf.xsd (GEXF 1.3, with the files it
/// includes beside it) to run this check.
/// </summary>
[Collection(CollectedArchiveCollection.Name)]
public sealed class GexfSchemaTests(CollectedArchive collected)
{
    [Fact]
    public async Task NetworkGexf_XmllintAgainstGexf13Xsd_IsValid()
    {
        var (code, output) = await ValidateAsync(Path.Combine(collected.Report, "network.gexf"));

        Assert.True(code == 0, output);
    }

    [Fact]
    public async Task Xmllint_GexfWithAnUnknownElement_IsInvalid()
    {
        using var dir = new TempDir();
        var broken = Path.Combine(dir.Path, "broken.gexf");
        await File.WriteAllTextAsync(broken, File.ReadAllText(Path.Combine(collected.Report, "network.gexf")).Replace("<nodes", "<vertices><x/></vertices><nodes", StringComparison.Ordinal),
            TestContext.Current.CancellationToken);

        var (code, _) = await ValidateAsync(broken);

        Assert.NotEqual(0, code);
    }

    private static Task<(int Code, string Output)> ValidateAsync(string gexf)
    {
        var xmllint = ThirdPartyTools.Require("xmllint", "libxml2-utils");
        var xsd = Environment.GetEnvironmentVariable("COLLECTOR_GEXF_XSD");
        Assert.SkipWhen(string.IsNullOrEmpty(xsd) || !File.Exists(xsd),
            "COLLECTOR_GEXF_XSD does not name Gephi's GEXF 1.3 gexf.xsd: no apt, npm or NuGet package ships it, so the schema check runs only where it is provided");
        return ThirdPartyTools.RunAsync(xmllint, "--noout", "--schema", xsd!, gexf);
    }
}
