using System.CommandLine;
using System.Globalization;
using Collector.Cli.Infrastructure;
using Collector.Detection;
using Collector.Detection.Output;
using Collector.Model;
using Collector.Storage;

namespace Collector.Cli.Commands;

/// <summary>`collector detect`: repost chains, coordination network and account flags, with a report.</summary>
public static class DetectCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "Folder for chains.json, accounts.json, network files and report.html.", DefaultValueFactory = _ => "detect-out", HelpName = "DIR" };
        var store = CliOptions.Store();
        var config = CliOptions.Config();
        var since = CliOptions.Since();
        var until = CliOptions.Until();
        var platforms = CliOptions.Platforms();
        var command = new Command("detect", "Find cross-platform repost chains and coordination signals in the archive, and write a report.")
        {
            store, config, since, until, platforms, output,
        };
        command.SetAction(async (parse, ct) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var query = new PostQuery
            {
                Platforms = [.. (parse.GetValue(platforms) ?? []).Select(p => p.Trim().ToLowerInvariant())],
                Since = parse.GetValue(since),
                Until = parse.GetValue(until),
            };
            if (query.Since is { } from && query.Until is { } to && to < from)
            {
                throw new UsageException("--until is before --since");
            }

            await using var archive = await StoreAccess.OpenAsync(parse.GetValue(store), parse.GetValue(config), ct);
            var posts = await LoadAsync(archive, query, ct);
            var result = DetectionEngine.Run(posts);
            var outDir = parse.GetRequiredValue(output);
            await DetectionWriters.WriteAllAsync(result, outDir, TimeProvider.System, ct);
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"detect: {result.Stats.Posts} posts, {result.Chains.Count} chains ({result.Chains.Count(c => c.CrossPlatform)} cross-platform), {result.Network.Nodes.Count} accounts in the network, {result.Accounts.Count} flagged accounts"));
            await stdout.WriteLineAsync($"wrote {Path.GetFullPath(Path.Combine(outDir, "report.html"))} and {DetectionWriters.FileNames.Count - 1} data files");
            return CollectorCli.Ok;
        });
        return command;
    }

    /// <summary>Reads the archive's posts for detection, hashing each archived image once (PDQ) by its SHA-256.</summary>
    public static async Task<List<DetectionPost>> LoadAsync(IArchive archive, PostQuery query, CancellationToken cancellationToken)
    {
        var hashes = new Dictionary<string, Detection.Images.PdqHash?>(StringComparer.Ordinal);
        var posts = new List<DetectionPost>();
        await foreach (var archived in archive.QueryPostsAsync(query, cancellationToken))
        {
            var images = new List<Detection.Images.PdqHash>();
            foreach (var artifact in archived.MediaArtifacts)
            {
                if (artifact.ContentType is { } type && !type.StartsWith("image/", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (!hashes.TryGetValue(artifact.Sha256, out var hash))
                {
                    hash = null;
                    await using var stream = await archive.Artifacts.OpenReadAsync(artifact.Sha256, cancellationToken);
                    if (stream is not null)
                    {
                        using var buffer = new MemoryStream();
                        await stream.CopyToAsync(buffer, cancellationToken);
                        if (Detection.Images.PdqHasher.TryHashEncoded(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), out var computed))
                        {
                            hash = computed;
                        }
                    }

                    hashes[artifact.Sha256] = hash;
                }

                if (hash is { } h)
                {
                    images.Add(h);
                }
            }

            posts.Add(new DetectionPost { Post = archived.Post, FirstSeen = archived.FirstSeen, ImageHashes = images });
        }

        return posts;
    }
}
