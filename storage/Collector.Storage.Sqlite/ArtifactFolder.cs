using System.Security.Cryptography;

namespace Collector.Storage.Sqlite;

/// <summary>
/// The artifact folder as files (packs in ROOT/packs, and ROOT/ab/cd/&lt;sha256&gt;[.gz] as archives written before packs
/// keep them): temporary files a killed writer left behind, files or pack entries written but never recorded (orphans
/// of an interrupted capture: named after their own content), and stray files (anything else).
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
            if (string.Equals(Path.GetDirectoryName(relative), ArtifactPack.Folder, StringComparison.Ordinal)
                && ArtifactPack.IsName(Path.GetFileName(file)))
            {
                foreach (var p in CheckPack(file, relative, recorded))
                {
                    yield return p;
                }

                continue;
            }

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

    /// <summary>
    /// A pack's entries that no artifact row names: bytes appended but never recorded (a capture interrupted after its
    /// artifacts were flushed) are a note when they hash to the name in their header, else a problem; a torn last entry is
    /// a write interrupted by a crash (never recorded: a note).
    /// </summary>
    private static List<IntegrityProblem> CheckPack(string file, string relative, IReadOnlySet<string> recorded)
    {
        List<ArtifactPack.Entry> entries;
        try
        {
            entries = ArtifactPack.ReadEntries(file).ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [new IntegrityProblem(RecordSeal.Artifacts, relative, "pack file cannot be read: " + ex.Message)];
        }

        var problems = new List<IntegrityProblem>();
        foreach (var e in entries)
        {
            var at = relative + "@" + e.Offset.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (e.Problem is not null)
            {
                var torn = e.Sha256 is not null && !recorded.Contains(e.Sha256);
                problems.Add(new IntegrityProblem(RecordSeal.Artifacts, at, e.Problem) { IsNote = torn });
            }
            else if (!recorded.Contains(e.Sha256!))
            {
                problems.Add(ContentHash(file, e.Offset, e.StoredLength, e.Encoding == "gzip") == e.Sha256
                    ? new IntegrityProblem(RecordSeal.Artifacts, at,
                        "orphaned pack entry: stored under its own hash but never recorded (a capture interrupted before it was recorded)") { IsNote = true }
                    : new IntegrityProblem(RecordSeal.Artifacts, at, "stray pack entry: its bytes do not hash to the name in its header, and no artifact of the archive is stored there"));
            }
        }

        return problems;
    }

    private static string? ContentHash(string file, long offset, long length, bool gz) =>
        ContentHash(() => new PackSliceStream(file, offset, length), gz);

    private static string? ContentHash(string file, bool gz) => ContentHash(() => File.OpenRead(file), gz);

    /// <summary>The SHA-256 of the content the stored bytes hold (decompressed where <paramref name="gz"/>), or null when unreadable.</summary>
    private static string? ContentHash(Func<Stream> open, bool gz)
    {
        try
        {
            var stored = open();
            using Stream stream = gz ? new System.IO.Compression.GZipStream(stored, System.IO.Compression.CompressionMode.Decompress) : stored;
            return Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
