using System.Globalization;

namespace Collector.Bench;

/// <summary>What every benchmark needs: its `--name value` options, and the shared yardsticks beside the repository.</summary>
internal static class BenchSupport
{
    /// <summary>The value after <paramref name="name"/>, or <paramref name="fallback"/>.</summary>
    public static string Text(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }

    /// <summary>The whole number after <paramref name="name"/>, or <paramref name="fallback"/> when absent or not a number.</summary>
    public static int Number(string[] args, string name, int fallback) =>
        int.TryParse(Text(args, name, ""), CultureInfo.InvariantCulture, out var value) ? value : fallback;

    /// <summary>The repository's root (the folder holding Collector.sln) above the bench's binary, or null.</summary>
    public static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Collector.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>A file or folder in ../shared beside the repository (its full path), or null where it is not there.</summary>
    public static string? Shared(string relative)
    {
        var root = RepositoryRoot();
        var path = root is null ? null : Path.GetFullPath(Path.Combine(root, "..", "shared", relative));
        return path is not null && (File.Exists(path) || Directory.Exists(path)) ? path : null;
    }
}
