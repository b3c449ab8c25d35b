using System.Security.Cryptography;
using System.Text;
using Collector.Model;
using Collector.Storage.Sqlite;

namespace Collector.Storage.Tests;

/// <summary>The pack writer under many writers at once, and when the disk refuses it.</summary>
public sealed class PackWriterTests : IDisposable
{
    private readonly TempFolder folder = new();

    private string DbPath => Path.Combine(folder.Path, "a.db");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Put_ManyAtOnce_EachReadsBackFromOnePackAndVerifies()
    {
        var contents = Enumerable.Range(0, 64).Select(i => Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat($"<p>page {i}</p>", 1 + (i * 37 % 50))))).ToList();
        await using (var archive = SqliteArchive.Open(DbPath, TimeProvider.System))
        {
            var stored = await Task.WhenAll(contents.Select(c => Task.Run(() => archive.Artifacts.PutAsync(new ArtifactContent(ArtifactKinds.Raw, c, "text/html"), Ct), Ct)));
            for (var i = 0; i < contents.Count; i++)
            {
                await using var read = await archive.Artifacts.OpenReadAsync(stored[i].Sha256, Ct);
                using var copy = new MemoryStream();
                await read!.CopyToAsync(copy, Ct);
                Assert.Equal(contents[i], copy.ToArray());
                Assert.Equal(ArtifactState.Ok, (await archive.Artifacts.VerifyAsync(stored[i].Sha256, Ct)).State);
            }
        }

        var pack = Assert.Single(Directory.GetFiles(Path.Combine(DbPath + ".artifacts", "packs")));
        Assert.All(contents, c => Assert.Equal(pack, StoredBytes.InPack(DbPath, Convert.ToHexStringLower(SHA256.HashData(c))).Pack));
    }

    [Fact]
    public async Task Put_SameBytesFromManyPagesAtOnce_AppendedOnce()
    {
        var image = new byte[5000];
        new Random(3).NextBytes(image);
        await using (var archive = SqliteArchive.Open(DbPath, TimeProvider.System))
        {
            var stored = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => archive.Artifacts.PutAsync(new ArtifactContent(ArtifactKinds.Screenshot, image, "image/png"), Ct), Ct)));
            Assert.Single(stored.Select(s => s.Sha256).Distinct());
        }

        var pack = Assert.Single(Directory.GetFiles(Path.Combine(DbPath + ".artifacts", "packs")));
        var entry = Assert.Single(ArtifactPack.ReadEntries(pack));
        Assert.Null(entry.Problem);
        Assert.Equal(image.Length, entry.StoredLength);
    }

    [Fact]
    public async Task Put_PackFolderCannotBeMade_ClearErrorThenStoresOnceItCan()
    {
        var blocker = Path.Combine(DbPath + ".artifacts", "packs");
        Directory.CreateDirectory(Path.GetDirectoryName(blocker)!);
        await File.WriteAllTextAsync(blocker, "a file where the packs folder belongs", Ct);
        await using var archive = SqliteArchive.Open(DbPath, TimeProvider.System);
        var content = new ArtifactContent(ArtifactKinds.Screenshot, new byte[] { 1, 2, 3, 4 }, "image/png");

        var error = await Assert.ThrowsAsync<ArchiveUnavailableException>(() => archive.Artifacts.PutAsync(content, Ct));
        Assert.Contains("cannot store an artifact", error.Message, StringComparison.Ordinal);
        Assert.False(await archive.Artifacts.ExistsAsync(Convert.ToHexStringLower(SHA256.HashData(new byte[] { 1, 2, 3, 4 })), Ct));

        File.Delete(blocker);
        var stored = await archive.Artifacts.PutAsync(content, Ct);
        Assert.True(await archive.Artifacts.ExistsAsync(stored.Sha256, Ct));
    }
}
