using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Collector.Model;
using Collector.Storage.Sqlite;

namespace Collector.Storage.Tests;

/// <summary>
/// Artifacts on disk survive a power cut (the folder is flushed after the rename that names a new file), and every
/// store re-hashes stored bytes the same way.
/// </summary>
public sealed partial class ArtifactDurabilityTests : IDisposable
{
    private const string HelperVariable = "COLLECTOR_STORAGE_DURABILITY_HELPER";
    private static readonly byte[] Png = [0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4, 5, 6, 7, 8];
    private readonly TempFolder folder = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => folder.Dispose();

    [Fact]
    public void FlushDirectory_ExistingFolder_Succeeds() => DurableFiles.FlushDirectory(folder.Path);

    [Fact]
    public void FlushDirectory_MissingFolderOnLinux_Fails()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "directories are flushed for real on Linux only");

        var ex = Assert.Throws<IOException>(() => DurableFiles.FlushDirectory(Path.Combine(folder.Path, "nope")));

        Assert.Contains("nope", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateDirectory_SeveralLevelsMissing_CreatesThemAll()
    {
        var deep = Path.Combine(folder.Path, "a", "b", "c");

        DurableFiles.CreateDirectory(deep);
        DurableFiles.CreateDirectory(deep);

        Assert.True(Directory.Exists(deep));
    }

    [Fact]
    public async Task Rehash_IntactAlteredAndCorruptGzip_ReportOkAlteredAndUnreadable()
    {
        var bytes = Encoding.UTF8.GetBytes("<p>evidence</p>");
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var gz = new MemoryStream();
        await using (var z = new GZipStream(gz, CompressionLevel.Fastest, leaveOpen: true))
        {
            await z.WriteAsync(bytes, Ct);
        }

        var corrupt = gz.ToArray();
        corrupt[corrupt.Length / 2] ^= 0xff;

        var ok = await ArtifactRehash.CheckAsync(sha, new MemoryStream(bytes), "here", Ct);
        var altered = await ArtifactRehash.CheckAsync(sha, new MemoryStream([.. bytes, 0]), "here", Ct);
        var unreadable = await ArtifactRehash.CheckAsync(sha, new GZipStream(new MemoryStream(corrupt), CompressionMode.Decompress), "here", Ct);

        Assert.Equal((ArtifactState.Ok, sha, (long)bytes.Length, "here"), (ok.State, ok.ActualSha256, ok.Length, ok.Location));
        Assert.Equal(ArtifactState.Altered, altered.State);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData([.. bytes, 0])), altered.ActualSha256);
        Assert.Equal(ArtifactState.Altered, unreadable.State);
        Assert.Null(unreadable.ActualSha256);
        Assert.StartsWith("gzip data corrupt: ", unreadable.Detail, StringComparison.Ordinal);
    }

    /// <summary>
    /// Runs a child that stores one artifact under strace and checks, in the system calls it made, that the folder
    /// holding the new file was opened and fsync'ed after the rename (or link) that gave the file its name.
    /// </summary>
    [Fact]
    public async Task Put_NewArtifact_FlushesItsFolderAfterTheRename()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "the system-call trace is Linux's");
        var strace = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, "strace")).FirstOrDefault(File.Exists);
        Assert.SkipWhen(strace is null, "strace is not installed");
        var db = Path.Combine(folder.Path, "a.db");
        var log = Path.Combine(folder.Path, "trace.log");
        var sha = Convert.ToHexStringLower(SHA256.HashData(Png));
        var dir = Path.Combine(db + ".artifacts", sha[..2], sha[2..4]);
        var final = Path.Combine(dir, sha);

        var start = new ProcessStartInfo(strace!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-f", "-qq", "-s", "4096", "-e", "trace=openat,fsync,rename,renameat,renameat2,link,linkat", "-o", log, Environment.ProcessPath! })
        {
            start.ArgumentList.Add(a);
        }

        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ArtifactDurabilityTests).Assembly.Location);
        }

        start.ArgumentList.Add("-method");
        start.ArgumentList.Add("*." + nameof(DurabilityHelper_PutOneArtifact));
        start.Environment[HelperVariable] = db;
        using var child = Process.Start(start)!;
        var stderr = child.StandardError.ReadToEndAsync(Ct);
        _ = await child.StandardOutput.ReadToEndAsync(Ct);
        await child.WaitForExitAsync(Ct);
        Assert.SkipWhen(!File.Exists(log) || new FileInfo(log).Length == 0, "strace could not trace here: " + await stderr);
        Assert.True(File.Exists(final), "the child stored the artifact: " + await stderr);

        var lines = await File.ReadAllLinesAsync(log, Ct);
        var named = Array.FindIndex(lines, l => NamingCall().IsMatch(l) && l.Contains('"' + final + '"', StringComparison.Ordinal) && l.EndsWith("= 0", StringComparison.Ordinal));
        Assert.True(named >= 0, "no successful rename/link onto " + final);
        var opened = lines.Skip(named + 1).Select(l => OpenedDirectory().Match(l))
            .Where(m => m.Success && m.Groups["path"].Value == dir).Select(m => m.Groups["fd"].Value).ToList();
        Assert.NotEmpty(opened);
        Assert.Contains(lines.Skip(named + 1), l => FsyncOk().Match(l) is { Success: true } m && opened.Contains(m.Groups["fd"].Value));
    }

    /// <summary>The child side of the strace test: stores one artifact in a fresh archive.</summary>
    [Fact]
    public async Task DurabilityHelper_PutOneArtifact()
    {
        var db = Environment.GetEnvironmentVariable(HelperVariable);
        Assert.SkipWhen(string.IsNullOrEmpty(db), "runs only as the child process of the strace test");
        await using var archive = await new SqliteArchiveBackend(TimeProvider.System).OpenAsync("sqlite:" + db, Ct);
        await archive.Artifacts.PutAsync(new ArtifactContent(ArtifactKinds.Screenshot, Png, "image/png"), Ct);
    }

    [GeneratedRegex(@"\b(rename|renameat|renameat2|link|linkat)\(")]
    private static partial Regex NamingCall();

    [GeneratedRegex("""openat\(AT_FDCWD, "(?<path>[^"]+)", O_RDONLY\|O_CLOEXEC\)\s+= (?<fd>\d+)$""")]
    private static partial Regex OpenedDirectory();

    [GeneratedRegex(@"\bfsync\((?<fd>\d+)\)\s+= 0$")]
    private static partial Regex FsyncOk();
}
