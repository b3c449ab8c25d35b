using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Collector.Simulator.Images;

/// <summary>
/// The world's images by id ("cartoon-1", "cartoon-1-alt", "pin-17"): PNG bytes generated on first use and kept, served by
/// the media host under a pinimg-like path <c>/originals/ab/cd/ef/&lt;32 hex&gt;.png</c> (also /736x/ and /236x/).
/// An id ending in "-alt" is the slightly altered copy of the id without it.
/// </summary>
public sealed class ImageBank
{
    private readonly int _seed;
    private readonly ConcurrentDictionary<string, byte[]> _bytes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _idByHash = new(StringComparer.Ordinal);

    public ImageBank(int seed) => _seed = seed;

    public const string AlteredSuffix = "-alt";

    /// <summary>The file name (32 lower-case hex) the media host serves the image under.</summary>
    public string Hash(string imageId)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{_seed}/{imageId}")))[..32];
        _idByHash.TryAdd(hash, imageId);
        return hash;
    }

    /// <summary>The path of the image on the media host, in the given size folder (originals, 736x, 236x).</summary>
    public string Path(string imageId, string size = "originals")
    {
        var h = Hash(imageId);
        return $"/{size}/{h[..2]}/{h[2..4]}/{h[4..6]}/{h}.png";
    }

    public byte[] Png(string imageId) => _bytes.GetOrAdd(imageId, id =>
    {
        var altered = id.EndsWith(AlteredSuffix, StringComparison.Ordinal);
        var baseId = altered ? id[..^AlteredSuffix.Length] : id;
        var seed = _seed ^ (int)World.StableHash.Of(baseId);
        return PngEncoder.Encode(altered ? Cartoons.DrawAltered(seed) : Cartoons.Draw(seed));
    });

    /// <summary>The image id for a served file name, if the bank named it.</summary>
    public bool TryResolve(string hash, out string imageId) => _idByHash.TryGetValue(hash, out imageId!);
}
