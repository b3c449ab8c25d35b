using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Collector.Evidence.Warc;

/// <summary>Reads WARC records back: all of a (gzipped) file, or the one gzip member at an index's offset.</summary>
public static class WarcReader
{
    /// <summary>Every record of a .warc.gz (concatenated gzip members) or of an uncompressed .warc.</summary>
    public static IReadOnlyList<ParsedWarcRecord> ReadAll(byte[] file)
    {
        var data = IsGzip(file) ? Gunzip(file) : file;
        var records = new List<ParsedWarcRecord>();
        var position = 0;
        while (position < data.Length)
        {
            records.Add(ParseOne(data, ref position));
        }

        return records;
    }

    /// <summary>The record in the gzip member at <paramref name="offset"/> (length <paramref name="length"/>).</summary>
    public static ParsedWarcRecord ReadAt(byte[] file, long offset, long length)
    {
        if (offset < 0 || length <= 0 || offset + length > file.Length)
        {
            throw new WarcFormatException($"member at {offset} (+{length}) lies outside the file ({file.Length} bytes)");
        }

        var data = Gunzip(file.AsSpan((int)offset, (int)length).ToArray());
        var position = 0;
        var record = ParseOne(data, ref position);
        if (position != data.Length)
        {
            throw new WarcFormatException($"member at {offset} holds more than one record");
        }

        return record;
    }

    private static bool IsGzip(byte[] data) => data.Length > 2 && data[0] == 0x1f && data[1] == 0x8b;

    private static byte[] Gunzip(byte[] data)
    {
        try
        {
            using var gzip = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
            using var result = new MemoryStream();
            gzip.CopyTo(result);
            return result.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new WarcFormatException("not a valid gzip member: " + e.Message);
        }
    }

    private static ParsedWarcRecord ParseOne(byte[] data, ref int position)
    {
        var start = position;
        var version = ReadLine(data, ref position);
        if (!version.StartsWith("WARC/", StringComparison.Ordinal))
        {
            throw new WarcFormatException($"record at byte {start} does not start with WARC/ (found '{Shorten(version)}')");
        }

        var fields = new List<KeyValuePair<string, string>>();
        while (true)
        {
            var line = ReadLine(data, ref position);
            if (line.Length == 0)
            {
                break;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new WarcFormatException($"record at byte {start}: malformed field line '{Shorten(line)}'");
            }

            fields.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
        }

        var lengthText = fields.FirstOrDefault(f => f.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)).Value;
        if (!int.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length) || position + length > data.Length)
        {
            throw new WarcFormatException($"record at byte {start}: bad or overlong Content-Length '{lengthText}'");
        }

        var block = data.AsSpan(position, length).ToArray();
        position += length;
        if (position + 4 > data.Length || data[position] != '\r' || data[position + 1] != '\n' || data[position + 2] != '\r' || data[position + 3] != '\n')
        {
            throw new WarcFormatException($"record at byte {start}: block is not followed by CRLF CRLF");
        }

        position += 4;
        return new ParsedWarcRecord(version, fields, block);
    }

    private static string ReadLine(byte[] data, ref int position)
    {
        var end = data.AsSpan(position).IndexOf("\r\n"u8);
        if (end < 0)
        {
            throw new WarcFormatException($"unterminated header line at byte {position}");
        }

        var line = Encoding.UTF8.GetString(data, position, end);
        position += end + 2;
        return line;
    }

    private static string Shorten(string text) => text.Length > 60 ? text[..60] + "…" : text;
}

/// <summary>A WARC file or member that does not parse.</summary>
public sealed class WarcFormatException(string message) : Exception(message);
