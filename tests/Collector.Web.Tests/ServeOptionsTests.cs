using System.Net;

namespace Collector.Web.Tests;

public sealed class ServeOptionsTests
{
    [Theory]
    [InlineData("0.0.0.0:8080")]
    [InlineData("192.168.1.5:8080")]
    [InlineData("[::]:8080")]
    public void Validate_NonLoopbackWithoutToken_Refused(string listen)
    {
        var errors = new ServeOptions { Listen = ServeOptions.ParseListen(listen) }.Validate();

        Assert.Contains(errors, e => e.Contains("not a loopback address", StringComparison.Ordinal) && e.Contains("--token", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_NonLoopbackWithToken_Accepted()
    {
        var options = new ServeOptions { Listen = ServeOptions.ParseListen("0.0.0.0:8080"), Token = new string('k', ServeOptions.MinTokenLength) };

        Assert.Empty(options.Validate());
        Assert.Equal(8081, options.EffectiveArtifactListen.Port);
    }

    [Fact]
    public void Validate_ShortTokenAndSamePort_ListsEveryProblem()
    {
        var options = new ServeOptions
        {
            Listen = ServeOptions.ParseListen("127.0.0.1:8080"),
            ArtifactListen = ServeOptions.ParseListen("127.0.0.1:8080"),
            Token = "short",
        };

        var errors = options.Validate();

        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.Contains("at least 16", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("another port", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("127.0.0.1:8080", "127.0.0.1", 8080)]
    [InlineData("localhost:9000", "127.0.0.1", 9000)]
    [InlineData("[::1]:8080", "::1", 8080)]
    [InlineData("8080", "127.0.0.1", 8080)]
    public void ParseListen_Forms_Parsed(string text, string address, int port)
    {
        var ep = ServeOptions.ParseListen(text);

        Assert.Equal(IPAddress.Parse(address), ep.Address);
        Assert.Equal(port, ep.Port);
    }

    [Theory]
    [InlineData("example.org:8080")]
    [InlineData("127.0.0.1:99999")]
    [InlineData("127.0.0.1")]
    public void ParseListen_Bad_ThrowsWithTheText(string text)
    {
        var ex = Assert.Throws<FormatException>(() => ServeOptions.ParseListen(text));

        Assert.Contains(text, ex.Message, StringComparison.Ordinal);
    }
}
