using Microsoft.Data.Sqlite;

namespace Collector.Storage.Tests;

/// <summary>
/// An archive's stored artifact bytes as the disk holds them, read and changed behind the archive's back (as someone
/// tampering would): an artifact's place in its pack, and the layout archives written before packs use (one file each).
/// </summary>
internal static class StoredBytes
{
    /// <summary>The pack file, offset and length of <paramref name="sha256"/>'s stored bytes.</summary>
    public static (string Pack, long Offset, long Length) InPack(string dbPath, string sha256)
    {
        var (pack, offset, length) = Row(dbPath, sha256);
        Assert.NotNull(pack);
        return (Path.Combine(dbPath + ".artifacts", "packs", pack!), offset, length);
    }

    /// <summary>Flips one bit of the stored byte at <paramref name="at"/> within the artifact (its middle when negative).</summary>
    public static void Flip(string dbPath, string sha256, long at = -1, byte bit = 1)
    {
        var (pack, offset, length) = InPack(dbPath, sha256);
        using var file = new FileStream(pack, FileMode.Open, FileAccess.ReadWrite);
        file.Position = offset + (at < 0 ? length / 2 : at);
        var b = file.ReadByte();
        file.Position--;
        file.WriteByte((byte)(b ^ bit));
    }

    /// <summary>
    /// Rewrites the archive as archives written before packs look: each artifact in its own file ROOT/ab/cd/SHA[.gz], its
    /// row naming no pack, and the packs gone.
    /// </summary>
    public static void ToFilePerArtifact(string dbPath)
    {
        var root = dbPath + ".artifacts";
        var rows = new List<(string Sha, string Encoding, string Pack, long Offset, long Length)>();
        using (var connection = new SqliteConnection($"Data Source={dbPath};Pooling=false"))
        {
            connection.Open();
            using (var cmd = connection.CreateCommand())
            {
                cmd.CommandText = "SELECT sha256, encoding, pack, pack_offset, stored_length FROM artifacts WHERE pack IS NOT NULL";
                using var r = cmd.ExecuteReader();
                while (r.Read())
                {
                    rows.Add((r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3), r.GetInt64(4)));
                }
            }

            foreach (var (sha, encoding, pack, offset, length) in rows)
            {
                var bytes = new byte[length];
                using (var file = File.OpenRead(Path.Combine(root, "packs", pack)))
                {
                    file.Position = offset;
                    file.ReadExactly(bytes);
                }

                Directory.CreateDirectory(Path.Combine(root, sha[..2], sha[2..4]));
                File.WriteAllBytes(Path.Combine(root, sha[..2], sha[2..4], sha + (encoding == "gzip" ? ".gz" : "")), bytes);
            }

            using (var cmd = connection.CreateCommand())
            {
                cmd.CommandText = "UPDATE artifacts SET pack = NULL, pack_offset = NULL";
                cmd.ExecuteNonQuery();
            }
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(Path.Combine(root, "packs"), recursive: true);
    }

    private static (string? Pack, long Offset, long Length) Row(string dbPath, string sha256)
    {
        using var connection = new SqliteConnection($"Data Source={dbPath};Pooling=false;Mode=ReadOnly");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT pack, pack_offset, stored_length FROM artifacts WHERE sha256 = $s";
        cmd.Parameters.AddWithValue("$s", sha256);
        using var r = cmd.ExecuteReader();
        Assert.True(r.Read(), "artifact " + sha256 + " has no row");
        return (r.IsDBNull(0) ? null : r.GetString(0), r.IsDBNull(1) ? 0 : r.GetInt64(1), r.GetInt64(2));
    }
}
