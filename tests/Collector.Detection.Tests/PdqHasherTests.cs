using Collector.Detection.Images;

namespace Collector.Detection.Tests;

public sealed class PdqHasherTests
{
    [Fact]
    public void HashEncoded_LosslessReferenceImages_MatchReferenceExactlyOrNearly()
    {
        var root = Fixtures.PdqFolder();
        var rows = Fixtures.ReadTsv(Path.Combine(root, "derived", "computed_cpp_reference.tsv"))
            .Where(r => r[0].EndsWith(".png", StringComparison.Ordinal) && !r[0].Contains("I16", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            var bytes = File.ReadAllBytes(Path.Combine(root, row[0]));
            Assert.True(PdqHasher.TryHashEncoded(bytes, out var hash), row[0]);
            var expected = PdqHash.Parse(row[4]);
            // Float32 sums in a different order may flip a coefficient sitting on the median: allow 2 bits.
            Assert.True(hash.HammingDistance(expected) <= 2, $"{row[0]}: {hash.ToHex()} vs {row[4]} = {hash.HammingDistance(expected)}");
            Assert.Equal(int.Parse(row[5], System.Globalization.CultureInfo.InvariantCulture), hash.Quality);
        }
    }

    [Fact]
    public void HashEncoded_JpegReferenceImages_WithinTenBitsWhenQualityHigh()
    {
        var root = Fixtures.PdqFolder();
        var rows = Fixtures.ReadTsv(Path.Combine(root, "derived", "computed_cpp_reference.tsv"))
            .Where(r => r[0].StartsWith("images/", StringComparison.Ordinal) && r[0].EndsWith("jpg", StringComparison.Ordinal) && r[5] == "100")
            .ToList();
        Assert.True(rows.Count >= 15);
        foreach (var row in rows)
        {
            var bytes = File.ReadAllBytes(Path.Combine(root, row[0]));
            Assert.True(PdqHasher.TryHashEncoded(bytes, out var hash), row[0]);
            var distance = hash.HammingDistance(PdqHash.Parse(row[4]));
            Assert.True(distance <= 10, $"{row[0]}: distance {distance} to the C++ reference");
            Assert.True(hash.Quality >= 80);
        }
    }

    [Fact]
    public void HashLuma_ReferenceIntermediates_ReproduceDownscaleAndHash()
    {
        var root = Fixtures.PdqFolder();
        var dir = Path.Combine(root, "derived", "intermediates");
        var lumaRows = File.ReadLines(Path.Combine(dir, "wee_luma.tsv")).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var values = lumaRows.Select(l => l.Split('\t').Where(s => s.Length > 0).ToArray()).Where(a => float.TryParse(a[0], System.Globalization.CultureInfo.InvariantCulture, out _)).ToList();
        var height = values.Count;
        var width = values[0].Length;
        var luma = values.SelectMany(a => a.Select(s => float.Parse(s, System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        Assert.Equal(width * height, luma.Length);

        var downscaled = PdqHasher.Downscale(luma, width, height);
        var expected64 = File.ReadLines(Path.Combine(dir, "wee_64x64.tsv")).Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t').Where(s => s.Length > 0).ToArray())
            .Where(a => float.TryParse(a[0], System.Globalization.CultureInfo.InvariantCulture, out _))
            .SelectMany(a => a.Select(s => float.Parse(s, System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        Assert.Equal(64 * 64, expected64.Length);
        for (var i = 0; i < expected64.Length; i++)
        {
            Assert.True(Math.Abs(expected64[i] - downscaled[i]) < 0.01f, $"cell {i}: {downscaled[i]} vs {expected64[i]}");
        }

        var summary = File.ReadAllText(Path.Combine(dir, "wee_summary.tsv"));
        var hash = PdqHasher.HashLuma(luma, width, height);
        Assert.Contains(hash.ToHex(), summary, StringComparison.Ordinal);
    }

    [Fact]
    public void HammingDistance_BitOrder_FollowsReferenceHexLayout()
    {
        var root = Fixtures.PdqFolder();
        foreach (var row in Fixtures.ReadTsv(Path.Combine(root, "derived", "bit_order.tsv")))
        {
            var bit = int.Parse(row[0], System.Globalization.CultureInfo.InvariantCulture);
            var hash = PdqHash.Parse(row[3]);
            Assert.Equal(1, hash.Norm);
            Assert.True(hash.GetBit(bit));
        }
    }

    [Fact]
    public void TryHashEncoded_NotAnImage_ReturnsFalse()
    {
        Assert.False(PdqHasher.TryHashEncoded("not an image at all"u8, out _));
    }

    [Fact]
    public void HashRgba_TinyImage_IsZeroQuality()
    {
        var hash = PdqHasher.HashRgba(new byte[4 * 4 * 4], 4, 4, 16);
        Assert.Equal(0, hash.Quality);
        Assert.Equal(0, hash.Norm);
    }
}
