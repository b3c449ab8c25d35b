using Collector.Detection.Images;
using Collector.Simulator.World;

namespace Collector.Simulator.Tests;

/// <summary>The reposted cartoon must be what perceptual hashing calls the same picture, and other pictures must not be.</summary>
public sealed class ImageHashTests
{
    [Fact]
    public void Cartoon_AlteredRepost_WithinPdqMatchDistance()
    {
        var world = new SimWorld(7, new DateTimeOffset(2026, 11, 16, 0, 0, 0, TimeSpan.Zero));
        Assert.True(PdqHasher.TryHashEncoded(world.Images.Png(CampaignPlanter.CartoonImage), out var original));
        Assert.True(PdqHasher.TryHashEncoded(world.Images.Png(CampaignPlanter.CartoonImage + Images.ImageBank.AlteredSuffix), out var altered));
        Assert.True(original.HammingDistance(altered) <= PdqHash.MatchDistance, $"distance {original.HammingDistance(altered)}");

        var others = world.Posts.Where(p => p.ImageId is { } id && !id.StartsWith(CampaignPlanter.CartoonImage, StringComparison.Ordinal))
            .Select(p => p.ImageId!).Distinct(StringComparer.Ordinal).Take(12).ToList();
        Assert.NotEmpty(others);
        foreach (var id in others)
        {
            Assert.True(PdqHasher.TryHashEncoded(world.Images.Png(id), out var other));
            Assert.True(original.HammingDistance(other) > PdqHash.MatchDistance, $"{id} matches the cartoon (distance {original.HammingDistance(other)})");
        }
    }
}
