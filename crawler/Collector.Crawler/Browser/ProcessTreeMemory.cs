using System.Globalization;

namespace Collector.Crawler.Browser;

/// <summary>Memory of one process tree as Linux reports it: the sum over the root and all its descendants.</summary>
/// <param name="RssBytes">Sum of resident set sizes (counts shared pages once per process, so it overstates).</param>
/// <param name="PssBytes">Sum of proportional set sizes (shared pages split between sharers); equals RSS where PSS is unreadable.</param>
/// <param name="Processes">How many processes the tree held.</param>
public readonly record struct MemorySample(long RssBytes, long PssBytes, int Processes)
{
    public static MemorySample None { get; } = new(0, 0, 0);

    public double RssMb => RssBytes / 1048576.0;

    public double PssMb => PssBytes / 1048576.0;
}

/// <summary>
/// Reads a process tree's memory from /proc: finds the root by a marker in its command line (Playwright does not expose
/// the browser's pid), then walks parent links to find every descendant (zygotes, renderers, GPU and utility processes).
/// </summary>
public static class ProcessTreeMemory
{
    private const string Proc = "/proc";

    /// <summary>The pid of the first process whose command line contains <paramref name="marker"/> as an argument, or null.</summary>
    public static int? FindByArgument(string marker)
    {
        if (!Directory.Exists(Proc))
        {
            return null;
        }

        foreach (var pid in ListPids())
        {
            if (Arguments(pid)?.Contains(marker, StringComparer.Ordinal) == true)
            {
                return pid;
            }
        }

        return null;
    }

    /// <summary>The processes whose parent is <paramref name="parentPid"/>, each with its command-line arguments.</summary>
    public static IReadOnlyList<(int Pid, string[] Arguments)> Children(int parentPid)
    {
        var children = new List<(int, string[])>();
        foreach (var pid in ListPids())
        {
            if (ReadParent(pid) == parentPid && Arguments(pid) is { } arguments)
            {
                children.Add((pid, arguments));
            }
        }

        return children;
    }

    /// <summary>The root and all its descendants' memory; <see cref="MemorySample.None"/> when the root is gone.</summary>
    public static MemorySample Measure(int rootPid)
    {
        var children = new Dictionary<int, List<int>>();
        foreach (var pid in ListPids())
        {
            var parent = ReadParent(pid);
            if (parent is { } ppid)
            {
                if (!children.TryGetValue(ppid, out var list))
                {
                    children[ppid] = list = [];
                }

                list.Add(pid);
            }
        }

        long rss = 0, pss = 0;
        var count = 0;
        var pending = new Stack<int>();
        pending.Push(rootPid);
        while (pending.TryPop(out var pid))
        {
            var (processRss, processPss) = ReadMemory(pid);
            if (processRss < 0)
            {
                continue;
            }

            rss += processRss;
            pss += processPss;
            count++;
            if (children.TryGetValue(pid, out var list))
            {
                foreach (var child in list)
                {
                    pending.Push(child);
                }
            }
        }

        return new MemorySample(rss, pss, count);
    }

    private static IEnumerable<int> ListPids()
    {
        string[] entries;
        try
        {
            entries = Directory.GetDirectories(Proc);
        }
        catch (IOException)
        {
            yield break;
        }

        foreach (var entry in entries)
        {
            if (int.TryParse(Path.GetFileName(entry), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                yield return pid;
            }
        }
    }

    private static string[]? Arguments(int pid) =>
        TryRead(Path.Combine(Proc, pid.ToString(CultureInfo.InvariantCulture), "cmdline"))?.Split('\0', StringSplitOptions.RemoveEmptyEntries);

    private static int? ReadParent(int pid)
    {
        // /proc/PID/stat: "pid (comm) state ppid ..."; comm may hold spaces and parentheses, so parse after the last ')'.
        var stat = TryRead($"{Proc}/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        if (stat is null)
        {
            return null;
        }

        var close = stat.LastIndexOf(')');
        if (close < 0)
        {
            return null;
        }

        var fields = stat[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length > 1 && int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ppid) ? ppid : null;
    }

    private static (long Rss, long Pss) ReadMemory(int pid)
    {
        var dir = $"{Proc}/{pid.ToString(CultureInfo.InvariantCulture)}";
        var rollup = TryRead(dir + "/smaps_rollup");
        if (rollup is not null)
        {
            var rss = ReadKb(rollup, "Rss:");
            var pss = ReadKb(rollup, "Pss:");
            if (rss >= 0)
            {
                return (rss, pss >= 0 ? pss : rss);
            }
        }

        var status = TryRead(dir + "/status");
        if (status is null)
        {
            return (-1, -1);
        }

        var vmRss = ReadKb(status, "VmRSS:");
        return (vmRss, vmRss);
    }

    private static long ReadKb(string text, string key)
    {
        var at = text.IndexOf(key, StringComparison.Ordinal);
        if (at < 0 || (at > 0 && text[at - 1] != '\n'))
        {
            return -1;
        }

        var line = text.AsSpan(at + key.Length);
        var end = line.IndexOf('\n');
        if (end >= 0)
        {
            line = line[..end];
        }

        line = line.Trim();
        if (line.EndsWith("kB", StringComparison.Ordinal))
        {
            line = line[..^2].Trim();
        }

        return long.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out var kb) ? kb * 1024 : -1;
    }

    private static string? TryRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
