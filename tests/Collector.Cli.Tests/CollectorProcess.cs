using System.Diagnostics;
using System.Text;

namespace Collector.Cli.Tests;

/// <summary>The built `collector` in a child process (for kill -9 and multi-node tests), output captured.</summary>
internal sealed class CollectorProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private CollectorProcess(Process process)
    {
        this.process = process;
    }

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public int Id => process.Id;

    public static CollectorProcess Start(params string[] args)
    {
        var dir = AppContext.BaseDirectory;
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (File.Exists(Path.Combine(dir, "collector.runtimeconfig.json")))
        {
            info.ArgumentList.Add(Path.Combine(dir, "collector.dll"));
        }
        else
        {
            // run the collector assembly under this test host's runtime configuration and dependency graph
            var self = Path.GetFileNameWithoutExtension(typeof(CollectorProcess).Assembly.Location);
            info.ArgumentList.Add("exec");
            info.ArgumentList.Add("--runtimeconfig");
            info.ArgumentList.Add(Path.Combine(dir, self + ".runtimeconfig.json"));
            info.ArgumentList.Add("--depsfile");
            info.ArgumentList.Add(Path.Combine(dir, self + ".deps.json"));
            info.ArgumentList.Add(Path.Combine(dir, "collector.dll"));
        }

        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var child = new CollectorProcess(Process.Start(info)!);
        child.process.OutputDataReceived += (_, e) => child.Append(e.Data);
        child.process.ErrorDataReceived += (_, e) => child.Append(e.Data);
        child.process.BeginOutputReadLine();
        child.process.BeginErrorReadLine();
        return child;
    }

    public async Task WaitForOutputAsync(string text, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = TimeProvider.System.GetUtcNow() + timeout;
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (process.HasExited || TimeProvider.System.GetUtcNow() > deadline)
            {
                throw new TimeoutException($"collector did not print '{text}' (exited: {process.HasExited}):\n{Output}");
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    /// <summary>SIGKILL, as `kill -9`.</summary>
    public void KillHard() => process.Kill(entireProcessTree: true);

    /// <summary>SIGTERM, then wait for a graceful exit (killed after <paramref name="timeout"/>; returns -1 then).</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        if (!process.HasExited)
        {
            _ = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])?.WaitForExit(5000);
        }

        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
            return process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true); // still finishing its in-flight run: the caller asked for a bounded wait
            return -1;
        }
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
