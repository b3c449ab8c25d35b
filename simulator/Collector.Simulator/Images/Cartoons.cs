namespace Collector.Simulator.Images;

/// <summary>Draws simple deterministic cartoons: a sky, a building, a sun and a face, all placed by a seed.</summary>
public static class Cartoons
{
    public const int Size = 320;

    /// <summary>The cartoon for a seed. Different seeds give visibly different pictures (and far-apart perceptual hashes).</summary>
    public static RgbImage Draw(int seed)
    {
        var r = new Random(seed);
        var image = new RgbImage(Size, Size);
        image.Fill(Colour(r, 120, 255));

        // Ground, a building with windows, a sun, a big face: shapes of different sizes give the picture low-frequency structure.
        var horizon = r.Next(170, 240);
        image.FillRect(0, horizon, Size, Size - horizon, Colour(r, 20, 140));
        var bx = r.Next(10, 150);
        var bw = r.Next(60, 130);
        var bh = r.Next(90, 160);
        image.FillRect(bx, horizon - bh, bw, bh, Colour(r, 40, 200));
        for (var wy = horizon - bh + 12; wy < horizon - 20; wy += 26)
        {
            for (var wx = bx + 10; wx < bx + bw - 16; wx += 24)
            {
                image.FillRect(wx, wy, 12, 14, (250, 240, 140));
            }
        }

        image.FillCircle(r.Next(200, 300), r.Next(30, 90), r.Next(18, 40), (255, 210, 40));
        var fx = r.Next(170, 260);
        var fy = r.Next(150, 230);
        var fr = r.Next(40, 60);
        image.FillCircle(fx, fy, fr, (245, 205, 170));
        image.FillCircle(fx - (fr / 3), fy - (fr / 4), fr / 7, (20, 20, 20));
        image.FillCircle(fx + (fr / 3), fy - (fr / 4), fr / 7, (20, 20, 20));
        image.FillRect(fx - (fr / 2), fy + (fr / 3), fr, fr / 8, (160, 30, 30));
        return image;
    }

    /// <summary>The same cartoon slightly altered, as a repost would be: brightened and with a small watermark in a corner.</summary>
    public static RgbImage DrawAltered(int seed)
    {
        var image = Draw(seed);
        image.Brighten(10);
        image.FillRect(Size - 34, Size - 22, 30, 18, (255, 255, 255));
        return image;
    }

    private static (byte, byte, byte) Colour(Random r, int min, int max) =>
        ((byte)r.Next(min, max), (byte)r.Next(min, max), (byte)r.Next(min, max));
}
