using System.Security.Cryptography;

namespace Collector.Storage.Sqlite;

/// <summary>
/// The artifact folder as files (ROOT/ab/cd/&lt;sha256&gt;[.gz]): temporary files a killed writer left behind, files
/// written but never recorded (orphans of an interrupted capture: named after their own content), and stray files
/// (anything else).
/// </summary>
internal static class ArtifactFolder
{
    /// <summary>
    /// A writer keeps its temporary file for the milliseconds between creating it and renaming it into place; one this
    /// old was left by a writer that died. Younger ones are left alone: on Linux a delete succeeds on a file another
    /// process is writing (verify beside a running `collector run`, or a second node on the same archive), and its
    /// rename would then fail.
    /// </summary>
    public static readonly TimeSpan LeftoverAge = TimeSpan.FromMinutes(10);

    public static IReadOnlyList<string> RemoveTemporaryFiles(string root, DateTimeOffset now)
    {
        if (!Directory.Exists(root))
        {
            return [];
        }

        var removed = new List<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*.tmp", SearchOption.AllDirectories))
        {
            if (now - File.GetLastWriteTimeUtc(file) < LeftoverAge)
            {
                continue;
            }

            try
            {
                File.Delete(file);
                removed.Add(file);
            }
            catch (IOException)
            {
                // in use by a writer of another process right now: not a leftover
            }
        }

        return removed;
    }

    public static IEnumerable<IntegrityProblem> FindStrayFiles(string root, IReadOnlySet<string> recorded)
    {
        if (!Directory.Exists(root))
        {
            yield break;
        }

        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file);
            var name = Path.GetFileName(file);
            if (name.EndsWith(".tmp", StringComparison.Ordinal))
            {
                continue;
            }

            var sha = name.EndsWith(".gz", StringComparison.Ordinal) ? name[..^3] : name;
            var wellPlaced = sha.Length == 64 && sha.All(char.IsAsciiHexDigitLower)
                && string.Equals(relative, Path.Combine(sha[..2], sha[2..4], name), StringComparison.Ordinal);
            if (wellPlaced && recorded.Contains(sha))
            {
                continue;
            }

            if (wellPlaced && ContentHash(file, gz: name.EndsWith(".gz", StringComparison.Ordinal)) == sha)
            {
                yield return new IntegrityProblem(RecordSeal.Artifacts, relative,
                    "orphaned file: stored under its own hash but never recorded (a capture interrupted before it was recorded)") { IsNote = true };
                continue;
            }

            yield return new IntegrityProblem(RecordSeal.Artifacts, relative,
                "stray file in the artifact folder: no artifact of the archive is stored under this name", Actual: ContentHash(file, gz: false));
        }
    }

    private static string? ContentHash(string file, bool gz)
    {
        try
        {
            using Stream stream = gz
                ? new System.IO.Compression.GZipStream(File.OpenRead(file), System.IO.Compression.CompressionMode.Decompress)
                : File.OpenRead(file);
            return Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
