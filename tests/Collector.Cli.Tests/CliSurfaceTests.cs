using Collector.Cli;

namespace Collector.Cli.Tests;

/// <summary>The command line as a user meets it: help, exit codes, configuration errors. Runs in process.</summary>
public sealed class CliSurfaceTests
{
    [Fact]
    public async Task Help_Root_ListsEverySubcommand()
    {
        var (code, stdout, _) = await RunAsync("--help");

        Assert.Equal(0, code);
        foreach (var command in new[] { "crawl", "run", "parse", "import", "detect", "export", "verify", "demo", "history", "search", "runs", "status" })
        {
            Assert.Matches($@"(?m)^\s+{command}\b", stdout);
        }
    }

    [Theory]
    [InlineData("crawl", "--render", "--follow", "--wait-for", "--scroll", "--max-pages", "--concurrency", "--store", "--json")]
    [InlineData("run", "--config", "--once", "--source")]
    [InlineData("parse", "--url", "--platform", "--explain")]
    [InlineData("export", "--format", "--out", "--pseudonymize", "--post", "--chain", "--since", "--until")]
    [InlineData("detect", "--store", "--since", "--until", "--platform", "--out")]
    [InlineData("demo", "--out", "--cycles")]
    public async Task Help_Subcommand_DescribesItsOptions(string command, params string[] options)
    {
        var (code, stdout, _) = await RunAsync(command, "--help");

        Assert.Equal(0, code);
        Assert.All(options, o => Assert.Contains(o, stdout, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Parse_Explain_NamesTheLayerOfEachField()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bot-{Guid.NewGuid():n}.html");
        await File.WriteAllTextAsync(path, """
            <html><head><meta content="The Verge (@verge) on X" property="og:title" /><meta content="Is it bad to blow into game cartridges?" property="og:description" />
            </head><body><div id="react-root"></div><script src="/main.js"></script></body></html>
            """, TestContext.Current.CancellationToken);
        try
        {
            var (code, stdout, _) = await RunAsync("parse", path, "--url", "https://x.com/verge/status/957383241714970624", "--explain");

            Assert.Equal(0, code);
            Assert.Contains("x:957383241714970624 (post) read from meta", stdout, StringComparison.Ordinal);
            Assert.Matches(@"(?m)^\s+author\.handle\s+verge\s+<- meta: meta\[og:title \| twitter:title\] ""Name \(@handle\)""$", stdout);
            Assert.Matches(@"(?m)^\s+text\s+Is it bad to blow into game cartridges\?\s+<- meta: meta\[og:description \| twitter:description \| description\]$", stdout);
            Assert.Contains("layers tried: platform, json-ld, microdata, meta", stdout, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Parse_UnknownOption_IsAUsageError()
    {
        var (code, _, stderr) = await RunAsync("runs", "--no-such-option");

        Assert.Equal(2, code);
        Assert.Contains("--no-such-option", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ConfigWithThreeMistakes_ExitTwoListingEach()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():n}.json");
        await File.WriteAllTextAsync(path, """
            { "sources": [ { "name": "a", "platform": "reddit", "target": "not a url", "schedule": "every tuesday", "bogusKey": 1 } ] }
            """, TestContext.Current.CancellationToken);
        try
        {
            var (code, _, stderr) = await RunAsync("run", "--config", path, "--once");

            Assert.Equal(2, code);
            Assert.Contains("$.sources[0].bogusKey", stderr, StringComparison.Ordinal);
            Assert.Contains("$.sources[0].schedule", stderr, StringComparison.Ordinal);
            Assert.Contains("$.sources[0].target", stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Run_ConfigWithBadValues_ExitTwoWithEachPathBeforeTheStoreIsCreated()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"bad-values-{Guid.NewGuid():n}");
        Directory.CreateDirectory(folder);
        var store = Path.Combine(folder, "archive", "c.db");
        var path = Path.Combine(folder, "collector.json");
        await File.WriteAllTextAsync(path, $$"""
            { "storage": { "uri": "sqlite:{{store}}" },
              "crawler": { "maxBodyBytes": -1, "maxRetries": -2, "parseTimeout": "0s", "browser": { "recycleContextAfterPages": 0 } },
              "sources": [ { "name": "a", "targets": ["https://a.example/"], "render": "browser", "follow": ["a[[["], "waitFor": "div[" } ] }
            """, TestContext.Current.CancellationToken);
        try
        {
            var (code, _, stderr) = await RunAsync("run", "--config", path, "--once");

            Assert.Equal(2, code);
            foreach (var bad in new[] { "$.crawler.maxBodyBytes", "$.crawler.maxRetries", "$.crawler.parseTimeout", "$.crawler.browser.recycleContextAfterPages", "$.sources[0].follow[0]", "$.sources[0].waitFor" })
            {
                Assert.Contains(bad, stderr, StringComparison.Ordinal);
            }

            Assert.False(File.Exists(store), "the store was created for a configuration that was refused");
            Assert.False(Directory.Exists(Path.GetDirectoryName(store)), "the store's folder was created for a configuration that was refused");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Run_MissingConfigFile_ExitTwo()
    {
        var (code, _, stderr) = await RunAsync("run", "--config", "/nonexistent/collector.json", "--once");

        Assert.Equal(2, code);
        Assert.Contains("does not exist", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runs_UnknownStoreScheme_ExitTwo()
    {
        var (code, _, stderr) = await RunAsync("runs", "--store", "postgres://nowhere/x");

        Assert.Equal(2, code);
        Assert.Contains("unknown store", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_ZeroCycles_ExitTwo()
    {
        var (code, _, _) = await RunAsync("demo", "--cycles", "0", "--out", Path.GetTempPath());

        Assert.Equal(2, code);
    }

    internal static async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CollectorCli.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
