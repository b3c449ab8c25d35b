namespace Collector.Crawler.Tests.Support;

/// <summary>Finds the repository root (where Collector.sln is) and the shared folder beside it.</summary>
public static class Repo
{
    public static string? Root()
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

    /// <summary>&lt;repo root&gt;/../shared, or null when absent.</summary>
    public static string? Shared()
    {
        var root = Root();
        var shared = root is null ? null : Path.GetFullPath(Path.Combine(root, "..", "shared"));
        return shared is not null && Directory.Exists(shared) ? shared : null;
    }
}
