using System.CommandLine;
using Collector.Simulator;

namespace Collector.Cli.Commands;

/// <summary>`collector simulate`: serve the simulated platforms on loopback until Ctrl-C.</summary>
public static class SimulateCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "First port: the hosts take N, N+1, … (0: any free ports).", HelpName = "N" };
        var seed = new Option<int>("--seed") { Description = "Seed of the simulated world.", DefaultValueFactory = _ => 7, HelpName = "S" };
        var posts = new Option<int>("--posts") { Description = "Ordinary posts per subreddit, board, channel and forum section.", DefaultValueFactory = _ => 20, HelpName = "N" };
        var command = new Command("simulate", "Serve the simulated platforms (Reddit, Quora, Pinterest, Telegram, a forum) on 127.0.0.1 until Ctrl-C.") { port, seed, posts };
        command.SetAction((parse, ct) => RunAsync(
            new SimulationOptions { Port = parse.GetValue(port), Seed = parse.GetValue(seed), PostsPerCommunity = parse.GetValue(posts) },
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error,
            ct));
        return command;
    }

    private static async Task<int> RunAsync(SimulationOptions options, TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        SimulatedPlatforms sim;
        try
        {
            sim = await SimulatedPlatforms.StartAsync(options, cancel);
        }
        catch (ArgumentException e)
        {
            await stderr.WriteLineAsync($"collector simulate: {e.Message}");
            return 2;
        }
        catch (IOException e)
        {
            await stderr.WriteLineAsync($"collector simulate: cannot listen: {e.Message}");
            return 1;
        }

        await using (sim)
        {
            await stdout.WriteLineAsync($"Simulated platforms (seed {options.Seed}, {sim.World.Posts.Count} posts, {sim.World.Truth.Chains.Count} planted chains):");
            foreach (var platform in SimPlatforms.All)
            {
                await stdout.WriteLineAsync($"  {platform.Key(),-10} {sim.BaseUrl(platform)}  (parser: {platform.ParserKey()})");
            }

            await stdout.WriteLineAsync($"  {"admin",-10} {sim.AdminUrl}admin  (POST admin/cycle, GET admin/truth, POST admin/faults, GET admin/requests)");
            await stdout.WriteLineAsync("Seeds:");
            foreach (var s in sim.SeedUrls)
            {
                await stdout.WriteLineAsync($"  {s.ParserPlatform,-10} {s.Render.ToString().ToLowerInvariant(),-8} {s.Url}");
            }

            await stdout.WriteLineAsync("Press Ctrl-C to stop.");
            await stdout.FlushAsync(CancellationToken.None);
            try
            {
                await Task.Delay(Timeout.Infinite, cancel);
            }
            catch (OperationCanceledException)
            {
                // Ctrl-C: stop the hosts and exit cleanly.
            }
        }

        return 0;
    }
}
