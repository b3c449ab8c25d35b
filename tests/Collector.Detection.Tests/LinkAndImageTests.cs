using Collector.Detection.Images;
using Collector.Detection.Links;

namespace Collector.Detection.Tests;

public sealed class LinkAndImageTests
{
    [Theory]
    [InlineData("http://WWW.Example.com/news/story/?utm_source=tw&utm_medium=x&id=7&fbclid=abc#top")]
    [InlineData("https://example.com/news/story?id=7")]
    [InlineData("example.com/news/story/?id=7&gclid=1")]
    public void Canonicalize_TrackingSchemeHostSlash_AreRemoved(string url) =>
        Assert.Equal("example.com/news/story?id=7", UrlCanonicalizer.Canonicalize(url));

    [Fact]
    public void Canonicalize_DifferentPathOrNotHttp_DiffersOrIsNull()
    {
        Assert.NotEqual(UrlCanonicalizer.Canonicalize("https://example.com/a"), UrlCanonicalizer.Canonicalize("https://example.com/b"));
        Assert.Null(UrlCanonicalizer.Canonicalize("mailto:someone@example.com"));
        Assert.Null(UrlCanonicalizer.Canonicalize("   "));
    }

    [Fact]
    public void Weight_BurstVersusSpreadOverDays_TiesOnlyTheBurst()
    {
        var burst = Enumerable.Range(0, 20).Select(i => 1_000_000L + (i * 60)).ToArray();
        var spread = Enumerable.Range(0, 40).Select(i => 1_000_000L + (long)(Math.Pow(i, 1.6) * 3600)).ToArray();
        Assert.Equal(1.0, ShareConcentration.Weight(burst, 20, TimeSpan.FromHours(6), 12));
        Assert.True(ShareConcentration.Weight(spread, 40, TimeSpan.FromHours(6), 12) < 0.3);
        Assert.True(ShareConcentration.Weight([1_000_000L, 1_000_000L + (5 * 86400)], 2, TimeSpan.FromHours(6), 12) < 0.6);
    }

    [Fact]
    public void Run_BigNewsLinkSharedOverDays_MakesNoChain_ButABurstDoes()
    {
        var posts = new List<DetectionPost>();
        for (var i = 0; i < 40; i++)
        {
            posts.Add(TestPosts.Make("x", "news" + i, "reader" + i, TestPosts.T0.AddHours(Math.Pow(i, 1.5) * 2), TestPosts.Filler(i),
                links: ["https://www.bignews.example/story?utm_source=" + i]));
        }

        for (var i = 0; i < 6; i++)
        {
            posts.Add(TestPosts.Make(i % 2 == 0 ? "facebook" : "reddit", "op" + i, "op" + i, TestPosts.T0.AddMinutes(i * 7), TestPosts.Filler(100 + i),
                links: [i % 2 == 0 ? "http://campaign.example/a/" : "https://www.campaign.example/a?fbclid=" + i]));
        }

        var result = DetectionEngine.Run(posts);
        var chain = Assert.Single(result.Chains);
        Assert.Equal(6, chain.Posts.Count);
        Assert.All(chain.Posts, p => Assert.Equal(["link"], p.MatchedBy));
        Assert.Equal(["facebook", "reddit"], chain.Platforms);
        Assert.True(result.Stats.LinksDownWeighted >= 1);
    }

    [Fact]
    public void Run_PdqWithinAndBeyond31Bits_TiesOnlyTheNearOneAndIgnoresLowQuality()
    {
        var random = new Random(5);
        var bytes = new byte[32];
        random.NextBytes(bytes);
        var hash = new PdqHash(BitConverter.ToUInt64(bytes), BitConverter.ToUInt64(bytes, 8), BitConverter.ToUInt64(bytes, 16), BitConverter.ToUInt64(bytes, 24), 100);
        PdqHash Flip(int bits, int quality = 100)
        {
            var w = new[] { hash.W0, hash.W1, hash.W2, hash.W3 };
            for (var k = 0; k < bits; k++)
            {
                w[k * 7 % 4] ^= 1UL << (k * 13 % 64);
            }

            return new PdqHash(w[0], w[1], w[2], w[3], quality);
        }

        Assert.Equal(30, hash.HammingDistance(Flip(30)));
        var posts = new[]
        {
            TestPosts.Make("pinterest", "a", "artist", TestPosts.T0, "New cartoon!", image: hash),
            TestPosts.Make("pixiv", "b", "copier", TestPosts.T0.AddHours(3), "So true", image: Flip(30)),
            TestPosts.Make("tumblr", "c", "other", TestPosts.T0.AddHours(4), "LOL", image: new PdqHash(~hash.W0, hash.W1, hash.W2, hash.W3, 100)),
            TestPosts.Make("x", "d", "blurry", TestPosts.T0.AddHours(5), "Look", image: Flip(2, quality: 20)),
        };

        var chain = Assert.Single(DetectionEngine.Run(posts).Chains);
        Assert.Equal(["pinterest", "pixiv"], chain.Platforms);
        Assert.Equal(new PostRef("pinterest", "a"), chain.Origin);
        Assert.All(chain.Posts, p => Assert.Equal(["image"], p.MatchedBy));
    }

    [Fact]
    public void Run_SameMediaUrlWithoutBytes_IsAnImageMatch()
    {
        var posts = new[]
        {
            TestPosts.Make("pinterest", "a", "u1", TestPosts.T0, "Nice", mediaUrl: "https://img.site.example/c/1.jpg"),
            TestPosts.Make("vk", "b", "u2", TestPosts.T0.AddHours(1), "Wow", mediaUrl: "https://IMG.site.example/c/1.jpg?utm_campaign=z"),
        };
        var chain = Assert.Single(DetectionEngine.Run(posts).Chains);
        Assert.Equal(["image"], chain.Posts[1].MatchedBy);
    }

    [Fact]
    public void GroupPdq_NeedlesAgainstHaystack_FindsEveryPairTheReferenceFinds()
    {
        var root = Fixtures.PdqFolder();
        var needles = File.ReadAllLines(Path.Combine(root, "hashes", "needles.txt")).Where(l => l.Length >= 64).Select(l => PdqHash.Parse(l[..64])).ToList();
        var haystack = File.ReadAllLines(Path.Combine(root, "hashes", "haystack.txt")).Where(l => l.Length >= 64).Select(l => PdqHash.Parse(l[..64])).ToList();
        var all = needles.Concat(haystack).ToList();
        var groups = PdqIndex.Group(all, 31);
        var expected = 0;
        for (var n = 0; n < needles.Count; n++)
        {
            for (var h = 0; h < haystack.Count; h++)
            {
                if (needles[n].HammingDistance(haystack[h]) <= 31)
                {
                    expected++;
                    Assert.Equal(groups.Find(n), groups.Find(needles.Count + h));
                }
            }
        }

        Assert.Equal(250, expected);
    }
}
