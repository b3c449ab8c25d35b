using System.IO.Compression;
using System.Security.Cryptography;

namespace Collector.Evidence.Bundles;

/// <summary>
/// Reads a bundle's zip entry by entry, streaming: every entry is hashed as it is read; only the small files the checks
/// parse (JSON, WARC, manifests, tokens) are kept in memory, artifacts are hashed and let go. Names that are absolute,
/// climb out with "..", or use backslashes are refused unread, as are entries over the size limits (declared or
/// actual). Nothing is ever extracted or written anywhere.
/// </summary>
public static class BundleReader
{
    public sealed record Limits(long MaxEntryBytes, long MaxParsedBytes, long MaxTotalBytes)
    {
        public static Limits Default { get; } = new(4L << 30, 256L << 20, 64L << 30);
    }

    internal sealed record Contents(Dictionary<string, byte[]> Parsed, Dictionary<string, string> Hashes, List<string> Problems);

    internal static Contents Read(ZipArchive zip, Limits limits)
    {
        var parsed = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new List<string>();
        long total = 0;
        var buffer = new byte[1 << 16];
        foreach (var entry in zip.Entries)
        {
            var name = entry.FullName;
            if (name.EndsWith('/'))
            {
                continue;
            }

            if (!IsSafeName(name))
            {
                problems.Add($"unsafe entry name: '{name}' (absolute, '..' or backslash path): not read");
                continue;
            }

            if (hashes.ContainsKey(name))
            {
                problems.Add($"duplicate entry: {name} appears more than once in the zip");
                continue;
            }

            var keep = !name.StartsWith("artifacts/", StringComparison.Ordinal);
            var limit = keep ? limits.MaxParsedBytes : limits.MaxEntryBytes;
            if (entry.Length > limit)
            {
                problems.Add($"entry too large: {name} declares {entry.Length} bytes, over the limit of {limit}: not read");
                continue;
            }

            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            using var kept = keep ? new MemoryStream((int)Math.Min(entry.Length, 1 << 20)) : null;
            long read = 0;
            using (var stream = entry.Open())
            {
                int n;
                while ((n = stream.Read(buffer)) > 0)
                {
                    read += n;
                    total += n;
                    if (read > limit || total > limits.MaxTotalBytes)
                    {
                        break;
                    }

                    hash.AppendData(buffer, 0, n);
                    kept?.Write(buffer, 0, n);
                }
            }

            if (read > limit || total > limits.MaxTotalBytes)
            {
                problems.Add($"entry too large: {name} holds more than {(read > limit ? limit : limits.MaxTotalBytes)} bytes (it declared {entry.Length}): not read");
                if (total > limits.MaxTotalBytes)
                {
                    break;
                }

                continue;
            }

            hashes[name] = Convert.ToHexStringLower(hash.GetHashAndReset());
            if (kept is not null)
            {
                parsed[name] = kept.ToArray();
            }
        }

        return new Contents(parsed, hashes, problems);
    }

    /// <summary>A relative path of plain segments: no leading slash or drive, no '..' or '.' or empty segment, no backslash.</summary>
    public static bool IsSafeName(string name) =>
        name.Length > 0 && !name.StartsWith('/') && !name.Contains('\\', StringComparison.Ordinal) && !(name.Length > 1 && name[1] == ':')
        && name.Split('/').All(s => s.Length > 0 && s != ".." && s != ".");
}
