namespace Collector.Simulator.World;

/// <summary>Deterministic platform-shaped ids from a seeded <see cref="Random"/>, never repeating within one world.</summary>
public sealed class SimIds
{
    private const string Base36 = "0123456789abcdefghijklmnopqrstuvwxyz";
    private readonly Random _random;
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public SimIds(Random random) => _random = random;

    /// <summary>A Reddit id: seven base36 characters starting with 1 (the shape of today's ids).</summary>
    public string Reddit() => Unique(() => "1" + Chars(Base36, 6));

    /// <summary>A numeric id of the given length (Pinterest pins are 18 digits, Quora aids 9).</summary>
    public string Numeric(int length) => Unique(() => _random.Next(1, 10).ToString(System.Globalization.CultureInfo.InvariantCulture) + Chars(Base36[..10], length - 1));

    public string Forum(string prefix) => Unique(() => prefix + Chars(Base36[..10], 6));

    public string Reserve(string id)
    {
        _used.Add(id);
        return id;
    }

    private string Unique(Func<string> make)
    {
        while (true)
        {
            var id = make();
            if (_used.Add(id))
            {
                return id;
            }
        }
    }

    private string Chars(string alphabet, int n)
    {
        Span<char> chars = stackalloc char[n];
        for (var i = 0; i < n; i++)
        {
            chars[i] = alphabet[_random.Next(alphabet.Length)];
        }

        return new string(chars);
    }
}
