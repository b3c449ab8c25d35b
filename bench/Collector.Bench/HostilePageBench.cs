using System.Diagnostics;
using System.Text;
using Collector.Parsers;

namespace Collector.Bench;

/// <summary>
/// Pages built to be slow, parsed by the parser a crawl would pick (the generic one): a page of rel= links, at
/// 2, 4, 8 and 16 MB by default. Prints wall-clock and process CPU seconds per size and the links the parse offered;
/// linear parsing shows as seconds that double with the size. Usage: hostile [--mb 16] [--rounds 3] (best of N).
/// </summary>
public static class HostilePageBench
{
    public static Task<int> RunAsync(string[] args)
    {
        var largest = BenchSupport.Number(args, "--mb", 16);
        var rounds = BenchSupport.Number(args, "--rounds", 3);
        var registry = ParserRegistry.CreateDefault();
        var url = new Uri("https://hostile.example/list");
        Console.WriteLine("page of rel= links   MB   best wall s   best cpu s   links offered   outcome");
        for (var mb = Math.Max(1, largest / 8); mb <= largest; mb *= 2)
        {
            var page = new PageInput { Url = url, Body = RelPage(mb * 1024 * 1024), ContentType = "text/html" };
            var (wall, cpu) = (double.MaxValue, double.MaxValue);
            ParseResult? result = null;
            for (var round = 0; round < rounds; round++)
            {
                GC.Collect();
                var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
                var started = Stopwatch.GetTimestamp();
                result = registry.Parse(page);
                wall = Math.Min(wall, Stopwatch.GetElapsedTime(started).TotalSeconds);
                cpu = Math.Min(cpu, (Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalSeconds);
            }

            Console.WriteLine($"{"",-20} {mb,3}   {wall,11:0.00}   {cpu,10:0.00}   {result!.Next.Count,13}   {result.Classification}");
        }

        return Task.FromResult(0);
    }

    /// <summary>A listing of nothing but distinct rel=next links (what made the old scanner quadratic), about <paramref name="chars"/> long.</summary>
    internal static string RelPage(int chars)
    {
        var sb = new StringBuilder(chars + 128);
        sb.Append("<!doctype html><html><head><title>list</title></head><body>\n");
        for (var k = 0; sb.Length < chars; k++)
        {
            sb.Append("<a rel=\"next\" href=\"/p/").Append(k).Append("\">page ").Append(k).Append("</a>\n");
        }

        return sb.Append("</body></html>").ToString();
    }
}
