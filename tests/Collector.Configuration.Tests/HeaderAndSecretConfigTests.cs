namespace Collector.Configuration.Tests;

/// <summary>Values that end up in request headers are one clean line; secrets in a bad value are never echoed.</summary>
public sealed class HeaderAndSecretConfigTests
{
    private static readonly Dictionary<string, string?> NoEnvironment = [];

    [Theory]
    [InlineData("CollectorBot/1.0\r\nX-Injected: 1")]
    [InlineData("CollectorBot/1.0\nHost: internal")]
    [InlineData("   ")]
    public void Load_UserAgentThatIsNotOneLine_RefusedWithItsPath(string userAgent)
    {
        var json = $$"""{ "crawler": { "userAgent": {{System.Text.Json.JsonSerializer.Serialize(userAgent)}} }, "sources": [ { "name": "a", "targets": ["https://ok.example/"] } ] }""";

        var ex = Assert.Throws<ConfigException>(() => ConfigLoader.Load(json, environment: NoEnvironment));

        Assert.Contains(ex.Errors, e => e.Path == "$.crawler.userAgent");
    }

    [Fact]
    public void Load_MalformedProxyUrlWithAPassword_ReportedWithoutThePassword()
    {
        const string json = """{ "sources": [ { "name": "a", "targets": ["https://ok.example/"], "proxies": ["ftp://lab-user:s3cret-pass@proxy.example:3128"] } ] }""";

        var ex = Assert.Throws<ConfigException>(() => ConfigLoader.Load(json, environment: NoEnvironment));

        var error = Assert.Single(ex.Errors, e => e.Path == "$.sources[0].proxies[0]");
        Assert.DoesNotContain("s3cret-pass", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pass", ex.Message, StringComparison.Ordinal);
        Assert.Contains("proxy.example:3128", error.Message, StringComparison.Ordinal);
    }
}
