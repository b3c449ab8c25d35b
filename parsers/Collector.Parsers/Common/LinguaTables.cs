using System.Globalization;
using System.IO.Compression;
using System.Numerics;
using System.Text.Json;

namespace Collector.Parsers.Common;

/// <summary>What the precomputed language scorers share: reading Lingua's model files, adding score rows, a unique winner.</summary>
internal static class LinguaTables
{
    /// <summary>Receives one n-gram of a model file with its probability.</summary>
    public delegate void NgramSink(ReadOnlySpan<char> ngram, double probability);

    /// <summary>
    /// Reads a model file as Lingua does: {"language": ..., "ngrams": {"numerator/denominator": "ngram ngram ...", ...}},
    /// handing every n-gram to <paramref name="sink"/>; false when the file is missing.
    /// </summary>
    public static bool ReadModel(string path, NgramSink sink)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        byte[] json;
        using (var file = File.OpenRead(path))
        using (var brotli = new BrotliStream(file, CompressionMode.Decompress))
        using (var memory = new MemoryStream())
        {
            brotli.CopyTo(memory);
            json = memory.ToArray();
        }

        var reader = new Utf8JsonReader(json);
        var depth = 0;
        var inNgrams = false;
        double probability = 0;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    depth++;
                    break;
                case JsonTokenType.EndObject:
                    depth--;
                    inNgrams = false;
                    break;
                case JsonTokenType.PropertyName when depth == 1:
                    inNgrams = reader.ValueTextEquals("ngrams"u8);
                    break;
                case JsonTokenType.PropertyName when depth == 2 && inNgrams:
                    probability = Fraction(reader.GetString()!);
                    break;
                case JsonTokenType.String when depth == 2 && inNgrams:
                    var ngrams = reader.GetString()!;
                    foreach (var range in ngrams.AsSpan().Split(' '))
                    {
                        if (ngrams.AsSpan()[range] is { IsEmpty: false } ngram)
                        {
                            sink(ngram, probability);
                        }
                    }

                    break;
            }
        }

        return true;
    }

    /// <summary>sums[i] += row[i], vectorized where the hardware allows.</summary>
    public static void Add(Span<double> sums, ReadOnlySpan<double> row)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= row.Length - Vector<double>.Count; i += Vector<double>.Count)
            {
                (new Vector<double>(sums[i..]) + new Vector<double>(row[i..])).CopyTo(sums[i..]);
            }
        }

        for (; i < row.Length; i++)
        {
            sums[i] += row[i];
        }
    }

    /// <summary>The index of the one largest non-zero count, or null when there is none or a tie.</summary>
    public static int? UniqueMax(ReadOnlySpan<int> counts)
    {
        var best = -1;
        var tie = false;
        for (var l = 0; l < counts.Length; l++)
        {
            if (counts[l] == 0)
            {
                continue;
            }

            if (best < 0 || counts[l] > counts[best])
            {
                (best, tie) = (l, false);
            }
            else if (counts[l] == counts[best])
            {
                tie = true;
            }
        }

        return best >= 0 && !tie ? best : null;
    }

    private static double Fraction(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        return double.Parse(text.AsSpan(0, slash), NumberStyles.Float, CultureInfo.InvariantCulture)
            / int.Parse(text.AsSpan(slash + 1), NumberStyles.Integer, CultureInfo.InvariantCulture);
    }
}
