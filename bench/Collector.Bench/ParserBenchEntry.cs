namespace Collector.Bench;

/// <summary>Forwards to the parser benchmark (kept apart so the parser work owns its own file).</summary>
internal static class ParserBenchEntry
{
    public static Task<int> RunAsync(string[] args) =>
        typeof(ParserBenchEntry).Assembly.GetType("Collector.Bench.ParserBench")?.GetMethod("RunAsync")?.Invoke(null, [args]) as Task<int>
        ?? Task.FromResult(Fail());

    private static int Fail()
    {
        Console.Error.WriteLine("parser benchmark not built");
        return 1;
    }
}
