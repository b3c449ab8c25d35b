using SkiaSharp;

namespace Collector.Detection.Images;

/// <summary>
/// Meta's PDQ perceptual hash, computed as the reference C++ core does at full resolution: BT.601 luminance in float32,
/// two rounds of Jarosz box filtering (rows then columns, window ceil(dimension/128)), decimation to 64x64,
/// quality from the gradient sum, a 16x16 DCT (frequencies 1-16), and a threshold at the lower median.
/// </summary>
public static class PdqHasher
{
    private const int Size = 64;
    private const int DctSize = 16;
    private static readonly float[] Dct = BuildDctMatrix();

    /// <summary>Decodes image bytes (JPEG, PNG, WebP, GIF...) and hashes them; false when the bytes are not an image.</summary>
    public static bool TryHashEncoded(ReadOnlySpan<byte> encoded, out PdqHash hash)
    {
        hash = default;
        using var data = SKData.CreateCopy(encoded);
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            return false;
        }

        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            return false;
        }

        hash = HashRgba(bitmap.GetPixelSpan(), info.Width, info.Height, bitmap.RowBytes);
        return true;
    }

    /// <summary>Hashes 8-bit RGBA pixels (alpha ignored).</summary>
    public static PdqHash HashRgba(ReadOnlySpan<byte> rgba, int width, int height, int rowBytes)
    {
        if (width < 5 || height < 5)
        {
            return new PdqHash(0, 0, 0, 0, 0);
        }

        var luma = new float[width * height];
        for (var y = 0; y < height; y++)
        {
            var row = rgba.Slice(y * rowBytes, width * 4);
            for (var x = 0; x < width; x++)
            {
                luma[(y * width) + x] = (0.299f * row[x * 4]) + (0.587f * row[(x * 4) + 1]) + (0.114f * row[(x * 4) + 2]);
            }
        }

        return HashLuma(luma, width, height);
    }

    /// <summary>Hashes a luminance plane (row-major, <paramref name="width"/> x <paramref name="height"/>).</summary>
    public static PdqHash HashLuma(float[] luma, int width, int height)
    {
        if (width < 5 || height < 5)
        {
            return new PdqHash(0, 0, 0, 0, 0);
        }

        var buffer64 = Downscale(luma, width, height);
        var quality = Quality(buffer64);
        var dct = Dct16(buffer64);
        return Threshold(dct, quality);
    }

    /// <summary>Jarosz-filters and decimates a luma plane to 64x64 (exposed for stage-by-stage checks).</summary>
    public static float[] Downscale(float[] luma, int width, int height)
    {
        if (width == Size && height == Size)
        {
            return (float[])luma.Clone();
        }

        var a = (float[])luma.Clone();
        var b = new float[a.Length];
        var windowAlongRows = (width + (2 * Size) - 1) / (2 * Size);
        var windowAlongCols = (height + (2 * Size) - 1) / (2 * Size);
        for (var round = 0; round < 2; round++)
        {
            for (var y = 0; y < height; y++)
            {
                Box1D(a, b, y * width, width, 1, windowAlongRows);
            }

            for (var x = 0; x < width; x++)
            {
                Box1D(b, a, x, height, width, windowAlongCols);
            }
        }

        var output = new float[Size * Size];
        for (var i = 0; i < Size; i++)
        {
            var ini = (int)((i + 0.5) * height / Size);
            for (var j = 0; j < Size; j++)
            {
                var inj = (int)((j + 0.5) * width / Size);
                output[(i * Size) + j] = a[(ini * width) + inj];
            }
        }

        return output;
    }

    /// <summary>The reference quality metric on the 64x64 buffer (0-100).</summary>
    public static int Quality(float[] buffer64)
    {
        var gradientSum = 0;
        for (var i = 0; i < Size - 1; i++)
        {
            for (var j = 0; j < Size; j++)
            {
                var u = buffer64[(i * Size) + j];
                var v = buffer64[((i + 1) * Size) + j];
                gradientSum += Math.Abs((int)((u - v) * 100 / 255));
            }
        }

        for (var i = 0; i < Size; i++)
        {
            for (var j = 0; j < Size - 1; j++)
            {
                var u = buffer64[(i * Size) + j];
                var v = buffer64[(i * Size) + j + 1];
                gradientSum += Math.Abs((int)((u - v) * 100 / 255));
            }
        }

        return Math.Min(100, gradientSum / 90);
    }

    /// <summary>B = D · A · Dᵀ, keeping frequencies 1-16 on each axis (row-major 16x16).</summary>
    public static float[] Dct16(float[] buffer64)
    {
        var t = new float[DctSize * Size];
        for (var i = 0; i < DctSize; i++)
        {
            for (var j = 0; j < Size; j++)
            {
                var sum = 0f;
                for (var k = 0; k < Size; k++)
                {
                    sum += Dct[(i * Size) + k] * buffer64[(k * Size) + j];
                }

                t[(i * Size) + j] = sum;
            }
        }

        var b = new float[DctSize * DctSize];
        for (var i = 0; i < DctSize; i++)
        {
            for (var j = 0; j < DctSize; j++)
            {
                var sum = 0f;
                for (var k = 0; k < Size; k++)
                {
                    sum += t[(i * Size) + k] * Dct[(j * Size) + k];
                }

                b[(i * DctSize) + j] = sum;
            }
        }

        return b;
    }

    /// <summary>Bit 16·u + v is set where the coefficient is above the lower median of all 256.</summary>
    public static PdqHash Threshold(float[] dct16, int quality)
    {
        var sorted = (float[])dct16.Clone();
        Array.Sort(sorted);
        var median = sorted[127];
        Span<bool> bits = stackalloc bool[256];
        for (var k = 0; k < 256; k++)
        {
            bits[k] = dct16[k] > median;
        }

        return PdqHash.FromBits(bits, quality);
    }

    /// <summary>One box pass as the reference does it: a float running sum, the window cut off at the edges.</summary>
    private static void Box1D(float[] input, float[] output, int start, int length, int stride, int window)
    {
        var half = (window + 2) / 2;
        var phase1 = half - 1;
        var phase2 = window - half + 1;
        var phase3 = length - window;
        var phase4 = half - 1;
        int li = start, ri = start, oi = start;
        var sum = 0f;
        var current = 0;
        for (var i = 0; i < phase1; i++)
        {
            sum += input[ri];
            current++;
            ri += stride;
        }

        for (var i = 0; i < phase2; i++)
        {
            sum += input[ri];
            current++;
            output[oi] = sum / current;
            ri += stride;
            oi += stride;
        }

        for (var i = 0; i < phase3; i++)
        {
            sum += input[ri];
            sum -= input[li];
            output[oi] = sum / current;
            li += stride;
            ri += stride;
            oi += stride;
        }

        for (var i = 0; i < phase4; i++)
        {
            sum -= input[li];
            current--;
            output[oi] = sum / current;
            li += stride;
            oi += stride;
        }
    }

    private static float[] BuildDctMatrix()
    {
        var matrix = new float[DctSize * Size];
        var scale = (float)Math.Sqrt(2.0 / Size);
        for (var i = 0; i < DctSize; i++)
        {
            for (var j = 0; j < Size; j++)
            {
                matrix[(i * Size) + j] = (float)(scale * Math.Cos(Math.PI / 2 / Size * (i + 1) * ((2 * j) + 1)));
            }
        }

        return matrix;
    }
}
