using System.Globalization;
using System.Text.RegularExpressions;

namespace Collector.Storage.Tests;

/// <summary>
/// Replays an strace log (openat, write/pwrite64/writev/pwritev, fsync/fdatasync, rename*/link*/unlink, close) under the usual model of a
/// power cut: a file's bytes survive only up to its last fsync, and a directory entry (made by a create, a rename or a
/// link) survives only once the directory holding it was fsync'ed afterwards. After each system call it can say what a
/// power cut at that instant would leave on disk.
/// </summary>
internal sealed partial class PowerCutModel
{
    private readonly Dictionary<int, int> openFiles = [];
    private readonly Dictionary<int, string> openDirectories = [];
    private readonly Dictionary<string, int> names = [];
    private readonly Dictionary<string, int> durableNames = [];
    private readonly List<long> written = [];
    private readonly List<long> flushed = [];

    /// <summary>Feeds each complete call in order; <paramref name="afterEach"/> sees the model after every one.</summary>
    public static PowerCutModel Replay(IEnumerable<string> straceLines, Action<PowerCutModel>? afterEach = null)
    {
        var model = new PowerCutModel();
        var pending = new Dictionary<string, string>();
        foreach (var raw in straceLines)
        {
            var line = raw;
            var pid = Pid().Match(line) is { Success: true } p ? p.Groups[1].Value : string.Empty;
            if (line.EndsWith("<unfinished ...>", StringComparison.Ordinal))
            {
                pending[pid] = line[..^"<unfinished ...>".Length];
                continue;
            }

            if (Resumed().Match(line) is { Success: true } r && pending.Remove(pid, out var head))
            {
                line = head + r.Groups["rest"].Value;
            }

            if (model.Apply(line))
            {
                afterEach?.Invoke(model);
            }
        }

        return model;
    }

    /// <summary>What a power cut now would leave under <paramref name="path"/>: null (no such file) or its surviving length.</summary>
    public long? SurvivingLength(string path) =>
        durableNames.TryGetValue(path, out var file) ? flushed[file] : null;

    /// <summary>The length written so far to the file now named <paramref name="path"/>, or null.</summary>
    public long? WrittenLength(string path) => names.TryGetValue(path, out var file) ? written[file] : null;

    private bool Apply(string line)
    {
        var call = Call().Match(line);
        if (!call.Success || !long.TryParse(call.Groups["ret"].Value, CultureInfo.InvariantCulture, out var ret) || ret < 0)
        {
            return false;
        }

        var args = call.Groups["args"].Value;
        var paths = QuotedPath().Matches(args).Select(m => m.Groups[1].Value).ToList();
        switch (call.Groups["name"].Value)
        {
            case "openat" when paths.Count == 1:
                Open(paths[0], args, (int)ret);
                break;
            case "write" or "pwrite64" or "writev" or "pwritev" when FirstFd(args) is { } fd && openFiles.TryGetValue(fd, out var file):
                written[file] += ret;
                break;
            case "fsync" or "fdatasync" when FirstFd(args) is { } fd:
                Flush(fd);
                break;
            case "rename" or "renameat" or "renameat2" when paths.Count == 2 && names.Remove(paths[0], out var moved):
                names[paths[1]] = moved;
                break;
            case "link" or "linkat" when paths.Count == 2 && names.TryGetValue(paths[0], out var linked):
                names[paths[1]] = linked;
                break;
            case "unlink" or "unlinkat" when paths.Count == 1:
                names.Remove(paths[0]);
                break;
            case "close" when FirstFd(args) is { } fd:
                openFiles.Remove(fd);
                openDirectories.Remove(fd);
                break;
            default:
                return false;
        }

        return true;
    }

    private void Open(string path, string args, int fd)
    {
        if (args.Contains("O_DIRECTORY", StringComparison.Ordinal) || Directory.Exists(path))
        {
            openDirectories[fd] = path;
            return;
        }

        if (!names.TryGetValue(path, out var file))
        {
            if (!args.Contains("O_CREAT", StringComparison.Ordinal))
            {
                return;
            }

            file = written.Count;
            names[path] = file;
            written.Add(0);
            flushed.Add(0);
        }

        openFiles[fd] = file;
    }

    // a file's descriptor keeps pointing at the file whatever it is renamed to
    private void Flush(int fd)
    {
        if (openDirectories.TryGetValue(fd, out var path))
        {
            // the directory's entries as they are now survive; entries removed from it are gone for good
            var prefix = path.TrimEnd('/') + "/";
            foreach (var gone in durableNames.Keys.Where(k => IsEntryOf(k, prefix) && !names.ContainsKey(k)).ToList())
            {
                durableNames.Remove(gone);
            }

            foreach (var (name, file) in names.Where(n => IsEntryOf(n.Key, prefix)))
            {
                durableNames[name] = file;
            }
        }
        else if (openFiles.TryGetValue(fd, out var file))
        {
            flushed[file] = written[file];
        }
    }

    private static bool IsEntryOf(string name, string directoryPrefix) =>
        name.StartsWith(directoryPrefix, StringComparison.Ordinal) && name.IndexOf('/', directoryPrefix.Length) < 0;

    private static int? FirstFd(string args) =>
        int.TryParse(args.Split(',', 2)[0].Trim(), CultureInfo.InvariantCulture, out var fd) ? fd : null;

    [GeneratedRegex(@"^(\d+)\s")]
    private static partial Regex Pid();

    [GeneratedRegex(@"<\.\.\. \w+ resumed>(?<rest>.*)$")]
    private static partial Regex Resumed();

    [GeneratedRegex(@"(?:^|\s)(?<name>\w+)\((?<args>.*)\)\s+=\s+(?<ret>-?\d+)")]
    private static partial Regex Call();

    [GeneratedRegex("\"((?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex QuotedPath();
}
