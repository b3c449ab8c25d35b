using System.IO.Compression;

namespace Collector.Interop.Tests;

/// <summary>`openssl ts -verify` checks every RFC 3161 token in the case bundle against the manifest it stamps.</summary>
[Collection(CollectedArchiveCollection.Name)]
public sealed class OpensslTests(CollectedArchive collected)
{
    [Fact]
    public async Task BundleTokens_OpensslTsVerify_EveryOneHoldsForItsManifestOnly()
    {
        var openssl = ThirdPartyTools.Require("openssl", "openssl");
        using var dir = new TempDir();
        ZipFile.ExtractToDirectory(collected.Bundle, dir.Path);
        var tokens = Directory.GetFiles(dir.Path, "*.tst", SearchOption.AllDirectories);

        Assert.NotEmpty(tokens);
        foreach (var token in tokens)
        {
            var manifest = Directory.GetFiles(Path.GetDirectoryName(token)!, "manifest-*.json").Single();
            var (code, output) = await Verify(openssl, token, manifest);
            Assert.True(code == 0 && output.Contains("Verification: OK", StringComparison.Ordinal), $"{token}: {output}");

            var altered = manifest + ".altered";
            File.WriteAllBytes(altered, [.. File.ReadAllBytes(manifest), (byte)' ']);
            var (badCode, badOutput) = await Verify(openssl, token, altered);
            Assert.NotEqual(0, badCode);
            Assert.Contains("message imprint mismatch", badOutput, StringComparison.Ordinal);
        }
    }

    private Task<(int Code, string Output)> Verify(string openssl, string token, string data) =>
        ThirdPartyTools.RunAsync(openssl, "ts", "-verify", "-token_in", "-in", token, "-data", data, "-CAfile", collected.Pem.Ca, "-untrusted", collected.Pem.Tsa);
}
