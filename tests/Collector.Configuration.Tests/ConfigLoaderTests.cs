using Collector.Configuration;
using Collector.Model;

namespace Collector.Configuration.Tests;

public sealed class ConfigLoaderTests
{
    private static readonly Dictionary<string, string?> NoEnvironment = [];

    [Fact]
    public void Load_MinimalFileFromTheIssue_ReadsEveryField()
    {
        const string json = """
            { "storage": { "uri": "sqlite:./archive/collector.db" },
              "sources": [ { "name": "forum", "platform": "generic", "targets": ["http://127.0.0.1:8000/list/1.html"],
                             "schedule": "0 */6 * * *", "render": "auto", "follow": ["a.post-link", "a[rel=next]"], "maxPages": 500 } ] }
            """;

        var config = ConfigLoader.Load(json, environment: NoEnvironment);

        var source = Assert.Single(config.Options.Sources);
        Assert.Equal("forum", source.Name);
        Assert.Equal(Platforms.Generic, source.Platform);
        Assert.Equal(RenderMode.Auto, source.Render);
        Assert.Equal(["a.post-link", "a[rel=next]"], source.Follow);
        Assert.Equal(500, source.MaxPages);
        Assert.Equal("sqlite:./archive/collector.db", config.Options.Storage.Uri);
        Assert.Equal(64, config.Hash.Length);
    }

    [Fact]
    public void Load_ThreeMistakes_ListsEveryOneWithItsPath()
    {
        const string json = """
            { "sources": [ { "name": "a", "platform": "reddit", "target": "not a url", "schedule": "every tuesday", "bogusKey": 1 } ] }
            """;

        var ex = Assert.Throws<ConfigException>(() => ConfigLoader.Load(json, environment: NoEnvironment));

        var paths = ex.Errors.Select(e => e.Path).ToList();
        Assert.Contains("$.sources[0].target", paths);
        Assert.Contains("$.sources[0].bogusKey", paths);
        Assert.Contains("$.sources[0].schedule", paths);
        Assert.Contains("$.sources[0].targets", paths);
        Assert.Contains(ex.Errors, e => e.Message.Contains("unknown key 'bogusKey'", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Message.Contains("cron", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_WrongTypesInTwoSources_ReportsBoth()
    {
        const string json = """
            { "sources": [ { "name": "a", "targets": ["https://a.example/"], "maxPages": "many" },
                           { "name": "b", "targets": ["https://b.example/"], "render": "teleport" } ] }
            """;

        var ex = Assert.Throws<ConfigException>(() => ConfigLoader.Load(json, environment: NoEnvironment));

        Assert.Contains(ex.Errors, e => e.Path.StartsWith("$.sources[0]", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Path.StartsWith("$.sources[1]", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_CrawlerLimitsBelowOne_EachReportedWithItsPath()
    {
        const string json = """
            { "crawler": { "maxConcurrency": 0, "perHostConcurrency": 0, "maxConnectionsPerHost": 0 },
              "sources": [ { "name": "a", "targets": ["https://a.example/"] } ] }
            """;

        var ex = Assert.Throws<ConfigException>(() => ConfigLoader.Load(json, environment: NoEnvironment));

        Assert.Equal(
            new HashSet<string> { "$.crawler.maxConcurrency", "$.crawler.perHostConcurrency", "$.crawler.maxConnectionsPerHost" },
            ex.Errors.Select(e => e.Path).ToHashSet());
    }

    [Fact]
    public void Load_BadUrlTimeZoneAndRobotsOverrideWithoutReason_AllReported()
    {
        const string json = """
            { "storage": { "uri": "postgres://x" },
              "sources": [ { "name": "a", "targets": ["ftp://files.example/x"], "timeZone": "Mars/Olympus",
                             "robots": { "obey": false } },
                           { "name": "a", "targets": ["https://ok.example/"] } ] }
            """;

        var ex = Assert.Throws<ConfigException>(() => ConfigLoader.Load(json, environment: NoEnvironment));

        var paths = ex.Errors.Select(e => e.Path).ToHashSet();
        Assert.Superset(
            new HashSet<string> { "$.storage.uri", "$.sources[0].targets[0]", "$.sources[0].timeZone", "$.sources[0].robots.overrideReason", "$.sources[1].name" },
            paths);
    }

    [Fact]
    public void Load_NotJson_SaysWhere()
    {
        var ex = Assert.Throws<ConfigException>(() => ConfigLoader.Load("{ \"sources\": [ }", environment: NoEnvironment));

        var error = Assert.Single(ex.Errors);
        Assert.Contains("line 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EnvironmentVariables_OverrideFileValues()
    {
        const string json = """{ "sources": [ { "name": "a", "targets": ["https://a.example/"], "maxPages": 5 } ] }""";
        var environment = new Dictionary<string, string?>
        {
            ["COLLECTOR__STORAGE__URI"] = "sqlite:/tmp/other.db",
            ["COLLECTOR__SOURCES__0__MAXPAGES"] = "42",
            ["COLLECTOR__CRAWLER__CONTACT"] = "lab@example.org",
            ["UNRELATED"] = "x",
        };

        var options = ConfigLoader.Load(json, environment: environment).Options;

        Assert.Equal("sqlite:/tmp/other.db", options.Storage.Uri);
        Assert.Equal(42, options.Sources[0].MaxPages);
        Assert.Equal("lab@example.org", options.Crawler.Contact);
    }

    [Fact]
    public void Load_Durations_AcceptShorthandAndDotNetForms()
    {
        const string json = """{ "sources": [ { "name": "a", "targets": ["https://a.example/"], "watchWindow": "30d", "jitter": "00:05:00" } ] }""";

        var source = ConfigLoader.Load(json, environment: NoEnvironment).Options.Sources[0];

        Assert.Equal(TimeSpan.FromDays(30), source.WatchWindow);
        Assert.Equal(TimeSpan.FromMinutes(5), source.Jitter);
    }

    [Fact]
    public void LoadFile_ShippedExampleConfig_IsValid()
    {
        var path = Path.Combine(RepoRoot(), "config", "collector.json");

        var config = ConfigLoader.LoadFile(path, NoEnvironment);

        Assert.True(config.Options.Sources.Count >= 4);
        Assert.All(config.Options.Sources, s => Assert.NotNull(CronSchedule.ToQuartz(s.Schedule, out _)));
    }

    [Fact]
    public void LoadFile_Missing_IsAConfigError()
    {
        var ex = Assert.Throws<ConfigException>(() => ConfigLoader.LoadFile("/nonexistent/collector.json", NoEnvironment));

        Assert.Contains("does not exist", ex.Errors[0].Message, StringComparison.Ordinal);
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Collector.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Collector.sln not found above " + AppContext.BaseDirectory);
    }
}
