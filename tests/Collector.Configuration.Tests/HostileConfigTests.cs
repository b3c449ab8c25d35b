namespace Collector.Configuration.Tests;

/// <summary>The bad values the issue found accepted (or crashing later, after the store was created): each refused at load with its JSON path.</summary>
public sealed class HostileConfigTests
{
    private static readonly Dictionary<string, string?> NoEnvironment = [];

    private const string Source = """{ "name": "a", "targets": ["https://ok.example/"] }""";

    private static HashSet<string> Paths(string json) =>
        Assert.Throws<ConfigException>(() => ConfigLoader.Load(json, environment: NoEnvironment)).Errors.Select(e => e.Path).ToHashSet();

    [Theory]
    [InlineData("""{ "crawler": { "maxBodyBytes": -1 } }""", "$.crawler.maxBodyBytes")]
    [InlineData("""{ "crawler": { "maxMediaBytes": -5 } }""", "$.crawler.maxMediaBytes")]
    [InlineData("""{ "crawler": { "maxRedirects": -1 } }""", "$.crawler.maxRedirects")]
    [InlineData("""{ "crawler": { "maxRetries": -2 } }""", "$.crawler.maxRetries")]
    [InlineData("""{ "crawler": { "maxConcurrency": 1000000 } }""", "$.crawler.maxConcurrency")]
    [InlineData("""{ "crawler": { "requestsPerSecond": 1e309 } }""", "$.crawler.requestsPerSecond")]
    [InlineData("""{ "crawler": { "browser": { "recycleContextAfterPages": 0 } } }""", "$.crawler.browser.recycleContextAfterPages")]
    [InlineData("""{ "scheduler": { "failureThreshold": -1 } }""", "$.scheduler.failureThreshold")]
    [InlineData("""{ "scheduler": { "misfireThreshold": "0s" } }""", "$.scheduler.misfireThreshold")]
    [InlineData("""{ "sources": [ null ] }""", "$.sources[0]")]
    [InlineData("""{ "sources": [ { "name": "a\u0007b", "targets": ["https://ok.example/"] } ] }""", "$.sources[0].name")]
    [InlineData("""{ "sources": [ { "name": "a", "targets": ["https://ok.example/"], "schedule": "0 0 31 2 *" } ] }""", "$.sources[0].schedule")]
    [InlineData("""{ "crawler": { "parseTimeout": "0s" } }""", "$.crawler.parseTimeout")]
    [InlineData("""{ "crawler": { "browser": { "maxDomElements": 10 } } }""", "$.crawler.browser.maxDomElements")]
    [InlineData("""{ "sources": [ { "name": "a", "targets": ["https://ok.example/"], "follow": ["a.post-link", "a[[["] } ] }""", "$.sources[0].follow[1]")]
    [InlineData("""{ "sources": [ { "name": "a", "targets": ["https://ok.example/"], "follow": [""] } ] }""", "$.sources[0].follow[0]")]
    [InlineData("""{ "sources": [ { "name": "a", "targets": ["https://ok.example/"], "waitFor": "div[data-x=" } ] }""", "$.sources[0].waitFor")]
    [InlineData("""{ "sources": [ { "name": "a", "targets": ["https://ok.example/"], "waitFor": "2 seconds" } ] }""", "$.sources[0].waitFor")]
    public void Load_BadValue_RefusedWithItsPath(string json, string path)
    {
        var withSource = json.Contains("\"sources\"", StringComparison.Ordinal) ? json : json[..json.LastIndexOf('}')] + $", \"sources\": [ {Source} ] }}";

        Assert.Contains(path, Paths(withSource));
    }

    [Theory]
    [InlineData("networkidle")]
    [InlineData("domcontentloaded")]
    [InlineData("1500ms")]
    [InlineData("2s")]
    [InlineData("#feed > article.post:not(.ad)")]
    public void Load_WaitForKeywordDelayOrSelector_Accepted(string waitFor)
    {
        var json = $$"""{ "sources": [ { "name": "a", "targets": ["https://ok.example/"], "render": "browser", "waitFor": "{{waitFor}}", "follow": ["a[rel~=next]", "article h2 > a"] } ] }""";

        Assert.Equal(waitFor, ConfigLoader.Load(json, environment: NoEnvironment).Options.Sources[0].WaitFor);
    }

    [Fact]
    public void Load_DuplicateKey_RefusedAsBadJsonNotACrash()
    {
        var ex = Assert.Throws<ConfigException>(() => ConfigLoader.Load("""{ "crawler": { "maxRetries": 2, "maxRetries": 3 }, "sources": [ """ + Source + " ] }", environment: NoEnvironment));

        Assert.Equal("$", Assert.Single(ex.Errors).Path);
    }

    [Fact]
    public void ToQuartz_CronThatNeverFires_RefusedWithWhy()
    {
        Assert.Null(CronSchedule.ToQuartz("0 0 30 2 *", out var error));
        Assert.Contains("never fires", error, StringComparison.Ordinal);
        Assert.NotNull(CronSchedule.ToQuartz("0 0 29 2 *", out _));
    }
}
