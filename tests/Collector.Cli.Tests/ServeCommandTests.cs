namespace Collector.Cli.Tests;

/// <summary>`collector serve` refuses to expose the archive beyond loopback without a token (exit 2), before opening anything.</summary>
public sealed class ServeCommandTests
{
    [Fact]
    public async Task Serve_NonLoopbackWithoutToken_ExitsWithUsageError()
    {
        var (code, _, stderr) = await CliSurfaceTests.RunAsync("serve", "--listen", "0.0.0.0:18080", "--store", "sqlite:/nonexistent/never-opened.db");

        Assert.Equal(2, code);
        Assert.Contains("not a loopback address", stderr, StringComparison.Ordinal);
        Assert.Contains("--token", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_TokenFileMissing_ExitsWithUsageError()
    {
        var (code, _, stderr) = await CliSurfaceTests.RunAsync("serve", "--listen", "0.0.0.0:18080", "--token-file", "/nonexistent/token");

        Assert.Equal(2, code);
        Assert.Contains("/nonexistent/token", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_Serve_DescribesItsOptions()
    {
        var (code, stdout, _) = await CliSurfaceTests.RunAsync("serve", "--help");

        Assert.Equal(0, code);
        Assert.All(["--store", "--listen", "--detect-dir", "--token", "--token-file", "--allow-actions"], o => Assert.Contains(o, stdout, StringComparison.Ordinal));
    }
}
