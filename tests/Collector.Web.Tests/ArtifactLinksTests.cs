using System.Web;
using Collector.Web.Security;
using Microsoft.Extensions.Time.Testing;

namespace Collector.Web.Tests;

/// <summary>A signed artifact link works for its lifetime after the page that held it was served, then never again.</summary>
public sealed class ArtifactLinksTests
{
    private static readonly string Sha = new('a', 64);

    private static (string Type, string? Exp, string? Sig) Parts(string path)
    {
        var query = HttpUtility.ParseQueryString(new Uri(new Uri("http://127.0.0.1/"), path).Query);
        return (query["type"]!, query["exp"], query["sig"]);
    }

    [Fact]
    public void IsValid_WithinItsLifetime_TrueAfterwardsFalse()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
        var links = new ArtifactLinks(time);
        var (type, exp, sig) = Parts(links.Path(Sha, "image/png"));

        Assert.True(links.IsValid(Sha, type, exp, sig));
        time.Advance(ArtifactLinks.Lifetime);
        Assert.True(links.IsValid(Sha, type, exp, sig));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(links.IsValid(Sha, type, exp, sig));
    }

    [Fact]
    public void IsValid_ExpiryMovedOrMissing_False()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
        var links = new ArtifactLinks(time);
        var (type, exp, sig) = Parts(links.Path(Sha, "text/plain"));

        Assert.False(links.IsValid(Sha, type, (long.Parse(exp!, System.Globalization.CultureInfo.InvariantCulture) + 86_400).ToString(System.Globalization.CultureInfo.InvariantCulture), sig));
        Assert.False(links.IsValid(Sha, type, null, sig));
        Assert.False(links.IsValid(Sha, type, "-1", sig));
        Assert.False(links.IsValid(Sha, "text/html", exp, sig));
    }

    [Fact]
    public void IsValid_LinkOfAnotherServerProcess_False()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
        var (type, exp, sig) = Parts(new ArtifactLinks(time).Path(Sha, "text/plain"));

        Assert.False(new ArtifactLinks(time).IsValid(Sha, type, exp, sig));
    }
}
