using System.Diagnostics;
using System.Globalization;
using Collector.Model;
using Collector.Storage;
using Collector.Storage.Sqlite;

namespace Collector.Bench;

/// <summary>
/// `browse [--posts N]`: the pages of `collector serve` over an archive of N posts (default 1,000,000, imported through
/// the archive contract): the first page and 50 keyset pages deep for each sort, each filter's first page, and a full-text
/// search. Prints the time of each; the target is every page under 300 ms.
/// </summary>
public static class BrowseBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var n = BenchSupport.Number(args, "--posts", 1_000_000);
        var folder = Directory.CreateTempSubdirectory("collector-browse-bench-").FullName;
        try
        {
            var archive = SqliteArchive.Open(Path.Combine(folder, "c.db"), TimeProvider.System);
            await using (archive)
            {
                var t = Stopwatch.StartNew();
                await archive.ImportAsync(Posts(n), new ImportContext { Origin = "browse-bench" });
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"imported {n:N0} posts in {t.Elapsed.TotalSeconds:0.0} s"));
                t.Restart();
                await archive.IndexPendingTextAsync();
                await archive.BrowseAsync(new BrowseQuery { Limit = 1 }); // creates the sort indexes, as serve's first page does
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"full-text and sort indexes built in {t.Elapsed.TotalSeconds:0.0} s (once per archive)"));

                var worst = 0.0;
                foreach (var sort in Enum.GetValues<BrowseSort>())
                {
                    worst = Math.Max(worst, await PagesAsync(archive, sort.ToString(), new BrowseQuery { Sort = sort }, deep: 50));
                }

                var from = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
                var filters = new (string Name, BrowseQuery Query)[]
                {
                    ("platform", new BrowseQuery { Platforms = ["quora"] }),
                    ("community", new BrowseQuery { Community = "c7" }),
                    ("author (1 in 1,000)", new BrowseQuery { Author = "user417" }),
                    ("time range", new BrowseQuery { From = from, To = from.AddDays(7), Sort = BrowseSort.PublishedDesc }),
                    ("deleted", new BrowseQuery { Deleted = true }),
                    ("edited", new BrowseQuery { HasVersions = true }),
                    ("flagged (2,000 keys)", new BrowseQuery { Only = Enumerable.Range(0, 2000).Select(i => new PostKey("reddit", "p" + (i * 499))).ToList() }),
                    ("words", new BrowseQuery { Text = "harbour" }),
                    ("words + platform", new BrowseQuery { Text = "harbour", Platforms = ["telegram"] }),
                };
                foreach (var (name, query) in filters)
                {
                    worst = Math.Max(worst, await PagesAsync(archive, name, query, deep: 10));
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"slowest page: {worst:0.0} ms ({(worst < 300 ? "under" : "OVER")} the 300 ms target)"));
                return worst < 300 ? 0 : 1;
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The first page, then <paramref name="deep"/> pages by keyset; returns the slowest (ms).</summary>
    private static async Task<double> PagesAsync(SqliteArchive archive, string name, BrowseQuery query, int deep)
    {
        var times = new List<double>();
        string? after = null;
        var rows = 0;
        for (var i = 0; i <= deep; i++)
        {
            var t = Stopwatch.StartNew();
            var page = await archive.BrowseAsync(query with { After = after, Limit = 50 });
            times.Add(t.Elapsed.TotalMilliseconds);
            rows += page.Posts.Count;
            after = page.Next;
            if (after is null)
            {
                break;
            }
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-22} pages {times.Count,3}  rows {rows,5}  first {times[0]:0.0} ms  median {times[times.Count / 2]:0.0} ms  max {times[^1]:0.0} ms"));
        return times[^1];
    }

    private static IEnumerable<Post> Posts(int n)
    {
        string[] platforms = ["reddit", "quora", "telegram", "pinterest", "generic"];
        string[] words = ["harbour", "council", "market", "river", "festival", "school", "railway", "budget", "museum", "weather"];
        var t0 = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < n; i++)
        {
            yield return new Post
            {
                Platform = platforms[i % 5],
                Id = "p" + i.ToString(CultureInfo.InvariantCulture),
                Author = new Author { Handle = "user" + (i % 1000).ToString(CultureInfo.InvariantCulture) },
                Community = "c" + (i % 20).ToString(CultureInfo.InvariantCulture),
                PublishedAt = t0.AddSeconds(i * 31L % 31_536_000),
                Title = "Post " + i.ToString(CultureInfo.InvariantCulture),
                Text = $"News about the {words[i % 10]} and the {words[(i / 10) % 10]} from user {i % 1000}; item {i}.",
            };
        }
    }
}
