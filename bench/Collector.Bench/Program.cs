using Collector.Bench;

// Every benchmark of the project, by name: `dotnet run -c Release --project bench/Collector.Bench -- NAME [args]`;
// `all` runs each with its default arguments. Figures and how to read them: bench/README.md.
var benches = new Dictionary<string, Func<string[], Task<int>>>(StringComparer.OrdinalIgnoreCase)
{
    ["parsers"] = ParserBench.RunAsync,
    ["storage"] = StorageBench.RunAsync,
    ["crawl"] = CrawlBench.RunAsync,
    ["crawlee"] = CrawleeBench.RunAsync,
    ["browser"] = BrowserBench.RunAsync,
    ["detection"] = DetectionBench.RunAsync,
    ["fuzz"] = FuzzBench.RunAsync,
    ["language"] = LanguageBench.RunAsync,
    ["worlds"] = WorldsBench.RunAsync,
    ["browse"] = BrowseBench.RunAsync,
    ["hostile"] = HostilePageBench.RunAsync,
};

if (args.Length == 0 || !(benches.ContainsKey(args[0]) || args[0] == "all"))
{
    Console.Error.WriteLine($"usage: Collector.Bench ({string.Join("|", benches.Keys)}|all) [args]");
    return 2;
}

if (args[0] != "all")
{
    return await benches[args[0]](args[1..]);
}

var failed = 0;
foreach (var (name, run) in benches)
{
    Console.WriteLine($"== {name}");
    failed += await run([]) == 0 ? 0 : 1;
}

return failed == 0 ? 0 : 1;
