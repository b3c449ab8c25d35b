namespace Collector.Parsers.Tests;

/// <summary>Mutations of a real capture, as damaged saves and hostile servers produce them.</summary>
public static class CaptureMutator
{
    public static (string Name, string Body) Mutate(string body, Random random)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(random);
        if (body.Length < 2)
        {
            return ("as-is", body);
        }

        var at = random.Next(body.Length);
        switch (random.Next(5))
        {
            case 0:
                return ($"truncated@{at}", body[..at]);
            case 1:
                var chars = body.ToCharArray();
                for (var i = 0; i < 8; i++)
                {
                    chars[random.Next(chars.Length)] = (char)random.Next(0, 0x3000);
                }

                return ("byte-flips", new string(chars));
            case 2:
                var depth = random.Next(100, 5000);
                return ($"nested{depth}@{at}", body[..at] + new string('[', depth) + "{\"a\":" + new string('{', depth) + body[at..]);
            case 3:
                var length = Math.Min(body.Length - at, random.Next(1, 20_000));
                return ($"duplicated@{at}+{length}", string.Concat(body.AsSpan(0, at + length), body.AsSpan(at)));
            default:
                var cut = Math.Min(body.Length - at, random.Next(1, 5_000));
                return ($"removed@{at}+{cut}", string.Concat(body.AsSpan(0, at), body.AsSpan(at + cut)));
        }
    }
}
