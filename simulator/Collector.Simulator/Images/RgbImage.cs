namespace Collector.Simulator.Images;

/// <summary>A plain 8-bit RGB raster with the few drawing operations the cartoons need.</summary>
public sealed class RgbImage
{
    public RgbImage(int width, int height)
    {
        Width = width;
        Height = height;
        Pixels = new byte[width * height * 3];
    }

    public int Width { get; }

    public int Height { get; }

    public byte[] Pixels { get; }

    public void Fill((byte R, byte G, byte B) colour) => FillRect(0, 0, Width, Height, colour);

    public void FillRect(int x0, int y0, int w, int h, (byte R, byte G, byte B) colour)
    {
        for (var y = Math.Max(0, y0); y < Math.Min(Height, y0 + h); y++)
        {
            for (var x = Math.Max(0, x0); x < Math.Min(Width, x0 + w); x++)
            {
                Set(x, y, colour);
            }
        }
    }

    public void FillCircle(int cx, int cy, int r, (byte R, byte G, byte B) colour)
    {
        for (var y = Math.Max(0, cy - r); y <= Math.Min(Height - 1, cy + r); y++)
        {
            for (var x = Math.Max(0, cx - r); x <= Math.Min(Width - 1, cx + r); x++)
            {
                if (((x - cx) * (x - cx)) + ((y - cy) * (y - cy)) <= r * r)
                {
                    Set(x, y, colour);
                }
            }
        }
    }

    /// <summary>Adds a constant to every channel (clamped): a re-encoded, slightly brightened copy.</summary>
    public void Brighten(int delta)
    {
        for (var i = 0; i < Pixels.Length; i++)
        {
            Pixels[i] = (byte)Math.Clamp(Pixels[i] + delta, 0, 255);
        }
    }

    private void Set(int x, int y, (byte R, byte G, byte B) colour)
    {
        var i = ((y * Width) + x) * 3;
        Pixels[i] = colour.R;
        Pixels[i + 1] = colour.G;
        Pixels[i + 2] = colour.B;
    }
}
