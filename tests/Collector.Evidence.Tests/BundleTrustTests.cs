using System.IO.Compression;
using Collector.Evidence.Bundles;
using Collector.Evidence.Timestamps;
using Collector.Model;
using Collector.Storage;

namespace Collector.Evidence.Tests;

/// <summary>
/// A bundle with timestamp tokens ships the authority's root as TSA-CA.pem (when given one) and README.txt, whose
/// openssl commands, run exactly as written in the unzipped bundle, verify every token; under another root they fail.
/// </summary>
public sealed class BundleTrustTests : IAsyncLifetime
{
    private readonly TempDir dir = new();
    private LoopbackTimestampAuthority tsa = null!;
    private IArchive archive = null!;

    public async ValueTask InitializeAsync()
    {
        tsa = await LoopbackTimestampAuthority.StartAsync();
        archive = await EvidenceWorld.ArchiveWithAsync(dir.Path, [EvidenceWorld.PostPage("1")]);
        await EvidenceWorld.StampRunsAsync(archive, tsa, "run-1");
    }

    public async ValueTask DisposeAsync()
    {
        await archive.DisposeAsync();
        await tsa.DisposeAsync();
        dir.Dispose();
    }

    [Fact]
    public async Task Readme_OpensslCommands_VerifyEveryTokenExactlyAsWritten()
    {
        var openssl = WaczTests.Which("openssl");
        Assert.SkipWhen(openssl is null, "openssl is not installed: the independent token check cannot run");
        var folder = await UnzippedBundleAsync(TestCertificates.ToPem(tsa.Certificates.Ca));

        var readme = await File.ReadAllTextAsync(Path.Combine(folder, BundleTrustFiles.ReadmeFile), TestContext.Current.CancellationToken);
        var commands = readme.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("openssl ts -verify ", StringComparison.Ordinal)).ToList();

        Assert.Contains("TSA-CA.pem is the loopback authority's root", readme, StringComparison.Ordinal);
        Assert.NotEmpty(commands);
        foreach (var command in commands)
        {
            var (code, output) = await ShellAsync(folder, command);
            Assert.True(code == 0 && output.Contains("Verification: OK", StringComparison.Ordinal), $"{command}\n{output}");
        }
    }

    [Fact]
    public async Task Readme_OpensslCommands_FailUnderAnotherRoot()
    {
        var openssl = WaczTests.Which("openssl");
        Assert.SkipWhen(openssl is null, "openssl is not installed: the independent token check cannot run");
        var stranger = TestCertificates.Create(DateTimeOffset.UnixEpoch.AddYears(56), "Someone else");
        var folder = await UnzippedBundleAsync(TestCertificates.ToPem(stranger.Ca));

        var readme = await File.ReadAllTextAsync(Path.Combine(folder, BundleTrustFiles.ReadmeFile), TestContext.Current.CancellationToken);
        var command = readme.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith("openssl ts -verify ", StringComparison.Ordinal));
        var (code, output) = await ShellAsync(folder, command);

        Assert.NotEqual(0, code);
        Assert.DoesNotContain("Verification: OK", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bundle_CarriesEachTokensChainForReading()
    {
        var folder = await UnzippedBundleAsync(TestCertificates.ToPem(tsa.Certificates.Ca));

        var chain = Assert.Single(Directory.GetFiles(Path.Combine(folder, "timestamps"), "*.chain.pem", SearchOption.AllDirectories));
        var pem = await File.ReadAllTextAsync(chain, TestContext.Current.CancellationToken);

        Assert.StartsWith(TestCertificates.ToPem(tsa.Certificates.Tsa), pem, StringComparison.Ordinal);
        Assert.Contains(TestCertificates.ToPem(tsa.Certificates.Ca), pem, StringComparison.Ordinal);
    }

    private async Task<string> UnzippedBundleAsync(string rootPem)
    {
        var path = dir.File($"case-{Guid.NewGuid():N}.zip");
        await CaseBundleWriter.WriteAsync(archive, new BundleSelection { Posts = [new PostKey("generic", "p1")] }, path, TimeProvider.System,
            new BundleTrust(rootPem, "the loopback authority's root"), TestContext.Current.CancellationToken);
        Assert.True(CaseBundleVerifier.Verify(path).Valid);
        var folder = dir.File($"unzipped-{Guid.NewGuid():N}");
        ZipFile.ExtractToDirectory(path, folder);
        return folder;
    }

    private static async Task<(int Code, string Output)> ShellAsync(string folder, string command)
    {
        var info = new System.Diagnostics.ProcessStartInfo("/bin/sh") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(command);
        using var process = System.Diagnostics.Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout + await stderr);
    }
}
