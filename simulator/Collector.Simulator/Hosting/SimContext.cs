using Collector.Simulator.World;

namespace Collector.Simulator.Hosting;

/// <summary>What every site reads: the world, the hosts' base URLs (known once Kestrel has bound) and the options.</summary>
public sealed class SimContext
{
    private readonly Dictionary<SimPlatform, Uri> _baseUrls = [];

    public SimContext(SimWorld world, SimulationOptions options)
    {
        World = world;
        Options = options;
    }

    public SimWorld World { get; }

    public SimulationOptions Options { get; }

    public Uri BaseUrl(SimPlatform platform) => _baseUrls[platform];

    /// <summary>The absolute URL of a path on a host ("/r/x/" on Reddit).</summary>
    public string Url(SimPlatform platform, string path) => new Uri(BaseUrl(platform), path).AbsoluteUri;

    /// <summary>The absolute URL of an image on the media host.</summary>
    public string ImageUrl(string imageId, string size = "originals") => Url(SimPlatform.Media, World.Images.Path(imageId, size));

    internal void SetBaseUrl(SimPlatform platform, Uri url) => _baseUrls[platform] = url;
}
