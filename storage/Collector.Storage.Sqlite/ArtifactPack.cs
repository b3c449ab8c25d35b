using System.Globalization;
using System.Text;

namespace Collector.Storage.Sqlite;

/// <summary>
/// A pack file: many artifacts' stored bytes appended one after another in ROOT/packs/, each after a one-line header
/// that names it, so that a pack can be read (and its entries checked) without the database:
/// <code>
/// collector-artifact-pack 1\n
/// &lt;sha256 of the content&gt; &lt;encoding: identity|gzip&gt; &lt;stored length&gt;\n &lt;stored bytes&gt; \n
/// ...
/// </code>
/// A pack is only ever appended to, by the one process that created it, and never reopened for writing: bytes once
/// written are never rewritten. The database row of an artifact names its pack and the offset of its stored bytes.
/// </summary>
internal static class ArtifactPack
{
    public const string Folder = "packs";
    public const string Extension = ".pack";
    public static readonly byte[] Magic = "collector-artifact-pack 1\n"u8.ToArray();

    /// <summary>A pack is closed and a new one started once it holds this many bytes (one artifact may exceed it).</summary>
    public const long RollOverBytes = 256L << 20;

    public static byte[] Header(string sha256, string encoding, long storedLength) =>
        Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{sha256} {encoding} {storedLength}\n"));

    /// <summary>The path of pack <paramref name="name"/> under the artifact folder <paramref name="root"/> (null for a name that is not a pack's).</summary>
    public static string? PathOf(string root, string name) =>
        IsName(name) ? Path.Combine(root, Folder, name) : null;

    public static bool IsName(string name) =>
        name.EndsWith(Extension, StringComparison.Ordinal) && name.Length <= 80
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_');

    /// <summary>One entry as found by <see cref="ReadEntries"/>: where its stored bytes start, or why it could not be read.</summary>
    public sealed record Entry(string? Sha256, string? Encoding, long Offset, long StoredLength, string? Problem);

    /// <summary>
    /// Walks a pack's headers (skipping over the stored bytes). Stops at the first entry that cannot be read: a torn tail
    /// (a write interrupted by a crash, never recorded) or damage, reported as an entry with a <see cref="Entry.Problem"/>.
    /// </summary>
    public static IEnumerable<Entry> ReadEntries(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 12);
        var magic = new byte[Magic.Length];
        if (file.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false) != magic.Length || !magic.AsSpan().SequenceEqual(Magic))
        {
            yield return new Entry(null, null, 0, 0, "not a pack file (its first line is not the pack header)");
            yield break;
        }

        while (file.Position < file.Length)
        {
            var start = file.Position;
            var line = ReadLine(file, 100);
            var parts = line?.Split(' ');
            if (parts is not { Length: 3 } || parts[0].Length != 64 || !parts[0].All(char.IsAsciiHexDigitLower)
                || parts[1] is not ("identity" or "gzip")
                || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var length))
            {
                yield return new Entry(null, null, start, 0, $"unreadable entry header at byte {start}");
                yield break;
            }

            var offset = file.Position;
            if (offset + length + 1 > file.Length)
            {
                yield return new Entry(parts[0], parts[1], offset, length, $"entry at byte {start} ends past the end of the pack (a write interrupted before it was recorded)");
                yield break;
            }

            file.Position = offset + length;
            if (file.ReadByte() != '\n')
            {
                yield return new Entry(parts[0], parts[1], offset, length, $"entry at byte {start} is not followed by its end-of-entry newline");
                yield break;
            }

            yield return new Entry(parts[0], parts[1], offset, length, null);
        }
    }

    private static string? ReadLine(Stream stream, int max)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < max; i++)
        {
            var b = stream.ReadByte();
            if (b < 0)
            {
                return null;
            }

            if (b == '\n')
            {
                return sb.ToString();
            }

            sb.Append((char)b);
        }

        return null;
    }
}
