using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Collector.Model;
using Collector.Storage.Sqlite;

namespace Collector.Storage.Tests;

/// <summary>
/// Artifacts on disk survive a power cut (a pack's bytes are flushed, and its name flushed into its folder, before the
/// database records the artifact), and every store re-hashes stored bytes the same way.
/// </summary>
public sealed class ArtifactDurabilityTests : IDisposable
{
    private const string HelperVariable = "COLLECTOR_STORAGE_DURABILITY_HELPER";
    private static readonly byte[] Png = [0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4, 5, 6, 7, 8];
    private readonly TempFolder folder = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => folder.Dispose();

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
    /// Runs a child that stores one artifact under strace, then replays its system calls through a power-cut model
    /// (<see cref="PowerCutModel"/>): from the moment the database is written after the artifact's bytes (the row that
    /// records it), a cut must leave the whole pack under its name. The pack left behind must hold exactly the stored
    /// bytes where the row says.
    /// </summary>
    [Fact]
    public async Task Put_PowerCutAtAnyPoint_RecordNeverPointsAtUnflushedBytes()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "the system-call trace is Linux's");
        var strace = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, "strace")).FirstOrDefault(File.Exists);
        Assert.SkipWhen(strace is null, "strace is not installed");
        var db = Path.Combine(folder.Path, "a.db");
        var log = Path.Combine(folder.Path, "trace.log");
        var sha = Convert.ToHexStringLower(SHA256.HashData(Png));

        var start = new ProcessStartInfo(strace!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-f", "-qq", "-s", "256", "-e", "trace=openat,write,pwrite64,writev,pwritev,fsync,fdatasync,close,rename,renameat,renameat2,link,linkat,unlink,unlinkat", "-o", log, Environment.ProcessPath! })
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
        var packs = Directory.Exists(db + ".artifacts/packs") ? Directory.GetFiles(db + ".artifacts/packs") : [];
        var pack = Assert.Single(packs);
        var (rowPack, offset, length) = StoredBytes.InPack(db, sha);
        Assert.Equal(pack, rowPack);
        var packLength = new FileInfo(pack).Length;

        var unsafeMoments = new List<string>();
        var recordsAfterBytes = 0;
        long? walBefore = null;
        var model = PowerCutModel.Replay(await File.ReadAllLinesAsync(log, Ct), m =>
        {
            var wal = m.WrittenLength(db + "-wal");
            if (wal != walBefore && m.WrittenLength(pack) == packLength)
            {
                recordsAfterBytes++;
                if (m.SurvivingLength(pack) is not { } survives || survives < packLength)
                {
                    unsafeMoments.Add($"database written while {m.SurvivingLength(pack)?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"} of {packLength} pack bytes would survive");
                }
            }

            walBefore = wal;
        });

        Assert.Empty(unsafeMoments);
        Assert.True(recordsAfterBytes > 0, "the database was written after the artifact's bytes (the row recording it)");
        Assert.Equal(packLength, model.SurvivingLength(pack));
        var stored = await File.ReadAllBytesAsync(pack, Ct);
        Assert.Equal(Png.Length, length);
        Assert.Equal(Png, stored.AsSpan((int)offset, (int)length).ToArray());
    }

    [Fact]
    public void PowerCutModel_RenameBeforeFsyncOrNoFolderFlush_SeenAsUnsafe()
    {
        // the model itself must tell the broken orders apart, or the test above proves nothing
        string[] fsyncThenRename =
        [
            "1 openat(AT_FDCWD, \"/d/.t.tmp\", O_WRONLY|O_CREAT|O_EXCL|O_CLOEXEC, 0666) = 5",
            "1 write(5, \"abc\", 3) = 3",
            "1 fsync(5) = 0",
            "1 close(5) = 0",
            "1 rename(\"/d/.t.tmp\", \"/d/t\") = 0",
            "1 openat(AT_FDCWD, \"/d\", O_RDONLY|O_DIRECTORY|O_CLOEXEC) = 6",
            "1 fsync(6) = 0",
        ];
        string[] renameThenFsync = [fsyncThenRename[0], fsyncThenRename[1], fsyncThenRename[4], fsyncThenRename[5], fsyncThenRename[6], fsyncThenRename[2]];

        var sound = new List<long?>();
        var good = PowerCutModel.Replay(fsyncThenRename, m => sound.Add(m.SurvivingLength("/d/t")));
        var broken = new List<long?>();
        PowerCutModel.Replay(renameThenFsync, m => broken.Add(m.SurvivingLength("/d/t")));
        var unflushedFolder = PowerCutModel.Replay(fsyncThenRename[..5]);

        Assert.Equal([null, null, null, null, null, null, 3L], sound);
        Assert.Contains(0L, broken);
        Assert.Null(unflushedFolder.SurvivingLength("/d/t"));
        Assert.Equal(3L, good.WrittenLength("/d/t"));
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
}
