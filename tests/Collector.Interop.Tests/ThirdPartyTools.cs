using System.Diagnostics;

namespace Collector.Interop.Tests;

/// <summary>
/// Where the third-party readers are: npm packages in COLLECTOR_TOOLS_DIR (tests/run.sh installs them there, see
/// .ci/lib.sh ensure_third_party_tools), Debian's python3 with networkx, xmllint and openssl on the PATH. A test whose
/// tool is missing is skipped with a message naming the tool and how to get it.
/// </summary>
internal static class ThirdPartyTools
{
    public static string ToolsDir =>
        Environment.GetEnvironmentVariable("COLLECTOR_TOOLS_DIR") is { Length: > 0 } dir
            ? dir
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "collector-tools");

    /// <summary>The node binary, after checking that the npm package is installed in the tools folder (else the test is skipped).</summary>
    public static string NodeWith(string package)
    {
        var node = Which("node");
        Assert.SkipWhen(node is null, "node is not installed: run tests/run.sh (apt nodejs) to check with the third-party readers");
        Assert.SkipWhen(!Directory.Exists(Path.Combine(ToolsDir, "node_modules", package)),
            $"npm package {package} is not in {ToolsDir}: run tests/run.sh, or source .ci/lib.sh and call ensure_third_party_tools");
        return node!;
    }

    public static string Require(string tool, string package)
    {
        var path = Which(tool);
        Assert.SkipWhen(path is null, $"{tool} is not installed: run tests/run.sh (apt {package})");
        return path!;
    }

    public static string? Which(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists);

    /// <summary>One of the checks/ scripts run by node, with the tools folder's node_modules resolvable from it.</summary>
    public static Task<(int Code, string Output)> NodeCheckAsync(string package, string script, params string[] args)
    {
        var node = NodeWith(package);
        var copy = Path.Combine(ToolsDir, "collector-" + script);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "checks", script), copy, overwrite: true);
        return RunAsync(node, [copy, .. args]);
    }

    public static async Task<(int Code, string Output)> RunAsync(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var ct = TestContext.Current.CancellationToken;
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return (process.ExitCode, (await stdout) + (await stderr));
    }
}
