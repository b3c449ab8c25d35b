namespace Collector.Detection.Tests;

/// <summary>Finds the shared fixtures folder (<c>&lt;repo root&gt;/../shared/fixtures</c>) or skips the test.</summary>
internal static class Fixtures
{
    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Collector.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("Collector.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>The PDQ reference folder, or a skip with the reason when it is absent.</summary>
    public static string PdqFolder()
    {
        var path = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "fixtures", "pdq"));
        Assert.SkipWhen(!Directory.Exists(path), $"PDQ reference vectors not present at {path}; skipping the PDQ reference check");
        return path;
    }

    public static IEnumerable<string[]> ReadTsv(string path) =>
        File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t'));
}
